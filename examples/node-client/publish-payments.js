#!/usr/bin/env node
// Publishes N valid payments to payments.transactions.v1, encoded with the latest registered
// Transaction schema and keyed by card id.
//
//   node publish-payments.js [count]     (count defaults to 10)
//
// Environment: KAFKA_BOOTSTRAP_SERVERS, REGISTRY_URL, RUN_ID (optional; ids embed it).
// Prints one JSON line per payment sent, then a summary line, on stdout.

import {
  StreamsuiteClient,
  TOPICS,
  buildPayments,
  newRunId,
  settingsFromEnv,
} from './streamsuite-client.js';

async function main() {
  const args = process.argv.slice(2);
  const count = parseCount(args[0]);
  const runId = process.env.RUN_ID || newRunId();
  const client = new StreamsuiteClient(settingsFromEnv());
  const producer = client.producer();
  await producer.connect();
  try {
    const payments = buildPayments({ runId, count });
    const { schemaId, batches } = await client.publishPayments(producer, payments);
    for (const p of payments) {
      console.log(
        JSON.stringify({
          transactionId: p.transactionId,
          key: p.cardId,
          amountMinor: p.amountMinor,
          currency: p.currency,
          channel: p.channel,
          merchantId: p.merchantId,
        }),
      );
    }
    console.log(
      JSON.stringify({
        topic: TOPICS.payments,
        runId,
        published: payments.length,
        schemaId,
        partitions: batches.map((b) => ({ partition: b.partition, baseOffset: b.baseOffset })),
      }),
    );
  } finally {
    await producer.disconnect();
  }
}

function parseCount(arg) {
  if (arg === undefined) return 10;
  const n = Number(arg);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`count must be a positive integer, was '${arg}'`);
  return n;
}

main().catch((error) => {
  console.error(`publish-payments failed: ${error?.stack ?? error}`);
  process.exitCode = 1;
});
