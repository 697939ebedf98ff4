#!/usr/bin/env node
// End-to-end check used by an automated test: publish payments, then wait until
// fraud-detector has decided every one of them.
//
// Environment:
//   KAFKA_BOOTSTRAP_SERVERS  e.g. 127.0.0.1:9092
//   REGISTRY_URL             e.g. http://127.0.0.1:8081/apis/ccompat/v7
//   PAYMENTS                 how many payments (default 20)
//   TIMEOUT_MS               bound for the whole run (default 120000)
//   RUN_ID                   unique per run; transaction ids are tx-<RUN_ID>-<n>
//
// Progress goes to stderr. The LAST line on stdout is one JSON object:
//   {"published":N,"decided":M,"decisions":{"<txId>":"<outcome>",...},"alertsSeen":K}
// plus "error":"<message>" when the run failed.
// Exit code: 0 when every payment was decided, 1 when some were not in time, 2 on error.

import { randomUUID } from 'node:crypto';
import {
  StreamsuiteClient,
  TOPICS,
  buildPayments,
  consumeUntil,
  newRunId,
  positiveIntFromEnv,
  settingsFromEnv,
} from './streamsuite-client.js';

/** Extra time past TIMEOUT_MS for disconnecting before the watchdog gives up. */
const SHUTDOWN_GRACE_MS = 15_000;

const result = { published: 0, decided: 0, decisions: {}, alertsSeen: 0 };

function finish(exitCode, error) {
  if (error) {
    result.error = String(error?.message ?? error);
    console.error(`round-trip failed: ${error?.stack ?? error}`);
  }
  console.log(JSON.stringify(result));
  process.exit(exitCode);
}

async function main() {
  const settings = settingsFromEnv();
  const count = positiveIntFromEnv('PAYMENTS', 20);
  const timeoutMs = positiveIntFromEnv('TIMEOUT_MS', 120_000);
  const runId = process.env.RUN_ID || newRunId();
  const deadline = Date.now() + timeoutMs;

  // Whatever happens inside kafkajs (e.g. endless reconnects), the process ends in bounded time.
  setTimeout(
    () => finish(2, new Error(`did not finish within TIMEOUT_MS + ${SHUTDOWN_GRACE_MS} ms`)),
    timeoutMs + SHUTDOWN_GRACE_MS,
  ).unref();

  const client = new StreamsuiteClient({ ...settings, clientId: `streamsuite-round-trip-${runId}` });
  const payments = buildPayments({ runId, count });
  const pending = new Set(payments.map((p) => p.transactionId));
  const ourCards = new Set(payments.map((p) => p.cardId));
  const alertIds = new Set();

  const producer = client.producer();
  await producer.connect();
  try {
    const { schemaId } = await client.publishPayments(producer, payments);
    result.published = payments.length;
    console.error(`published ${payments.length} payment(s) of run ${runId} with schema id ${schemaId}`);
  } finally {
    await producer.disconnect();
  }

  const { timedOut } = await consumeUntil(client, {
    topics: [TOPICS.decisions, TOPICS.alerts],
    groupId: `streamsuite-node-round-trip-${runId}-${randomUUID()}`,
    timeoutMs: Math.max(0, deadline - Date.now()),
    isDone: () => pending.size === 0,
    onRecord: ({ topic, value }) => {
      if (topic === TOPICS.decisions && pending.delete(value.transactionId)) {
        result.decisions[value.transactionId] = value.outcome;
        result.decided++;
      } else if (topic === TOPICS.alerts && ourCards.has(value.cardId)) {
        // Alert ids are deterministic per incident: count each incident once.
        alertIds.add(value.alertId);
        result.alertsSeen = alertIds.size;
      }
    },
  });
  if (timedOut) {
    console.error(`${pending.size} payment(s) still undecided after ${timeoutMs} ms: ${[...pending].slice(0, 10).join(', ')}`);
  }
  return pending.size === 0 ? 0 : 1;
}

main().then(
  (exitCode) => finish(exitCode),
  (error) => finish(2, error),
);
