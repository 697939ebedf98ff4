package dev.streamsuite.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamsuite.clickstream.ClickstreamRecommenderApplication;
import dev.streamsuite.fraud.FraudDetectorApplication;
import dev.streamsuite.iot.IotAggregatorApplication;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import dev.streamsuite.testsupport.LoopbackPorts;
import dev.streamsuite.testsupport.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Whether memory stays flat as the keys grow: each service, with one stream thread, works off
 * a backlog of at least a million distinct keys (cards, devices, shoppers) while its heap, its
 * RSS and the longest punctuation are sampled. Heap and RSS at each tenth of the input show
 * whether they grow with the keys; the longest punctuation is compared with the transaction
 * timeout it runs in. Written to {@code docs/benchmarks/scale-check.json} and the "Scale check"
 * section of {@code BENCHMARKS.md}.
 */
final class ScaleCheck {

    /** Kafka Streams' {@code transaction.timeout.ms} under exactly-once, where a service sets none. */
    static final long KAFKA_STREAMS_TRANSACTION_TIMEOUT_MS = 10_000;

    /** The property by which a service's application.yml sets its own transaction timeout. */
    private static final String TRANSACTION_TIMEOUT = "spring.kafka.streams.properties.producer.transaction.timeout.ms";

    static final String SECTION = "## Scale check";

    /**
     * Heap in use, heap committed and RSS when {@code share} of the input was committed. RSS less
     * the committed heap is what the process holds outside the heap: RocksDB, metaspace, code,
     * threads. The JVM commits heap as it needs it, up to its cap, so RSS grows while the heap is
     * committed whether or not anything else does.
     */
    record Point(double share, double seconds, double heapMiB, double heapCommittedMiB, double rssMiB) {

        double outsideHeapMiB() {
            return rssMiB - heapCommittedMiB;
        }
    }

    /**
     * {@code pollGapMaxMs}: the longest time between two polls of the stream thread's consumer, the
     * processing in between (a window close of iot-aggregator, for one) and its commits; a
     * transaction lasts no longer than such a stretch and the commit interval after it. Both are
     * compared with {@code transactionTimeoutMs}, the service's as configured.
     */
    record Result(
            String service,
            String keys,
            long events,
            double seconds,
            List<Point> points,
            double punctuateMaxMs,
            double pollGapMaxMs,
            long transactionTimeoutMs) {}

    private ScaleCheck() {}

    /** Runs the part's service over its input until all of it is committed, or for at most 20 minutes. */
    static Result run(Cluster cluster, Runs runs, Path repository, Part part) throws Exception {
        String service = part.service();
        Datasets.Dataset input = part.input();
        String application = "bench-scale-" + service;
        String topic = input.inputTopic();
        var points = new ArrayList<Point>();
        double punctuateMax = 0;
        double pollGapMax = 0;
        var pollGap = new PollGap();
        long started = System.nanoTime();
        var environment = runs.serviceEnvironment(application, 1);
        if (service.equals("iot-aggregator")) {
            // Devices go silent within the run, so the silence checks have work: up to a million alerts.
            environment.put("IOT_SILENTAFTER", "1m");
        }
        try (var process = ServiceProcess.start(repository, service, environment, LoopbackPorts.free());
                var admin = cluster.admin()) {
            int nextTenth = 1;
            long deadline = started + TimeUnit.MINUTES.toNanos(20);
            while (nextTenth <= 10 && System.nanoTime() < deadline && process.isAlive()) {
                TimeUnit.SECONDS.sleep(2);
                punctuateMax = Math.max(punctuateMax, punctuateMax(process));
                pollGapMax = Math.max(pollGapMax, pollGap.maxMs(process));
                double share =
                        Progress.sample(admin, application, List.of(topic)).committed(topic) / (double) input.events();
                if (share >= nextTenth / 10.0) {
                    points.add(new Point(
                            share,
                            (System.nanoTime() - started) / 1e9,
                            metric(process, "jvm.memory.used?tag=area:heap") / (1024 * 1024),
                            metric(process, "jvm.memory.committed?tag=area:heap") / (1024 * 1024),
                            ProcessStats.rssMiB(process.pid())));
                    SuiteBenchmark.log("%s scale check: %s", service, points.get(points.size() - 1));
                    nextTenth = (int) Math.floor(share * 10) + 1;
                }
            }
            // A minute more: punctuations that follow the input (the silence checks) count too.
            for (int i = 0; i < 30 && process.isAlive(); i++) {
                TimeUnit.SECONDS.sleep(2);
                punctuateMax = Math.max(punctuateMax, punctuateMax(process));
                pollGapMax = Math.max(pollGapMax, pollGap.maxMs(process));
            }
        }
        return new Result(
                service,
                part.keys(),
                input.events(),
                (System.nanoTime() - started) / 1e9,
                points,
                punctuateMax,
                pollGapMax,
                transactionTimeoutMs(part.application()));
    }

