#!/usr/bin/env node
// Reads fraud-detector's decisions and fraud alerts from the beginning, committed records
// only, decodes them via the registry and prints one JSON line per record on stdout.
//
//   node read-decisions.js            stops after IDLE_MS (default 5000) without a new record
//   node read-decisions.js --follow   keeps reading until Ctrl-C
//
// Environment: KAFKA_BOOTSTRAP_SERVERS, REGISTRY_URL, IDLE_MS.

import { randomUUID } from 'node:crypto';
import { StreamsuiteClient, TOPICS, consumeUntil, positiveIntFromEnv, settingsFromEnv } from './streamsuite-client.js';

async function main() {
  const follow = process.argv.includes('--follow');
  const idleMs = positiveIntFromEnv('IDLE_MS', 5000);
  const client = new StreamsuiteClient(settingsFromEnv());

  let stopRequested = false;
  process.once('SIGINT', () => {
    stopRequested = true;
  });

  // The first records can take a few seconds: joining the group comes first.
  let lastRecordAt = Date.now();
  let count = 0;
  await consumeUntil(client, {
    topics: [TOPICS.decisions, TOPICS.alerts],
    // A new group each run, so that every run reads from the beginning and commits nothing
    // that another reader would resume from.
    groupId: `streamsuite-node-reader-${randomUUID()}`,
    timeoutMs: Number.POSITIVE_INFINITY,
    isDone: () => stopRequested || (!follow && Date.now() - lastRecordAt > idleMs),
    onRecord: ({ topic, partition, offset, key, value }) => {
      lastRecordAt = Date.now();
      count++;
      console.log(JSON.stringify({ topic, partition, offset, key, value }));
    },
  });
  console.error(`read ${count} record(s)`);
}

main().catch((error) => {
  console.error(`read-decisions failed: ${error?.stack ?? error}`);
  process.exitCode = 1;
});
