// A small Node.js client for streamsuite's payment topics.
//
// What the Java services expect, and how this module meets it:
//   - Values are Avro in the Confluent wire format (magic byte 0, 4-byte big-endian schema
//     id, binary Avro), with the schema registered under `<topic>-value`. The registry is
//     Apicurio; its Confluent-compatible API at /apis/ccompat/v7 serves the same ids the Java
//     serdes write (Apicurio content ids), so @kafkajs/confluent-schema-registry can encode
//     and decode them unchanged.
//   - Payments are keyed by card id; fraud-detector rejects a payment whose key is not its
//     cardId. kafkajs's default partitioner hashes keys with murmur2 exactly like the Java
//     client, so a card's payments land on the partition Java producers and the services'
//     interactive queries expect.
//   - The services write under exactly-once: consumers must read committed records only
//     (`readUncommitted: false`), or they see records of aborted transactions.

import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';

/** Topic names, as in shared-schemas' TopicCatalog (docs/topics.md). */
export const TOPICS = Object.freeze({
  payments: 'payments.transactions.v1', // key: cardId, value: Transaction
  decisions: 'payments.decisions.v1', // key: transactionId, value: PaymentDecision
  alerts: 'payments.fraud-alerts.v1', // key: cardId, value: FraudAlert
});

/** The registry subject of a topic's values (Confluent's TopicNameStrategy). */
export const valueSubject = (topic) => `${topic}-value`;

/**
 * Connection settings from the environment, with the local stack's defaults.
 *
 * KAFKA_BOOTSTRAP_SERVERS: comma-separated host:port list.
 * REGISTRY_URL: the Confluent-compatible base URL, e.g. http://127.0.0.1:8081/apis/ccompat/v7.
 */
export function settingsFromEnv(env = process.env) {
  return {
    brokers: (env.KAFKA_BOOTSTRAP_SERVERS ?? '127.0.0.1:9092')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    registryUrl: (env.REGISTRY_URL ?? 'http://127.0.0.1:8081/apis/ccompat/v7').replace(/\/+$/, ''),
  };
}

/** Reads a positive integer from the environment, or the default when unset. */
export function positiveIntFromEnv(name, defaultValue, env = process.env) {
  const raw = env[name];
  if (raw === undefined || raw === '') return defaultValue;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer, was '${raw}'`);
  }
  return value;
}

/**
 * The Kafka client, the schema registry client and factories for a producer and consumers
 * configured the way the services need them. Logs go to stderr so that stdout stays free for
 * the scripts' output.
 */
export class StreamsuiteClient {
  constructor({ brokers, registryUrl, clientId = 'streamsuite-node-client', verbose = false }) {
    this.kafka = new Kafka({
      clientId,
      brokers,
      logLevel: verbose ? logLevel.INFO : logLevel.WARN,
      logCreator: stderrLogCreator,
    });
    this.registryUrl = registryUrl;
    this.registry = new SchemaRegistry({ host: registryUrl });
  }

  /**
   * An idempotent producer (acks=all, unbounded retries, one request in flight) with the
   * Java-compatible murmur2 partitioner. Passing the partitioner explicitly documents the
   * choice and silences kafkajs's start-up warning about its default.
   */
  producer() {
    return this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  /** A consumer that only sees committed records (isolation.level=read_committed). */
  consumer(groupId) {
    return this.kafka.consumer({ groupId, readUncommitted: false });
  }

  /**
   * The id of the latest schema registered for a topic's values. Producers encode with it, so
   * the contract comes from the registry, not from this client.
   */
  async latestValueSchemaId(topic) {
    const subject = valueSubject(topic);
    try {
      return await this.registry.getLatestSchemaId(subject);
    } catch (error) {
      if (error?.status !== 404) throw error;
      throw new Error(
        `No schema is registered under '${subject}'. Register the contract's schemas first: a Java ` +
          'producer with auto-registration does on its first write (e.g. the simulator, or the local ' +
          'stack with --simulator-rate above 0), or your schema pipeline does.',
      );
    }
  }

  /** Encodes a value with a registered schema, in the Confluent wire format. */
  encode(schemaId, value) {
    return this.registry.encode(schemaId, value);
  }

  /** Decodes a Confluent-framed Avro value, fetching (and caching) its writer schema by id. */
  decode(buffer) {
    return this.registry.decode(buffer);
  }

  /**
   * Publishes payments keyed by card id, encoded with the latest `payments.transactions.v1-value`
   * schema. The record timestamp is the payment's event time: fraud-detector rejects an event
   * time more than an hour ahead of the record's timestamp.
   *
   * @returns {Promise<{schemaId: number, batches: object[]}>} the schema id used and kafkajs's
   *   record metadata (one entry per partition written: partition, baseOffset)
   */
  async publishPayments(producer, payments) {
    const schemaId = await this.latestValueSchemaId(TOPICS.payments);
    const messages = await Promise.all(
      payments.map(async (payment) => ({
        key: payment.cardId,
        value: await this.encode(schemaId, payment),
        timestamp: String(payment.eventTime),
      })),
    );
    const batches = await producer.send({ topic: TOPICS.payments, messages });
    return { schemaId, batches };
  }
}