    /** The longest punctuation of the last sample window (ms); 0 when there was none. */
    private static double punctuateMax(ServiceProcess process) {
        return metric(process, "kafka.stream.thread.punctuate.latency.max");
    }

    /**
     * The longest time between two polls of the stream thread's consumer (ms) in the last sample
     * window; 0 while there is none. The metric's other client is the state updater's restore
     * consumer, whose value the actuator would add if not asked for the stream thread's alone, so
     * the stream thread's client id is looked up among the metric's tags once it is there.
     */
    private static final class PollGap {

        private static final String METRIC = "kafka.consumer.time.between.poll.max";

        private String clientId;

        double maxMs(ServiceProcess process) {
            if (clientId == null) {
                clientId = streamThreadClientId(process);
            }
            return clientId == null ? 0 : metric(process, METRIC + "?tag=client.id:" + clientId);
        }

        private static String streamThreadClientId(ServiceProcess process) {
            try {
                for (JsonNode tag : SuiteBenchmark.json()
                        .readTree(process.body("/actuator/metrics/" + METRIC))
                        .path("availableTags")) {
                    if (!tag.path("tag").asText().equals("client.id")) {
                        continue;
                    }
                    for (JsonNode client : tag.path("values")) {
                        if (client.asText().endsWith("-StreamThread-1-consumer")) {
                            return client.asText();
                        }
                    }
                }
            } catch (IOException | RuntimeException notYet) {
                // not started yet
            }
            return null;
        }
    }

    /**
     * The transaction timeout the application.yml shipped with {@code application} sets, or Kafka
     * Streams' default under exactly-once where it sets none.
     */
    static long transactionTimeoutMs(Class<?> application) {
        return ServiceSettings.shippedProperty(TRANSACTION_TIMEOUT, application)
                .map(Long::parseLong)
                .orElse(KAFKA_STREAMS_TRANSACTION_TIMEOUT_MS);
    }

    /**
     * A value of the service's {@code /actuator/metrics}; 0 while it has none, including a Kafka
     * metric's NaN over a sample window without a recording.
     */
    private static double metric(ServiceProcess process, String name) {
        try {
            JsonNode measurements = SuiteBenchmark.json()
                    .readTree(process.body("/actuator/metrics/" + name))
                    .path("measurements");
            double value = measurements.path(0).path("value").asDouble(0);
            return Double.isNaN(value) ? 0 : value;
        } catch (IOException | RuntimeException notYet) {
            return 0;
        }
    }

