package dev.streamsuite.simulator.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code tools/simulator/run [--option=value ...]}: publishes traffic with labelled scenarios
 * to a cluster and, with {@code --evaluate=true}, reports precision and recall per alert kind
 * and end-to-end alert latency once the run is over.
 */
public final class SimulatorMain {

    private static final Set<String> OPTIONS = Set.of(
            "bootstrap-servers",
            "registry-url",
            "rate",
            "scenario-rate",
            "duration",
            "seed",
            "ground-truth",
            "evaluate",
            "settle");

    private SimulatorMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> values;
        Simulation.Options options;
        Duration settle;
        try {
            values = parse(args);
            options = new Simulation.Options(
                    values.getOrDefault("bootstrap-servers", "127.0.0.1:9092"),
                    values.getOrDefault("registry-url", "http://127.0.0.1:8081/apis/registry/v2"),
                    rate(values.getOrDefault("rate", "20")),
                    Double.parseDouble(values.getOrDefault("scenario-rate", "0.05")),
                    values.containsKey("duration") ? duration("duration", values.get("duration")) : null,
                    Long.parseLong(values.getOrDefault("seed", Long.toString(System.currentTimeMillis()))),
                    Path.of(values.getOrDefault("ground-truth", "simulator-ground-truth.jsonl")),
                    Boolean.parseBoolean(values.getOrDefault("evaluate", "false")));
            settle = duration("settle", values.getOrDefault("settle", "PT3M"));
            if (options.evaluate() && options.duration() == null) {
                throw new IllegalArgumentException("--evaluate=true needs a --duration, e.g. --duration=PT15M");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.printf("simulator: seed %d, ground truth in %s%n", options.seed(), options.groundTruth());
        try (var simulation = Simulation.start(options, System.out)) {
            Runtime.getRuntime().addShutdownHook(new Thread(simulation::close, "simulator-shutdown"));
            simulation.awaitGenerated();
            System.out.printf("simulator: done, %,d records sent%n", simulation.recordsSent());
            if (options.evaluate()) {
                System.out.printf("simulator: waiting %s for the last alerts ...%n", settle);
                Thread.sleep(settle.toMillis());
                System.out.println(simulation.report().toTable());
            }
        }
    }

    private static Map<String, String> parse(String[] args) {
        var values = new LinkedHashMap<String, String>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0 || !OPTIONS.contains(arg.substring(2, equals))) {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'. Options: " + OPTIONS
                        + " as --option=value; see tools/simulator/README.md.");
            }
            values.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return values;
    }

    private static double rate(String value) {
        return value.equals("max") ? Double.POSITIVE_INFINITY : Double.parseDouble(value);
    }

    private static Duration duration(String option, String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "--" + option + "=" + value + " is not an ISO-8601 duration such as PT10M.");
        }
    }
}
