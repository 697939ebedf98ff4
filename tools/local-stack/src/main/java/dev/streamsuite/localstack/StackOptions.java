package dev.streamsuite.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command-line options of the local stack. Every port can be changed, e.g.
 * {@code --kafka-port=19092}; {@code --simulator-rate=0} starts no simulator.
 */
record StackOptions(
        Path root,
        Path workDir,
        int kafkaPort,
        int controllerPort,
        int registryPort,
        int viewPort,
        int fraudPort,
        int iotPort,
        int clickPort,
        double simulatorRate,
        double scenarioRate,
        long seed) {

    static StackOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Unknown argument '" + arg
                        + "'. Options look like --kafka-port=9092; " + "see tools/local-stack/README.md.");
            }
            values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        var root = Path.of(values.getOrDefault("root", ".")).toAbsolutePath().normalize();
        var options = new StackOptions(
                root,
                root.resolve(values.getOrDefault("work-dir", ".local-stack")),
                port(values, "kafka-port", 9092),
                port(values, "controller-port", 9093),
                port(values, "registry-port", 8081),
                port(values, "view-port", 8080),
                port(values, "fraud-port", 8091),
                port(values, "iot-port", 8092),
                port(values, "click-port", 8093),
                Double.parseDouble(values.getOrDefault("simulator-rate", "20")),
                Double.parseDouble(values.getOrDefault("scenario-rate", "0.05")),
                Long.parseLong(values.getOrDefault("seed", "42")));
        values.keySet()
                .removeAll(java.util.List.of(
                        "root",
                        "work-dir",
                        "kafka-port",
                        "controller-port",
                        "registry-port",
                        "view-port",
                        "fraud-port",
                        "iot-port",
                        "click-port",
                        "simulator-rate",
                        "scenario-rate",
                        "seed"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException(
                    "Unknown option(s) " + values.keySet() + "; see tools/local-stack/README.md.");
        }
        return options;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    String registryUrl() {
        return "http://127.0.0.1:" + registryPort + "/apis/registry/v2";
    }

    Map<String, Integer> ports() {
        var ports = new LinkedHashMap<String, Integer>();
        ports.put("Kafka broker (--kafka-port)", kafkaPort);
        ports.put("Kafka controller (--controller-port)", controllerPort);
        ports.put("schema registry (--registry-port)", registryPort);
        ports.put("live view (--view-port)", viewPort);
        ports.put("fraud-detector (--fraud-port)", fraudPort);
        ports.put("iot-aggregator (--iot-port)", iotPort);
        ports.put("clickstream-recommender (--click-port)", clickPort);
        return ports;
    }

    private static int port(Map<String, String> values, String key, int defaultValue) {
        String value = values.getOrDefault(key, Integer.toString(defaultValue));
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + "=" + value + " is not a port number (1-65535).");
        }
    }
}
