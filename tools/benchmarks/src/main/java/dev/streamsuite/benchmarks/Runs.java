package dev.streamsuite.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsuite.testsupport.ChildProcesses;
import dev.streamsuite.testsupport.LoopbackPorts;
import dev.streamsuite.testsupport.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;

/**
 * Runs one pipeline at a time on the cluster, each under a fresh application id, so it reads the
 * preloaded backlog from the start. Start-up is excluded: the clock starts once the application
 * has committed a warm-up share of its input and the JIT has compiled its hot path, and stops
 * after the window or once everything it reads (repartition topics included) is committed.
 */
final class Runs {

    /**
     * What one run measured. {@code heapMiB} is 0 where the process has no metrics endpoint;
     * {@code cpuMicrosPerEvent} (the process's CPU time, all its threads, over the events of the
     * measured window) is 0 where the process is not one of ours; {@code brokerCpuMicrosPerEvent} is the
     * broker's CPU time over the same window and events (0 for Kafka's perf tools): what the
     * pipeline costs the broker, e.g. compressing a topic. {@code warmUpSeconds}: from the
     * start of the run to the start of the clock (0 for Kafka's perf tools).
     */
    record Throughput(
            double eventsPerSecond,
            double seconds,
            double rssMiB,
            double heapMiB,
            double cpuMicrosPerEvent,
            double brokerCpuMicrosPerEvent,
            String stages,
            double warmUpSeconds) {}

    /** The JIT counts as settled when the compiler threads (the process's and the broker's) used less than this share of a core ... */
    static final double COMPILER_SETTLED_SHARE = 0.1;
    /** ... over this many seconds. */
    static final int COMPILER_SETTLED_SPAN_S = 5;
    /** The clock starts at the latest when this share of the input is committed, leaving the window a backlog. */
    static final double MAX_WARM_UP_SHARE = 0.6;
    /**
     * How often the committed offsets are read while the clock runs. A run that works off its input ends at the first
     * reading that finds it all committed: the clock overshoots the last commit by up to this much, which a short run
     * (B0 works off its backlog in seconds) counts as time without events. Polled once a second, B0's rounds spread
     * by 10-18% in every run.
     */
    static final long PROGRESS_POLL_MS = 200;
    /**
     * RSS and heap are read at the first poll and every this many after it: once a second (the heap is asked of the
     * service over HTTP), and at least once in a run shorter than that.
     */
    static final int MEMORY_SAMPLE_EVERY = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Cluster cluster;
    private final Path repository;
    private final Path work;
    private final Duration window;
    private final String profiled;
    private final String jvmOptions;
    private int runs;
    private boolean profileRecorded;

    /**
     * @param profiled the service whose first one-thread run records a JFR profile into the work
     *     folder ({@code <application>.jfr}), or null
     * @param jvmOptions the services' JVM options ({@code JAVA_TOOL_OPTIONS}), or null
     */
    Runs(Cluster cluster, Path repository, Path work, Duration window, String profiled, String jvmOptions) {
        this.cluster = cluster;
        this.repository = repository;
        this.work = work;
        this.window = window;
        this.profiled = profiled;
        this.jvmOptions = jvmOptions;
    }

    /** A service as deployed: its -exec jar, its application.yml, exactly-once. */
    Throughput service(String service, Datasets.Dataset input, int threads) throws Exception {
        return service(service, input, threads, repository, ServiceProcess.POD_JVM_OPTIONS);
    }

    /**
     * The same, with the jar built under {@code jars} ({@code <jars>/<service>/target/}), e.g. an earlier build, in a
     * pod with {@code podJvmOptions} (see {@link ServiceProcess#POD_JVM_OPTIONS}).
     */
    Throughput service(String service, Datasets.Dataset input, int threads, Path jars, List<String> podJvmOptions)
            throws Exception {
        String application = "bench-" + service + "-" + next();
        var environment = serviceEnvironment(application, threads);
        if (service.equals(profiled) && threads == 1 && !profileRecorded) {
            profileRecorded = true;
            environment.merge(
                    "JAVA_TOOL_OPTIONS",
                    "-XX:StartFlightRecording=settings=profile,filename=" + work.resolve(application + ".jfr"),
                    (options, recording) -> options + " " + recording);
            SuiteBenchmark.log("%s records a profile: %s", application, work.resolve(application + ".jfr"));
        }
        try (var process = ServiceProcess.start(jars, service, environment, LoopbackPorts.free(), podJvmOptions)) {
            return measure(process.pid(), application, input, () -> heapMiB(process));
        }
    }