    static void write(Path repository, String command, List<Result> results) throws IOException {
        var mapper = SuiteBenchmark.json();
        var root = new LinkedHashMap<String, Object>();
        root.put("command", command);
        root.put("finished", Instant.now().toString());
        root.put("results", results);
        mapper.writeValue(repository.resolve("docs/benchmarks/scale-check.json").toFile(), root);

        var text = new StringBuilder(SECTION).append("\n\n");
        text.append("Written by `").append(command).append("` on ").append(root.get("finished"));
        text.append(". Each service with one stream thread works off a backlog with at least a million distinct")
                .append(" keys, with the memory of the Helm chart's default pod (`")
                .append(String.join(" ", ServiceProcess.JVM_OPTIONS))
                .append("`: a heap of at most ")
                .append(ServiceProcess.POD_HEAP_MIB)
                .append(" MiB). Heap in use, heap committed and RSS are sampled as each tenth of")
                .append(" the input is")
                .append(
                        " committed. The longest punctuation (`punctuate-latency-max`, sampled every 2 s during the run and")
                .append(" a minute after it) is compared with the transaction timeout it runs in (the service's")
                .append(" `producer.transaction.timeout.ms`, Kafka Streams' ")
                .append(KAFKA_STREAMS_TRANSACTION_TIMEOUT_MS / 1000)
                .append(" s under exactly-once where it sets none). iot-aggregator runs with")
                .append(
                        " `IOT_SILENTAFTER=1m`, so its devices go silent during the run and the silence checks report them,")
                .append(" `iot.silence-check-batch` per check and task; each of its devices sends a reading a minute,")
                .append(" so each close of a minute's windows emits one for every device. The longest time between two")
                .append(" polls of the stream thread's consumer (`time-between-poll-max`, sampled likewise) bounds the")
                .append(" longest stretch of processing, such a close among it: a transaction lasts no longer than")
                .append(" that and the commit interval, and is compared with the timeout too. RSS rises while the")
                .append(" JVM commits heap up to its")
                .append(
                        " cap, the JIT compiles and RocksDB's shared cache fills (to `streamsuite.rocksdb.memory-mib`);")
                .append(
                        " RSS less the committed heap is the memory outside the heap (RocksDB, metaspace, code, threads).")
                .append(
                        " Flat means no growth from the middle of the input to its end, while the keys keep growing.\n\n");
        text.append("| service | keys | events | at 10% heap used / committed / RSS MiB | at 50% | at 100% |")
                .append(" RSS 50%→100% | outside the heap 50%→100% MiB | longest punctuation ms |")
                .append(" longest time between polls ms | transaction timeout ms | minutes |\n");
        text.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (var result : results) {
            Point first = result.points().isEmpty() ? null : result.points().get(0);
            Point half = closest(result.points(), 0.5);
            Point last = result.points().isEmpty()
                    ? null
                    : result.points().get(result.points().size() - 1);
            text.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %,d | %s | %s | %s | %s | %s | %.0f | %.0f | %,d | %.1f |%n",
                    result.service(),
                    result.keys(),
                    result.events(),
                    memory(first),
                    memory(half),
                    memory(last),
                    half == null || last == null || last.share() < 0.99
                            ? "did not finish"
                            : String.format(Locale.ROOT, "%+.0f%%", 100 * (last.rssMiB() / half.rssMiB() - 1)),
                    half == null || last == null || last.share() < 0.99
                            ? "–"
                            : String.format(
                                    Locale.ROOT,
                                    "%.0f → %.0f (%+.0f%%)",
                                    half.outsideHeapMiB(),
                                    last.outsideHeapMiB(),
                                    100 * (last.outsideHeapMiB() / half.outsideHeapMiB() - 1)),
                    result.punctuateMaxMs(),
                    result.pollGapMaxMs(),
                    result.transactionTimeoutMs(),
                    result.seconds() / 60));
        }
        Files.writeString(repository.resolve("docs/benchmarks/scale-check.md"), text.toString());
        embed(repository);
    }

    /** Puts the latest scale check (if any) at the end of BENCHMARKS.md, replacing the one there. */
    static void embed(Path repository) throws IOException {
        Path check = repository.resolve("docs/benchmarks/scale-check.md");
        Path benchmarks = repository.resolve("BENCHMARKS.md");
        if (!Files.exists(check) || !Files.exists(benchmarks)) {
            return;
        }
        String text = Files.readString(benchmarks);
        int section = text.indexOf(SECTION);
        String before = section < 0 ? text : text.substring(0, section);
        Files.writeString(benchmarks, before.stripTrailing() + "\n\n" + Files.readString(check));
    }

    private static Point closest(List<Point> points, double share) {
        return points.stream()
                .min((a, b) -> Double.compare(Math.abs(a.share() - share), Math.abs(b.share() - share)))
                .orElse(null);
    }

    private static String memory(Point point) {
        return point == null
                ? "–"
                : String.format(
                        Locale.ROOT, "%.0f / %.0f / %.0f", point.heapMiB(), point.heapCommittedMiB(), point.rssMiB());
    }

    /** One service's part of the check: its backlog, its distinct keys in words, and its application class. */
    record Part(String service, Datasets.Dataset input, String keys, Class<?> application) {}

    /** The parts of the check: at least a million distinct keys each. */
    static List<Part> parts() {
        return List.of(
                // 3M payments over 1.2M card numbers: about 1.1M cards pay at least once.
                new Part(
                        "fraud-detector",
                        Datasets.payments(3_000_000, 1_200_000),
                        "~1.1M cards",
                        FraudDetectorApplication.class),
                // Every device in every minute: each of the two closes emits a million windows.
                new Part(
                        "iot-aggregator",
                        Datasets.readingsEveryMinute(1_000_000, 3),
                        "1M devices, a reading a minute each",
                        IotAggregatorApplication.class),
                new Part(
                        "clickstream-recommender",
                        Datasets.oneClickPerShopper(1_000_000, 1_000_000, 5_000),
                        "1M shoppers",
                        ClickstreamRecommenderApplication.class));
    }
}
