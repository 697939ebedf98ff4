package dev.streamsuite.benchmarks;

import dev.streamsuite.streams.RegistryAvroSerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongBiFunction;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * End-to-end latency at a fixed rate: events are sent with event time "now", and a
 * {@code read_committed} consumer of the output sees their results. Each output record says
 * which send it answers ({@link Output#sentAtNanos}); its latency is the time from that send
 * to the moment the consumer's poll returned it, which is when a fetch found it committed.
 */
final class LatencyRun {

    /** The output topic, and for a record on it the send it answers: nanoTime, or -1 if none. */
    record Output<V extends SpecificRecord>(
            String topic, Class<V> type, ToLongBiFunction<V, Map<String, Long>> sentAtNanos) {}

    /**
     * Percentiles in milliseconds, how many results were timed, and the warm-up: its seconds, and
     * whether the service was keeping up when it ended (false: the warm-up ran to its limit).
     */
    record Latency(double p50, double p99, double p999, int samples, double rate, double warmUpS, boolean keptUp) {}

    private LatencyRun() {}

    /**
     * Sends at {@code rate}, first for a warm-up whose results are not timed (the JIT, caches, the
     * first transactions, and the backlog those leave), then for {@code length}. The warm-up lasts
     * at least {@code warmUp} and ends at the first check, once a second, that finds the service
     * {@code keepingUp}, or after {@code maxWarmUp}: start-up is excluded, as in the throughput
     * runs, and what is timed is the service in its steady state.
     */
    static <V extends SpecificRecord> Latency run(
            Cluster cluster,
            Datasets.Dataset input,
            Output<V> output,
            double rate,
            Duration warmUp,
            Duration maxWarmUp,
            BooleanSupplier keepingUp,
            Duration length)
            throws Exception {
        var sentAt = new ConcurrentHashMap<String, Long>();
        var latencies = new ArrayList<Long>();
        var done = new AtomicBoolean();
        var positioned = new CountDownLatch(1);
        var timedFrom = new AtomicLong(Long.MAX_VALUE);
        var keptUp = new AtomicBoolean();
        var serdes = new RegistryAvroSerdes(cluster.registryUrl(), true, Map.of());
        var reader = new Thread(
                () -> read(cluster, serdes, output, sentAt, timedFrom, latencies, done, positioned),
                "latency-reader-" + output.topic());
        reader.start();
        if (!positioned.await(1, TimeUnit.MINUTES)) {
            done.set(true);
            throw new IllegalStateException("the reader of " + output.topic() + " did not start");
        }
        long start = System.nanoTime();
        // Checked beside the sends, so that a slow answer from the broker does not hold them up.
        var checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "latency-warm-up");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(
                () -> {
                    long now = System.nanoTime();
                    if (timedFrom.get() != Long.MAX_VALUE || now - start < warmUp.toNanos()) {
                        return;
                    }
                    if (keepingUp.getAsBoolean()) {
                        keptUp.set(true);
                        timedFrom.set(System.nanoTime());
                    } else if (now - start >= maxWarmUp.toNanos()) {
                        timedFrom.set(now);
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);
        var random = new Random(7);
        // Batched as Kafka's producer batches by default (linger.ms 5): one request per record at
        // thousands a second costs the broker more than the service it measures.
        try (var producer = cluster.producer(Map.of())) {
            for (long i = 0; ; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long now = System.nanoTime();
                long from = timedFrom.get();
                if (from != Long.MAX_VALUE && now - from >= length.toNanos()) {
                    break;
                }
                String id = "live-" + i;
                var event = input.live(id, random, Instant.now());
                if (now >= from) {
                    sentAt.put(id, now);
                }
                producer.send(new ProducerRecord<>(input.inputTopic(), input.keyOf(event), event));
            }
        } finally {
            checks.shutdownNow();
        }
        // Results still in flight get a few seconds more.
        TimeUnit.SECONDS.sleep(5);
        done.set(true);
        reader.join(TimeUnit.SECONDS.toMillis(30));
        synchronized (latencies) {
            long[] sorted =
                    latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Latency(
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.99),
                    percentile(sorted, 0.999),
                    sorted.length,
                    rate,
                    (timedFrom.get() - start) / 1e9,
                    keptUp.get());
        }
    }

    private static <V extends SpecificRecord> void read(
            Cluster cluster,
            RegistryAvroSerdes serdes,
            Output<V> output,
            Map<String, Long> sentAt,
            AtomicLong timedFrom,
            List<Long> latencies,
            AtomicBoolean done,
            CountDownLatch positioned) {
        var values = serdes.valueSerde(output.type()).deserializer();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        cluster.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        // Everything a fetch brought is returned by one poll, undecoded: see below.
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        100_000),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(output.topic()).stream()
                    .map(info -> new TopicPartition(output.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (!done.get()) {
                var polled = consumer.poll(Duration.ofMillis(100));
                // A result is visible when the fetch that brought it returns, together with the others of that
                // fetch: the reader's decoding of those ahead of it is its own cost, not the pipeline's (a window
                // close's 2,000 aggregates, decoded 500 a poll, took this reader 13-39 ms a poll on the two cores
                // it shares with the service and the broker).
                long now = System.nanoTime();
                for (var record : polled) {
                    V value = values.deserialize(record.topic(), record.headers(), record.value());
                    long sent = value == null ? -1 : output.sentAtNanos().applyAsLong(value, sentAt);
                    if (sent >= timedFrom.get()) {
                        synchronized (latencies) {
                            latencies.add(now - sent);
                        }
                    }
                }
            }
        }
    }

    private static double percentile(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    /**
     * The System.nanoTime of a wall-clock instant, for results answering a time rather than a send.
     * Taken from both clocks at the call, when the result is seen: the wall clock may be adjusted
     * during a run (a fixed pair of readings taken at start gave latencies of -232 ms at p50).
     */
    static long nanosAt(Instant wall) {
        return System.nanoTime() - (System.currentTimeMillis() - wall.toEpochMilli()) * 1_000_000;
    }
}