    /** The number of the next run: part of its application id, so that every run starts from scratch. */
    int next() {
        return ++runs;
    }

    /** B0 ({@code bytes}) or B1 ({@code avro}): a pass-through of the payments. */
    Throughput passThrough(String mode, Datasets.Dataset payments, String output, int threads) throws Exception {
        String application = "bench-" + mode + "-" + next();
        Path log = work.resolve(application + ".log");
        var process = java(
                "384m",
                PassThrough.class.getName(),
                List.of(
                        mode,
                        cluster.bootstrapServers(),
                        cluster.registryUrl(),
                        payments.inputTopic(),
                        output,
                        application,
                        Integer.toString(threads),
                        work.resolve("state").resolve(application).toString()),
                log);
        try {
            return measure(process.pid(), application, payments, () -> 0);
        } finally {
            ChildProcesses.stop(process, Duration.ofSeconds(30));
        }
    }

    Map<String, String> serviceEnvironment(String application, int threads) {
        var environment = new HashMap<String, String>();
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers());
        environment.put("STREAMSUITE_REGISTRY_URL", cluster.registryUrl());
        environment.put("STREAMSUITE_ADVERTISED_HOST", "127.0.0.1");
        environment.put("SPRING_KAFKA_STREAMS_APPLICATIONID", application);
        environment.put(
                "SPRING_KAFKA_STREAMS_STATEDIR",
                work.resolve("state").resolve(application).toString());
        environment.put("SPRING_KAFKA_STREAMS_PROPERTIES_NUM_STREAM_THREADS", Integer.toString(threads));
        environment.put("LOGGING_LEVEL_ROOT", "WARN");
        if (jvmOptions != null) {
            environment.put("JAVA_TOOL_OPTIONS", jvmOptions);
        }
        return environment;
    }

    private Throughput measure(long pid, String application, Datasets.Dataset input, DoubleSupplier heap)
            throws Exception {
        String topic = input.inputTopic();
        long started = System.nanoTime();
        try (Admin admin = cluster.admin()) {
            long warmUp = Math.max(1, input.events() / 50);
            await(admin, application, List.of(topic), sample -> sample.committed(topic) >= warmUp, pid);
            awaitCompiled(admin, application, topic, input.events(), pid, cluster.brokerPid());
            double warmUpSeconds = (System.nanoTime() - started) / 1e9;
            var repartitions = Progress.repartitionTopics(admin, application);
            var topics = new ArrayList<String>(repartitions);
            topics.add(topic);
            var from = Progress.sample(admin, application, topics);
            double cpuFrom = ProcessStats.cpuSeconds(pid);
            double brokerCpuFrom = ProcessStats.cpuSeconds(cluster.brokerPid());
            double rss = 0;
            double heapMax = 0;
            Progress.Sample to;
            int polls = 0;
            do {
                TimeUnit.MILLISECONDS.sleep(PROGRESS_POLL_MS);
                if (polls++ % MEMORY_SAMPLE_EVERY == 0) {
                    rss = Math.max(rss, ProcessStats.rssMiB(pid));
                    heapMax = Math.max(heapMax, heap.getAsDouble());
                }
                to = Progress.sample(admin, application, topics);
            } while (to.nanos() - from.nanos() < window.toNanos() && !to.drained(topics));
            double cpuTo = ProcessStats.cpuSeconds(pid);
            double brokerCpuTo = ProcessStats.cpuSeconds(cluster.brokerPid());
            var pace = Progress.pace(from, to, topic, repartitions);
            double seconds = (to.nanos() - from.nanos()) / 1e9;
            double events = pace.eventsPerSecond() * seconds;
            return new Throughput(
                    pace.eventsPerSecond(),
                    seconds,
                    rss,
                    heapMax,
                    microsPerEvent(cpuFrom, cpuTo, events),
                    microsPerEvent(brokerCpuFrom, brokerCpuTo, events),
                    "paced by " + pace.slowestStage() + " (" + pace.stages() + ")",
                    warmUpSeconds);
        }
    }

    /** CPU time between two readings of a process's, per event; 0 where a reading failed. */
    private static double microsPerEvent(double cpuFrom, double cpuTo, double events) {
        return cpuFrom < 0 || cpuTo < 0 || events <= 0 ? 0 : (cpuTo - cpuFrom) * 1e6 / events;
    }

    /**
     * Waits until the JIT has compiled the hot path: the compiler threads of the process and of the broker used less
     * than a tenth of a core together over the last 5 s. Until then they take up to most of one of the two cores the
     * service shares with the broker, and the rate climbs as the code gets compiled (fraud-detector's stream thread
     * from a third of a core to 86% over its first 25 s, async-profiler's count): that is start-up, not the sustained
     * rate. The broker's count too: a pipeline's first run exercises code of the broker's that the runs before did
     * not (another topic compression, say), and the broker's compiler took a fifth to a third of its CPU during the
     * first recommender run of a {@code --only} run. At the latest once 60% of the input is committed, so that the
     * window still has a backlog to work off, or after five minutes.
     */
    private static void awaitCompiled(
            Admin admin, String application, String topic, long events, long pid, long brokerPid) throws Exception {
        var recent = new ArrayDeque<double[]>();
        long started = System.nanoTime();
        while (true) {
            double compiler = ProcessStats.compilerCpuSeconds(pid);
            double brokerCompiler = ProcessStats.compilerCpuSeconds(brokerPid);
            if (compiler < 0 || brokerCompiler < 0) {
                return;
            }
            recent.addLast(new double[] {(System.nanoTime() - started) / 1e9, compiler + brokerCompiler});
            if (recent.size() > COMPILER_SETTLED_SPAN_S + 1) {
                recent.removeFirst();
            }
            if (recent.size() == COMPILER_SETTLED_SPAN_S + 1) {
                double seconds = recent.getLast()[0] - recent.getFirst()[0];
                if ((recent.getLast()[1] - recent.getFirst()[1]) / seconds < COMPILER_SETTLED_SHARE) {
                    return;
                }
            }
            if (Progress.sample(admin, application, List.of(topic)).committed(topic) >= events * MAX_WARM_UP_SHARE
                    || System.nanoTime() - started > TimeUnit.MINUTES.toNanos(5)) {
                SuiteBenchmark.log(
                        "%s: the clock starts while the JIT is still compiling (%.0f%% of the input committed,"
                                + " or five minutes)",
                        application, MAX_WARM_UP_SHARE * 100);
                return;
            }
            TimeUnit.SECONDS.sleep(1);
        }
    }

    /** Polls every 250 ms for at most five minutes; a process that dies ends the wait. */
    private static void await(
            Admin admin, String application, List<String> topics, Predicate<Progress.Sample> until, long pid)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).map(handle -> !handle.isAlive()).orElse(true)) {
                throw new IllegalStateException(application + " exited before it got going; see its log");
            }
            if (until.test(Progress.sample(admin, application, topics))) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(application + " did not get going within five minutes; see its log");
    }

    private static double heapMiB(ServiceProcess process) {
        try {
            var body = process.body("/actuator/metrics/jvm.memory.used?tag=area:heap");
            return JSON.readTree(body)
                            .path("measurements")
                            .path(0)
                            .path("value")
                            .asDouble()
                    / (1024 * 1024);
        } catch (IOException | RuntimeException notYet) {
            return 0;
        }
    }

    /** {@code mainClass} of this benchmark's class path in a JVM of its own, its output in {@code log}. */
    static Process java(String heap, String mainClass, List<String> arguments, Path log) throws IOException {
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(arguments);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }
}
