package dev.streamsuite.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.streamsuite.iot.topology.IotSettings;
import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.clickstream.Recommendation;
import dev.streamsuite.schemas.iot.WindowedAggregate;
import dev.streamsuite.schemas.payments.PaymentDecision;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import dev.streamsuite.testsupport.LoopbackPorts;
import dev.streamsuite.testsupport.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * The benchmark of the whole suite, in one run: a broker and a registry as processes, a seeded
 * backlog per domain, one pass of the baselines that is not counted, then rounds that interleave
 * Kafka's own producer and consumer tools, the two pass-through baselines and each service with
 * one and two stream threads; then end-to-end
 * latency of each service at half its measured throughput. Medians of the rounds go to
 * {@code docs/benchmarks/latest.json} and {@code BENCHMARKS.md}.
 *
 * <p>Options: {@code --rounds N} (3), {@code --window S} (seconds per throughput run, 30),
 * {@code --latency S} (seconds per latency run, 30), {@code --scale F} (size of the backlogs, 3.0:
 * 3M payments, 4.5M readings, 3M clicks; enough for the JIT's warm-up and a window of 30 s after it), {@code --profile SERVICE} (a JFR recording of the
 * service's first one-thread run, in {@code tools/benchmarks/target/suite-benchmark}), {@code --before
 * DIR} (also runs the services' jars found under {@code DIR/<service>/target/}, DIR relative to the repository, an earlier build, with
 * one thread in every round: before and after in the same run, in the order of {@link RoundPlan}), {@code --before-jvm OPTIONS} (the
 * pod's JVM options of those runs instead of the default pod's, comma-separated; {@code --before .
 * --before-jvm -XX:MaxRAMPercentage=40.0,-XX:ActiveProcessorCount=2,-XX:+UseG1GC} compares this
 * build with another collector), {@code --only LIST} (some of
 * baselines, fraud-detector, iot-aggregator, clickstream-recommender, comma-separated; for profiling),
 * {@code --jvm OPTIONS} (JVM options of the services, comma-separated, e.g.
 * {@code --jvm -XX:TieredStopAtLevel=1}: what a flag costs; a semicolon stands for a comma within
 * one option, as in an agent's options: {@code -agentpath:/path/libasyncProfiler.so=start;event=itimer;file=f}).
 * {@code --only scale-check} runs the scale check instead ({@link ScaleCheck}, about 15 minutes).
 */
public final class SuiteBenchmark {

    static final String B0_OUTPUT = "bench.b0.out";
    static final String B1_OUTPUT = "bench.b1.out";
    static final String PERF_TOPIC = "bench.perf";
    /**
     * The baselines' input: payments like fraud-detector's backlog, four times as many ({@link #baselinePayments}).
     * On fraud-detector's 3M, B0 worked them off in about 10 s and its clock, started at 60% of them with the JIT still
     * compiling, ran for 3 s; B1's JIT had not settled either. Its rounds spread by more than 10% in every run.
     */
    static final String BASELINE_INPUT = "bench.baseline.transactions";
    /** Records of each of Kafka's perf tools' runs: seconds of work, not a JVM's first second or two. */
    static final int PERF_RECORDS = 3_000_000;

    /** The services, in the order of a round's first one ({@link RoundPlan}). */
    private static final List<String> SERVICES = List.of("fraud-detector", "iot-aggregator", "clickstream-recommender");

    private SuiteBenchmark() {}

    /** How many payments the baselines work off at {@code scale}. */
    static int baselinePayments(double scale) {
        return (int) (4_000_000 * scale);
    }

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        Path repository = Path.of(System.getProperty("streamsuite.repository", "../.."))
                .toAbsolutePath()
                .normalize();
        // A fresh folder: the broker's storage, state directories, logs and profiles of this run only.
        Path work = repository.resolve("tools/benchmarks/target/suite-benchmark");
        var oneAtATime = RunLock.acquire(work.resolveSibling("suite-benchmark.lock"));
        // Stopped from outside (kill, a CI timeout), the run's own clean-up does not get to run: the broker, the
        // registry and the service it had started would go on, on the two cores, and hold their ports.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy),
                        "stop-child-processes"));
        try {
            run(options, repository, work);
        } finally {
            oneAtATime.close();
        }
    }

    private static void run(Options options, Path repository, Path work) throws Exception {
        if (Files.exists(work)) {
            try (var paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(work);
        if (options.only().contains("scale-check")) {
            System.exit(scaleCheck(options, repository, work) ? 0 : 1);
        }
        var payments = Datasets.payments((int) (1_000_000 * options.scale), (int) (100_000 * options.scale));
        // About 4 readings per device and minute whatever the scale: the span grows with the backlog.
        var readings = Datasets.readings((int) (1_500_000 * options.scale), 2_000, Duration.ofMillis((long)
                (Datasets.SPAN.toMillis() * options.scale)));
        var clicks = Datasets.clicks((int) (1_000_000 * options.scale), (int) (50_000 * options.scale), 5_000);
        var baselineInput =
                Datasets.payments(baselinePayments(options.scale), (int) (100_000 * options.scale), BASELINE_INPUT);
        var datasets = new ArrayList<>(List.of(payments, readings, clicks));
        if (options.includes("baselines")) {
            datasets.add(baselineInput);
        }
        var report = new Report(options, repository);
        int exitCode = 1;
        try (var cluster = Cluster.start(work, List.of(B0_OUTPUT, B1_OUTPUT, PERF_TOPIC, BASELINE_INPUT))) {
            log("cluster up: %s, registry %s", cluster.bootstrapServers(), cluster.registryUrl());
            Instant end = Instant.now();
            for (var dataset : datasets) {
                long start = System.nanoTime();
                cluster.preload(dataset, end);
                log("preloaded %,d %s in %.1f s", dataset.events(), dataset.name(), (System.nanoTime() - start) / 1e9);
            }
            var tools = new KafkaTools(cluster, work);
            var runs = new Runs(
                    cluster, repository, work, Duration.ofSeconds(options.window), options.profile, options.jvm);
            var services =
                    Map.of("fraud-detector", payments, "iot-aggregator", readings, "clickstream-recommender", clicks);
            var included = SERVICES.stream().filter(options::includes).toList();
            if (options.includes("baselines")) {
                // Round 1's baselines ran lowest in most runs (producer-perf in 11 of 12, B0 in 8): a broker
                // that has only taken the preload has not compiled its fetch and transaction paths yet. So they
                // run once first, not counted.
                log("warm-up: the baselines once, not counted");
                baselines(tools, runs, baselineInput, false);
            }
            for (int round = 1; round <= options.rounds; round++) {
                log("round %d of %d", round, options.rounds);
                if (options.includes("baselines")) {
                    baselines(tools, runs, baselineInput, true)
                            .forEach((pipeline, run) -> report.add(pipeline, 1, run));
                }
                for (var step : RoundPlan.of(round, included, options.before() != null)) {
                    var input = services.get(step.service());
                    if (step.before()) {
                        report.add(
                                step.service() + "@before",
                                1,
                                runs.service(
                                        step.service(),
                                        input,
                                        1,
                                        repository.resolve(options.before()),
                                        options.beforeJvm()));
                    } else {
                        report.add(step.service(), step.threads(), runs.service(step.service(), input, step.threads()));
                    }
                }
            }
            var grace = ServiceSettings.shipped("iot", IotSettings.class).grace();
            latency(
                    report,
                    cluster,
                    runs,
                    repository,
                    "fraud-detector",
                    payments,
                    new LatencyRun.Output<>(
                            TopicCatalog.PAYMENT_DECISIONS.name(),
                            PaymentDecision.class,
                            (decision, sent) -> sent.getOrDefault(decision.getTransactionId(), -1L)));
            latency(
                    report,
                    cluster,
                    runs,
                    repository,
                    "iot-aggregator",
                    readings,
                    new LatencyRun.Output<>(
                            TopicCatalog.DEVICE_AGGREGATES.name(),
                            WindowedAggregate.class,
                            // A window's result answers the first reading past its end plus the grace: event time is
                            // send time.
                            (aggregate, sent) -> aggregate.getDeviceId().startsWith("dev-")
                                    ? LatencyRun.nanosAt(
                                            aggregate.getWindow().getEnd().plus(grace))
                                    : -1L));
            latency(
                    report,
                    cluster,
                    runs,
                    repository,
                    "clickstream-recommender",
                    clicks,
                    new LatencyRun.Output<>(
                            TopicCatalog.RECOMMENDATIONS.name(), Recommendation.class, (recommendation, sent) -> {
                                String id = recommendation.getRecommendationId();
                                return sent.getOrDefault(id.substring(id.indexOf('|') + 1), -1L);
                            }));
            report.write();
            exitCode = 0;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            // Kafka clients leave non-daemon threads; the exit code tells Maven how it went.
            System.exit(exitCode);
        }
    }

    /**
     * Kafka's perf tools and the two pass-throughs, each with one thread, in this order, by pipeline name; with
     * {@code apicurio}, also B1 through Apicurio's own serdes (left out of the warm-up, which is for the broker:
     * it drives the same broker paths as B1).
     */
    private static Map<String, Runs.Throughput> baselines(
            KafkaTools tools, Runs runs, Datasets.Dataset payments, boolean apicurio) throws Exception {
        var results = new LinkedHashMap<String, Runs.Throughput>();
        results.put("producer-perf", tools.producer(PERF_RECORDS));
        results.put("consumer-perf", tools.consumer(PERF_RECORDS));
        results.put("B0", runs.passThrough("bytes", payments, B0_OUTPUT, 1));
        results.put("B1", runs.passThrough("avro", payments, B1_OUTPUT, 1));
        if (apicurio) {
            results.put("B1-apicurio", runs.passThrough("apicurio", payments, B1_OUTPUT, 1));
        }
        return results;
    }

    /** The scale check alone ({@link ScaleCheck}): its backlogs use the same topics as the rounds'. */
    private static boolean scaleCheck(Options options, Path repository, Path work) {
        try (var cluster = Cluster.start(work, List.of())) {
            var runs = new Runs(cluster, repository, work, Duration.ofSeconds(options.window), null, options.jvm);
            var results = new ArrayList<ScaleCheck.Result>();
            for (var part : ScaleCheck.parts()) {
                long start = System.nanoTime();
                cluster.preload(part.input(), Instant.now());
                log(
                        "preloaded %,d %s in %.1f s",
                        part.input().events(), part.input().name(), (System.nanoTime() - start) / 1e9);
                results.add(ScaleCheck.run(cluster, runs, repository, part));
            }
            ScaleCheck.write(repository, options.command(), results);
            return true;
        } catch (Exception e) {
            e.printStackTrace();
            return false;
        }
    }

    /**
     * One service at half its median one-thread throughput, its group starting at the input's end; with
     * {@code --before}, then the earlier build at the same rate (the later of the two runs meets a broker that has run
     * the pipeline once more: if anything, that favours the earlier build).
     */
    private static <V extends org.apache.avro.specific.SpecificRecord> void latency(
            Report report,
            Cluster cluster,
            Runs runs,
            Path repository,
            String service,
            Datasets.Dataset input,
            LatencyRun.Output<V> output)
            throws Exception {
        double rate = report.median(service, 1) / 2;
        if (rate <= 0) {
            return;
        }
        var options = report.options;
        var builds = new ArrayList<>(List.of(new Build(service, repository, ServiceProcess.POD_JVM_OPTIONS)));
        if (options.before() != null) {
            builds.add(new Build(service + "@before", repository.resolve(options.before()), options.beforeJvm()));
        }
        for (var build : builds) {
            report.latency(build.label(), latency(report, cluster, runs, service, input, output, rate, build));
        }
    }

    /** A build's jars ({@code <jars>/<service>/target/}), the pod JVM options it runs with, and its row's name. */
    private record Build(String label, Path jars, List<String> podJvmOptions) {}

    /** One latency run of {@code build}. */
    private static <V extends org.apache.avro.specific.SpecificRecord> LatencyRun.Latency latency(
            Report report,
            Cluster cluster,
            Runs runs,
            String service,
            Datasets.Dataset input,
            LatencyRun.Output<V> output,
            double rate,
            Build build)
            throws Exception {
        String application = "bench-latency-" + service + "-" + runs.next();
        try (var admin = cluster.admin()) {
            var ends = Progress.sample(admin, application, List.of(input.inputTopic())).ends().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> new OffsetAndMetadata(entry.getValue())));
            admin.alterConsumerGroupOffsets(application, ends).all().get();
        }
        try (var process = ServiceProcess.start(
                        build.jars(),
                        service,
                        runs.serviceEnvironment(application, 1),
                        LoopbackPorts.free(),
                        build.podJvmOptions());
                var admin = cluster.admin()) {
            process.awaitOk("/actuator/health/readiness", Duration.ofMinutes(3));
            log("%s: latency at %,.0f events/s", build.label(), rate);
            // iot's windows close once a minute: its run spans at least two closes, and its warm-up the first
            // close after the start, which runs the close path cold (about 1 s against 0.2-0.5 s later on).
            var iot = ServiceSettings.shipped("iot", IotSettings.class);
            Duration warmUp = service.equals("iot-aggregator")
                    ? iot.windowSize().plus(iot.grace()).plusSeconds(10)
                    : Duration.ofSeconds(10);
            return LatencyRun.run(
                    cluster,
                    input,
                    output,
                    rate,
                    warmUp,
                    warmUp.plusSeconds(80),
                    Progress.keepingUp(admin, application, input.inputTopic()),
                    Duration.ofSeconds(
                            service.equals("iot-aggregator")
                                    ? Math.max(report.options.latency(), 120)
                                    : report.options.latency()));
        }
    }

    /** When the benchmark started: each line it logs says how long it has been going (the run takes about 40 minutes). */
    private static final long STARTED = System.nanoTime();

    static void log(String format, Object... args) {
        long seconds = (System.nanoTime() - STARTED) / 1_000_000_000L;
        String elapsed = (seconds / 60) + ":" + String.format("%02d", seconds % 60);
        System.out.printf("[suite-benchmark " + elapsed + "] " + format + "%n", args);
    }

    /** Command-line options. */
    record Options(
            int rounds,
            int window,
            int latency,
            double scale,
            String profile,
            String before,
            List<String> beforeJvm,
            List<String> only,
            String jvm,
            String command) {

        /** Whether the run includes {@code part}: a service, or "baselines". */
        boolean includes(String part) {
            return only.isEmpty() || only.contains(part);
        }

        static Options parse(String[] given) {
            // Maven passes -Dbenchmark.args="--rounds 1 --scale 0.1" as one argument.
            String[] args = String.join(" ", given).trim().isEmpty()
                    ? new String[0]
                    : String.join(" ", given).trim().split("\\s+");
            var values = new LinkedHashMap<String, String>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException(
                            "options are --rounds, --window, --latency, --scale, --profile, --before, --before-jvm, --only,"
                                    + " --jvm; got "
                                    + args[i]);
                }
                values.put(args[i].substring(2), args[i + 1]);
            }
            return new Options(
                    Integer.parseInt(values.getOrDefault("rounds", "3")),
                    Integer.parseInt(values.getOrDefault("window", "30")),
                    Integer.parseInt(values.getOrDefault("latency", "30")),
                    Double.parseDouble(values.getOrDefault("scale", "3.0")),
                    values.get("profile"),
                    values.get("before"),
                    values.containsKey("before-jvm")
                            ? jvmOptions(values.get("before-jvm"))
                            : ServiceProcess.POD_JVM_OPTIONS,
                    values.containsKey("only") ? List.of(values.get("only").split(",")) : List.of(),
                    values.containsKey("jvm") ? String.join(" ", jvmOptions(values.get("jvm"))) : null,
                    "tools/benchmarks/run " + String.join(" ", args).trim());
        }

        /** JVM options given comma-separated; a semicolon stands for a comma within one option. */
        static List<String> jvmOptions(String given) {
            return Arrays.stream(given.split(","))
                    .map(option -> option.replace(';', ','))
                    .toList();
        }
    }

    static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    static List<Double> values(List<Runs.Throughput> runs, Function<Runs.Throughput, Double> value) {
        var list = new ArrayList<Double>();
        runs.forEach(run -> list.add(value.apply(run)));
        return list;
    }
}