/** kafkajs's level numbers by name, e.g. 1 -> 'ERROR'. */
const LEVEL_NAMES = Object.fromEntries(Object.entries(logLevel).map(([name, value]) => [value, name]));

/** A kafkajs log creator that writes one line per entry to stderr. */
function stderrLogCreator() {
  return ({ namespace, level, log }) => {
    // eslint-disable-next-line no-unused-vars
    const { message, timestamp, logger, stack, ...extra } = log;
    const details = Object.keys(extra).length ? ` ${JSON.stringify(extra)}` : '';
    process.stderr.write(`${timestamp} ${LEVEL_NAMES[level] ?? level} [${namespace}] ${message}${details}\n`);
  };
}

// ---------------------------------------------------------------------------------------------
// Realistic payments, shaped like tools/simulator's normal traffic so that fraud-detector's
// validation accepts them and its default rules stay quiet.

/** A few of the simulator's cities: ISO 3166-1 country, ISO 4217 currency, centre coordinates. */
const CITIES = [
  { code: 'PAR', country: 'FR', currency: 'EUR', latitude: 48.8566, longitude: 2.3522 },
  { code: 'BER', country: 'DE', currency: 'EUR', latitude: 52.52, longitude: 13.405 },
  { code: 'MAD', country: 'ES', currency: 'EUR', latitude: 40.4168, longitude: -3.7038 },
  { code: 'AMS', country: 'NL', currency: 'EUR', latitude: 52.3676, longitude: 4.9041 },
  { code: 'WAW', country: 'PL', currency: 'PLN', latitude: 52.2297, longitude: 21.0122 },
  { code: 'LON', country: 'GB', currency: 'GBP', latitude: 51.5074, longitude: -0.1278 },
  { code: 'NYC', country: 'US', currency: 'USD', latitude: 40.7128, longitude: -74.006 },
  { code: 'TYO', country: 'JP', currency: 'JPY', latitude: 35.6762, longitude: 139.6503 },
];
/** ISO 18245 merchant category codes: groceries, restaurants, fast food, fuel, pharmacy, ... */
const LOCAL_MCCS = ['5411', '5812', '5814', '5541', '5912', '5311', '5999'];
/** Electronics, books, taxis, digital goods, clothing. */
const ONLINE_MCCS = ['5732', '5942', '4121', '5815', '5691'];
const ONLINE_COUNTRIES = ['IE', 'LU', 'NL', 'US', 'GB'];

/**
 * At most this many payments per card: fraud-detector's velocity rule fires above 5 payments
 * of a card within a minute, and a batch is published within seconds.
 */
const MAX_PAYMENTS_PER_CARD = 3;

/**
 * Builds `count` valid Transaction records (as plain objects matching the Avro schema).
 *
 * Ids embed `runId` so that repeated runs never collide: transaction ids are
 * `tx-<runId>-<n>`, card ids `card-<runId>-<n>`, account ids `acct-<runId>-<n>`. Each card
 * pays at most MAX_PAYMENTS_PER_CARD times, at merchants of its home city (card present or
 * contactless, with a location a few hundred metres from the centre) or online (no
 * location), in its home currency, for 2.50 to about 80.00.
 *
 * @param {object} options
 * @param {string} options.runId unique per run
 * @param {number} options.count how many payments
 * @param {number} [options.now] event time in epoch milliseconds
 * @param {() => number} [options.random] a uniform [0, 1) source, e.g. seeded for tests
 */
