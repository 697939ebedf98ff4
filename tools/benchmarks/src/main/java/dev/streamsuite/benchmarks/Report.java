package dev.streamsuite.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamsuite.testsupport.SchemaRegistry;
import dev.streamsuite.testsupport.ServiceProcess;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.utils.AppInfoParser;
import org.springframework.boot.SpringBootVersion;

/**
 * Collects the rounds and writes their medians: {@code docs/benchmarks/latest.json} (one object
 * per pipeline under {@code results}) and the table in {@code BENCHMARKS.md}.
 */
final class Report {

    /** A baseline that varies more than this between rounds makes the run unreliable. */
    private static final double MAX_BASELINE_SPREAD = 0.10;

    private static final List<String> BASELINES = List.of("producer-perf", "consumer-perf", "B0", "B1");

    /** Goals of issue #13, checked here and reported, never asserted in a test. */
    private static final List<Map.Entry<String, Double>> RATIO_GOALS = List.of(
            Map.entry("B1", 0.7),
            Map.entry("fraud-detector", 0.6),
            Map.entry("iot-aggregator", 0.7),
            Map.entry("clickstream-recommender", 0.4));

    private static final List<Map.Entry<String, Double>> P99_GOALS_MS = List.of(
            Map.entry("fraud-detector", 250.0),
            Map.entry("iot-aggregator", 250.0),
            Map.entry("clickstream-recommender", 400.0));

    final SuiteBenchmark.Options options;
    private final Path repository;
    private final Instant started = Instant.now();
    private final Map<String, List<Runs.Throughput>> rounds = new LinkedHashMap<>();
    private final Map<String, LatencyRun.Latency> latencies = new LinkedHashMap<>();

    Report(SuiteBenchmark.Options options, Path repository) {
        this.options = options;
        this.repository = repository;
    }

    void add(String pipeline, int threads, Runs.Throughput run) {
        rounds.computeIfAbsent(key(pipeline, threads), key -> new ArrayList<>()).add(run);
        SuiteBenchmark.log(
                "%-36s %,10.0f events/s  (%.1f s, RSS %.0f MiB, heap %.0f MiB, CPU %.1f µs/event, broker %.1f) %s",
                key(pipeline, threads),
                run.eventsPerSecond(),
                run.seconds(),
                run.rssMiB(),
                run.heapMiB(),
                run.cpuMicrosPerEvent(),
                run.brokerCpuMicrosPerEvent(),
                run.stages());
    }

    void latency(String service, LatencyRun.Latency latency) {
        latencies.put(service, latency);
        SuiteBenchmark.log(
                "%-28s p50 %.0f ms, p99 %.0f ms, p99.9 %.0f ms (%,d results at %,.0f/s, after a warm-up of %.0f s%s)",
                service,
                latency.p50(),
                latency.p99(),
                latency.p999(),
                latency.samples(),
                latency.rate(),
                latency.warmUpS(),
                latency.keptUp() ? "" : " that did not catch up");
    }

    double median(String pipeline, int threads) {
        return median(rounds.getOrDefault(key(pipeline, threads), List.of()).stream()
                .map(Runs.Throughput::eventsPerSecond)
                .toList());
    }

