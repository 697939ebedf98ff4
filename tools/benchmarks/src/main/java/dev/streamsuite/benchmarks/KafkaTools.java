package dev.streamsuite.benchmarks;

import dev.streamsuite.testsupport.ChildProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Kafka's own perf tools, as processes: what the broker and the clients can do on this machine
 * without any processing, the ceiling of every pipeline.
 */
final class KafkaTools {

    private final Cluster cluster;
    private final Path work;
    private int runs;

    KafkaTools(Cluster cluster, Path work) {
        this.cluster = cluster;
        this.work = work;
    }

    /** {@code ProducerPerformance}: 200-byte records, acks=all, as fast as possible. */
    Runs.Throughput producer(int records) throws Exception {
        var output = run(
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic",
                SuiteBenchmark.PERF_TOPIC,
                "--num-records",
                Integer.toString(records),
                "--record-size",
                "200",
                "--throughput",
                "-1",
                "--producer-props",
                "bootstrap.servers=" + cluster.bootstrapServers(),
                "acks=all",
                "linger.ms=5",
                "batch.size=262144");
        // "1000000 records sent, 412371.1 records/sec (78.65 MB/sec), ..."
        String summary = output.stream()
                .filter(line -> line.contains("records sent,"))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new IllegalStateException("ProducerPerformance printed no summary: " + output));
        double perSecond = Double.parseDouble(summary.replaceAll(".*records sent, ([0-9.]+) records/sec.*", "$1"));
        return new Runs.Throughput(perSecond, records / perSecond, 0, 0, 0, 0, "", 0);
    }

    /** {@code ConsumerPerformance}: reads what the producer wrote, from the start. */
    Runs.Throughput consumer(int records) throws Exception {
        var output = run(
                "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server",
                cluster.bootstrapServers(),
                "--topic",
                SuiteBenchmark.PERF_TOPIC,
                "--messages",
                Integer.toString(records),
                "--group",
                "bench-consumer-perf-" + (++runs),
                "--timeout",
                "60000");
        // Header, then: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ...
        String values = output.get(output.size() - 1);
        String[] columns = values.split(",\\s*");
        double perSecond = Double.parseDouble(columns[5]);
        return new Runs.Throughput(perSecond, records / perSecond, 0, 0, 0, 0, "", 0);
    }

    private List<String> run(String tool, String... arguments) throws Exception {
        Path log = work.resolve(tool.substring(tool.lastIndexOf('.') + 1) + "-" + (++runs) + ".log");
        var process = Runs.java("512m", tool, List.of(arguments), log);
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(tool + " failed; see " + log);
            }
        } finally {
            ChildProcesses.stop(process, Duration.ofSeconds(30));
        }
        return Files.readAllLines(log).stream()
                .filter(line -> !line.isBlank() && !line.contains("WARN") && !line.contains("INFO"))
                .toList();
    }
}