export function buildPayments({ runId, count, now = Date.now(), random = Math.random }) {
  if (!/^[A-Za-z0-9._-]+$/.test(runId)) {
    throw new Error(`runId may only contain letters, digits, '.', '_' and '-', was '${runId}'`);
  }
  const pick = (list) => list[Math.floor(random() * list.length)];
  const cardCount = Math.ceil(count / MAX_PAYMENTS_PER_CARD);
  const cards = Array.from({ length: cardCount }, (_, i) => ({
    cardId: `card-${runId}-${i}`,
    accountId: `acct-${runId}-${i}`,
    home: pick(CITIES),
    // Typical amount in minor units: 10.00 to 50.00.
    typicalMinor: 1000 + Math.round(random() * 4000),
  }));

  const payments = [];
  for (let n = 0; n < count; n++) {
    const card = cards[n % cardCount];
    // Within about 1.6 times the typical amount either way, never below 2.50.
    const amountMinor = Math.max(250, Math.round(card.typicalMinor * Math.exp(0.3 * (2 * random() - 1) * 1.5)));
    const located = random() < 0.7;
    const base = {
      transactionId: `tx-${runId}-${n}`,
      cardId: card.cardId,
      accountId: card.accountId,
      amountMinor,
      currency: card.home.currency,
      // Spread the event times over the last few seconds, oldest first.
      eventTime: now - (count - n) * 10,
    };
    if (located) {
      const k = Math.floor(random() * 40);
      payments.push({
        ...base,
        merchantId: `m-${runId}-${card.home.code}-${k}`,
        merchantCategoryCode: LOCAL_MCCS[k % LOCAL_MCCS.length],
        country: card.home.country,
        location: jitter(card.home, random),
        channel: random() < 0.6 ? 'CONTACTLESS' : 'CARD_PRESENT',
      });
    } else {
      const k = Math.floor(random() * 60);
      payments.push({
        ...base,
        merchantId: `m-${runId}-web-${k}`,
        merchantCategoryCode: ONLINE_MCCS[k % ONLINE_MCCS.length],
        country: ONLINE_COUNTRIES[k % ONLINE_COUNTRIES.length],
        location: null,
        channel: 'ECOMMERCE',
      });
    }
  }
  return payments;
}

/** A point within about 2 km of a city's centre (the simulator's jitter). */
function jitter(city, random) {
  const d = 0.02;
  const offset = () => (2 * random() - 1) * d;
  return {
    latitude: city.latitude + offset(),
    longitude: city.longitude + offset() / Math.cos((city.latitude * Math.PI) / 180),
  };
}

/** A run id that is unique enough for a manual run: time plus a random suffix. */
export function newRunId() {
  return `node-${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
}

// ---------------------------------------------------------------------------------------------
// Reading.

/**
 * Consumes topics from the beginning with a fresh consumer group, decoding each value, until
 * `isDone()` returns true or `timeoutMs` passes. Everything is disconnected before it returns.
 *
 * @param {StreamsuiteClient} client
 * @param {object} options
 * @param {string[]} options.topics
 * @param {string} options.groupId a new group id, so that reading starts at the beginning
 * @param {(record: {topic: string, key: string|null, value: object, partition: number, offset: string}) => void} options.onRecord
 * @param {() => boolean} [options.isDone] checked after each record and on every poll tick
 * @param {number} options.timeoutMs upper bound for the whole read
 * @returns {Promise<{timedOut: boolean}>}
 */
export async function consumeUntil(client, { topics, groupId, onRecord, isDone = () => false, timeoutMs }) {
  const consumer = client.consumer(groupId);
  const deadline = Date.now() + timeoutMs;
  let failure = null;
  try {
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        try {
          if (message.value === null) return; // tombstones carry no value to decode
          const value = await client.decode(message.value);
          onRecord({
            topic,
            partition,
            offset: message.offset,
            key: message.key?.toString('utf8') ?? null,
            value,
          });
        } catch (error) {
          failure ??= error;
        }
      },
    });
    // consumer.run() returns once the fetch loop has started; wait for completion, a failure
    // or the deadline, checking a few times per second.
    while (!failure && !isDone() && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await consumer.disconnect();
  }
  if (failure) throw failure;
  return { timedOut: !isDone() };
}