    void write() throws IOException {
        var mapper = SuiteBenchmark.json();
        ObjectNode root = mapper.createObjectNode();
        root.put("command", options.command());
        root.put("started", started.toString());
        root.put("finished", Instant.now().toString());
        root.set("machine", machine(mapper.createObjectNode()));
        var versions = root.putObject("versions");
        versions.put("java", System.getProperty("java.version"));
        versions.put("kafka", AppInfoParser.getVersion());
        versions.put("avro", Schema.class.getPackage().getImplementationVersion());
        versions.put("spring_boot", SpringBootVersion.getVersion());
        versions.put("apicurio_registry", SchemaRegistry.VERSION);
        var settings = root.putObject("settings");
        settings.put("rounds", options.rounds());
        settings.put("window_s", options.window());
        settings.put("latency_s", options.latency());
        settings.put("scale", options.scale());
        if (options.before() != null) {
            settings.put("before", options.before());
            settings.put("before_jvm", String.join(" ", options.beforeJvm()));
        }
        settings.put("broker", "one KRaft broker, a process of its own, 6 partitions per topic, replication 1");
        settings.put(
                "services",
                "their -exec jars with the Helm chart's default pod's memory ("
                        + String.join(" ", ServiceProcess.JVM_OPTIONS)
                        + ") and their application.yml, exactly_once_v2");
        double b0 = median("B0", 1);
        double b1 = median("B1", 1);
        boolean reliable = true;
        ArrayNode results = root.putArray("results");
        var table = new StringBuilder();
        table.append(
                "| pipeline | stream threads | events/s (median) | rounds | × B0 | × B1 | p50 / p99 / p99.9 ms | RSS MiB | heap MiB | CPU µs/event | broker CPU µs/event |\n");
        table.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (var entry : rounds.entrySet()) {
            String pipeline = entry.getKey().split(" ")[0];
            int threads = Integer.parseInt(entry.getKey().replaceAll(".*\\((\\d+) thread.*", "$1"));
            var runs = entry.getValue();
            var values = SuiteBenchmark.values(runs, Runs.Throughput::eventsPerSecond);
            double median = median(values);
            double spread = (values.stream().mapToDouble(v -> v).max().orElse(0)
                            - values.stream().mapToDouble(v -> v).min().orElse(0))
                    / median;
            boolean baseline = BASELINES.contains(pipeline);
            if (baseline && spread > MAX_BASELINE_SPREAD) {
                reliable = false;
            }
            var result = results.addObject();
            result.put("pipeline", pipeline);
            result.put("stream_threads", threads);
            result.put("events_per_s", Math.round(median));
            var perRound = result.putArray("rounds_events_per_s");
            values.forEach(value -> perRound.add(Math.round(value)));
            result.put("spread", round(spread));
            boolean streams = !pipeline.endsWith("-perf");
            // A run without the baselines (--only) has no ratios, rather than ratios to zero.
            if (streams && b0 > 0) {
                result.put("ratio_to_b0", round(median / b0));
            }
            if (streams && b1 > 0 && !pipeline.equals("B0")) {
                result.put("ratio_to_b1", round(median / b1));
            }
            double rss = median(SuiteBenchmark.values(runs, Runs.Throughput::rssMiB));
            double heap = median(SuiteBenchmark.values(runs, Runs.Throughput::heapMiB));
            if (rss > 0) {
                result.put("rss_mib", Math.round(rss));
            }
            if (heap > 0) {
                result.put("heap_mib", Math.round(heap));
            }
            double cpu = median(SuiteBenchmark.values(runs, Runs.Throughput::cpuMicrosPerEvent));
            if (cpu > 0) {
                result.put("cpu_us_per_event", round(cpu));
            }
            double brokerCpu = median(SuiteBenchmark.values(runs, Runs.Throughput::brokerCpuMicrosPerEvent));
            if (brokerCpu > 0) {
                result.put("broker_cpu_us_per_event", round(brokerCpu));
            }
            double warmUp = median(SuiteBenchmark.values(runs, Runs.Throughput::warmUpSeconds));
            if (warmUp > 0) {
                result.put("warm_up_s", round(warmUp));
            }
            var latency = threads == 1 ? latencies.get(pipeline) : null;
            if (latency != null) {
                result.put("p50_ms", round(latency.p50()));
                result.put("p99_ms", round(latency.p99()));
                result.put("p999_ms", round(latency.p999()));
                result.put("latency_rate_per_s", Math.round(latency.rate()));
                result.put("latency_results", latency.samples());
                result.put("latency_warm_up_s", round(latency.warmUpS()));
                result.put("latency_warm_up_caught_up", latency.keptUp());
            }
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %,.0f | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    pipeline,
                    streams ? Integer.toString(threads) : "",
                    median,
                    values.stream()
                            .map(v -> String.format(Locale.ROOT, "%,.0f", v))
                            .toList(),
                    streams && b0 > 0 ? ratio(median / b0) : "",
                    streams && b1 > 0 && !pipeline.equals("B0") ? ratio(median / b1) : "",
                    latency == null
                            ? ""
                            : String.format(
                                    Locale.ROOT, "%.0f / %.0f / %.0f", latency.p50(), latency.p99(), latency.p999()),
                    rss > 0 ? String.format(Locale.ROOT, "%.0f", rss) : "",
                    heap > 0 ? String.format(Locale.ROOT, "%.0f", heap) : "",
                    cpu > 0 ? String.format(Locale.ROOT, "%.1f", cpu) : "",
                    brokerCpu > 0 ? String.format(Locale.ROOT, "%.1f", brokerCpu) : ""));
        }
        root.put("reliable", reliable);
        root.put(
                "reliability_rule",
                "unreliable when a baseline (producer-perf, consumer-perf, B0, B1) varies by more than 10% between"
                        + " rounds: (max - min) / median");
        var goals = goals(b0, b1);
        root.set("goals", goals);
        Path json = repository.resolve("docs/benchmarks/latest.json");
        Files.createDirectories(json.getParent());
        mapper.writeValue(json.toFile(), root);
        writeMarkdown(root, table.toString(), goals, reliable);
        SuiteBenchmark.log("%n%s", table);
        SuiteBenchmark.log(
                "written: %s and BENCHMARKS.md%s",
                json, reliable ? "" : " (UNRELIABLE: a baseline varied by more than 10%)");
    }

    /** Two decimals, or as many as show a ratio under 0.1 (0.004, not 0.00). */
    static String ratio(double ratio) {
        return ratio >= 0.1 || ratio == 0
                ? String.format(Locale.ROOT, "%.2f", ratio)
                : new BigDecimal(ratio).round(new MathContext(1)).toPlainString();
    }

    private ArrayNode goals(double b0, double b1) {
        var goals = SuiteBenchmark.json().createArrayNode();
        RATIO_GOALS.forEach(entry -> {
            String pipeline = entry.getKey();
            double goal = entry.getValue();
            double base = pipeline.equals("B1") ? b0 : b1;
            for (int threads : List.of(1, 2)) {
                double median = median(pipeline, threads);
                if (median > 0 && base > 0) {
                    goal(
                            goals,
                            pipeline + " (" + threads + " thread" + (threads == 1 ? "" : "s") + ") ≥ " + goal
                                    + (pipeline.equals("B1") ? " × B0" : " × B1"),
                            median / base,
                            goal,
                            true);
                }
            }
        });
        P99_GOALS_MS.forEach(entry -> {
            String service = entry.getKey();
            double goal = entry.getValue();
            var latency = latencies.get(service);
            if (latency != null && latency.samples() > 0) {
                goal(goals, service + " p99 ≤ " + (int) goal + " ms at 50% load", latency.p99(), goal, false);
            }
        });
        rounds.forEach((key, runs) -> {
            double rss = median(SuiteBenchmark.values(runs, Runs.Throughput::rssMiB));
            // An earlier build (--before) is there for comparison, not judged.
            if (rss > 0 && !key.startsWith("B") && !key.contains("@before")) {
                goal(goals, key + " RSS ≤ 512 MiB", rss, 512, false);
            }
        });
        double iotTwoThreads = median("iot-aggregator", 2);
        if (iotTwoThreads > 0) {
            goal(goals, "iot-aggregator (2 threads) ≥ 60,000 readings/s", iotTwoThreads, 60_000, true);
        }
        return goals;
    }

    private static void goal(ArrayNode goals, String name, double measured, double target, boolean atLeast) {
        var goal = goals.addObject();
        goal.put("goal", name);
        goal.put("measured", round(measured));
        goal.put("met", atLeast ? measured >= target : measured <= target);
    }

    private void writeMarkdown(ObjectNode root, String table, ArrayNode goals, boolean reliable) throws IOException {
        var text = new StringBuilder();
        text.append("# Benchmarks\n\n");
        text.append("Written by the benchmark itself (`SuiteBenchmark` in `tools/benchmarks`); do not edit by hand.\n");
        text.append(
                "The same figures, with every round, are in [docs/benchmarks/latest.json](docs/benchmarks/latest.json).\n\n");
        text.append("```\n").append(root.path("command").asText()).append("\n```\n\n");
        text.append(String.format(
                Locale.ROOT,
                "Run %s on %s. Medians of %d rounds, after one pass of the baselines that is not counted (it warms"
                        + " the broker up); baselines and services interleaved in each round, the services taking turns"
                        + " at going first.%s%n%n",
                root.path("started").asText(),
                root.path("machine").path("summary").asText(),
                options.rounds(),
                reliable ? "" : " **Unreliable: a baseline varied by more than 10% between rounds.**"));
        text.append(table).append('\n');
        text.append(String.format(
                Locale.ROOT,
                "- **producer-perf / consumer-perf**: Kafka's `ProducerPerformance` and `ConsumerPerformance`, %,d"
                        + " records of 200 bytes.%n",
                SuiteBenchmark.PERF_RECORDS));
        text.append(String.format(
                Locale.ROOT,
                "- **B0**: a Kafka Streams pass-through of payments as bytes, exactly-once, on a backlog of its own of"
                        + " %,d payments (fraud-detector's four times over, so that the JIT settles and the clock runs"
                        + " for seconds after it). **B1**: the same, reading and writing `Transaction` records through the"
                        + " platform's registry serdes. Their clock is read every %d ms, so a run that works off its"
                        + " backlog ends within that of its last commit.%n",
                SuiteBenchmark.baselinePayments(options.scale()),
                Runs.PROGRESS_POLL_MS));
        text.append(
                        "- **Services**: each as deployed (its `-exec` jar, `application.yml`, exactly-once, and the memory of ")
                .append("the Helm chart's default pod: `")
                .append(String.join(" ", ServiceProcess.JVM_OPTIONS))
                .append("`, where `MaxRAM` stands for the pod's memory limit, so the heap is at most ")
                .append(ServiceProcess.POD_HEAP_MIB)
                .append(" MiB), on a backlog of ")
                .append(String.format(Locale.ROOT, "%.0f", 1_000_000 * options.scale()))
                .append(" payments over ")
                .append(String.format(Locale.ROOT, "%.0f", 100_000 * options.scale()))
                .append(" cards, ")
                .append(String.format(Locale.ROOT, "%.0f", 1_500_000 * options.scale()))
                .append(" readings from 2,000 devices (about 4 per device and minute), or ")
                .append(String.format(Locale.ROOT, "%.0f", 1_000_000 * options.scale()))
                .append(" clicks of ")
                .append(String.format(Locale.ROOT, "%.0f", 50_000 * options.scale()))
                .append(
                        " shoppers on 5,000 items. Start-up excluded: the clock starts once 2% of the input is committed "
                                + "and the JIT has compiled the hot path (its and the broker's compiler threads used less than a "
                                + "tenth of a core together over 5 s; until then they take up to most of one of the two cores), at the latest once 60% "
                                + "of the input is committed; `warm_up_s` in the JSON, from the start of the process; ")
                .append("a run lasts ")
                .append(options.window())
                .append(
                        " s or until everything is committed. Throughput counts the slowest stage, repartition topics included.\n");
        text.append(
                        "- **Latency**: each service with one stream thread at half its median throughput, events sent with event time now by a producer with Kafka's default batching (linger.ms 5); ")
                .append(
                        "from the send to the `read_committed` consumer's poll returning the decision or recommendation (a poll returns all that its fetch "
                                + "found committed, and each result is timed then, before the reader decodes it). For iot-aggregator, from the moment ")
                .append("the window could close (its end plus the grace: the first later reading) to its aggregate. ")
                .append(
                        "Start-up excluded, as in the throughput runs: the service starts, events flow for a warm-up whose ")
                .append(
                        "results are not timed, and timing begins once the service keeps up (each topic it reads less than ")
                .append(
                        "half a second of its traffic behind; at least 10 s, at most 90 s; `latency_warm_up_s` in the JSON). "
                                + "iot-aggregator's warm-up lasts at least a window and its grace and 10 s more, so that it "
                                + "includes the first window close after the start, which runs the close path before the JIT "
                                + "compiled it; its timing lasts at least 120 s, two closes.\n");
        if (options.before() != null) {
            text.append("- **@before**: the services' jars built under `")
                    .append(options.before())
                    .append("`, with one stream thread in every round, in a pod with `")
                    .append(String.join(" ", options.beforeJvm()))
                    .append(
                            "`: an earlier build or other JVM options, measured in the same run, next to the build under"
                                    + " test's one-thread run and before it in every other round; its latency at the same rate"
                                    + " as the build under test's, in a run right after that one.\n");
        }
        text.append("- **RSS / heap**: the largest value sampled each second during the run.\n");
        text.append(
                "- **CPU µs/event**: the process's CPU time (user and system, all its threads: stream threads, producer I/O, JIT, garbage collection, RocksDB) over the measured window, divided by the events counted in it; the broker's share is not in it. On two cores shared with the broker it tells a cheaper build from a dearer one where the rate moves with the machine. **Broker CPU µs/event**: the broker process's CPU time over the same window and events: what the pipeline costs the broker (its reads and writes, transactions, compressing the internal topics).\n\n");
        text.append("## Goals (#13)\n\n| goal | measured | met |\n|---|---|---|\n");
        goals.forEach(goal -> text.append(String.format(
                Locale.ROOT,
                "| %s | %s | %s |%n",
                goal.path("goal").asText(),
                goal.path("measured").asText(),
                goal.path("met").asBoolean() ? "yes" : "**no**")));
        Files.writeString(repository.resolve("BENCHMARKS.md"), text.toString());
        ScaleCheck.embed(repository);
    }

    private static ObjectNode machine(ObjectNode machine) {
        int cores = Runtime.getRuntime().availableProcessors();
        String cpu = firstLine(Path.of("/proc/cpuinfo"), "model name");
        String memory = firstLine(Path.of("/proc/meminfo"), "MemTotal");
        machine.put("cores", cores);
        machine.put("cpu", cpu);
        machine.put("memory", memory);
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put(
                "summary",
                cores + " cores (" + cpu + "), " + memory + " memory, Java " + System.getProperty("java.version"));
        return machine;
    }

    private static String firstLine(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(prefix))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String key(String pipeline, int threads) {
        return pipeline + " (" + threads + " thread" + (threads == 1 ? "" : "s") + ")";
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        var sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
