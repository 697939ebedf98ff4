package dev.streamsuite.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.clickstream.Recommendation;
import dev.streamsuite.schemas.iot.DeviceAlert;
import dev.streamsuite.schemas.iot.WindowedAggregate;
import dev.streamsuite.schemas.payments.FraudAlert;
import dev.streamsuite.streams.RegistryAvroSerdes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A single page that updates itself through server-sent events: fraud alerts with their
 * reasons, a few devices' window means with their alerts, recommendations for a sample user,
 * and each service's readiness and throughput. Everything shown is read from the real output
 * topics ({@code read_committed}) and the services' own actuator endpoints.
 */
final class LiveView implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FEED_SIZE = 30;
    private static final int CHART_DEVICES = 4;
    private static final int CHART_POINTS = 40;

    private final StackOptions options;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("live-view"));
    private final List<OutputStream> clients = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Deque<Map<String, Object>> fraudAlerts = new ArrayDeque<>();
    private final Deque<Map<String, Object>> deviceAlerts = new ArrayDeque<>();
    private final Map<String, Deque<Map<String, Object>>> deviceSeries = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> services = new LinkedHashMap<>();
    private final Map<String, Double> processedBefore = new LinkedHashMap<>();
    private String sampleUser;
    private Map<String, Object> sampleRecommendation;
    private long fraudAlertCount;

    private LiveView(StackOptions options) throws IOException {
        this.options = options;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", options.viewPort()), 50);
        server.setExecutor(workers);
        server.createContext("/", this::page);
        server.createContext("/events", this::events);
        server.createContext("/api/snapshot", exchange -> respond(exchange, 200, "application/json", snapshotJson()));
    }

    static LiveView start(StackOptions options) throws IOException {
        var view = new LiveView(options);
        view.server.start();
        view.workers.submit(() -> view.logFailure("reading the output topics", view::consumeOutputs));
        view.workers.submit(() -> view.logFailure("polling the services", view::pollServices));
        return view;
    }

    private void page(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            respond(exchange, 404, "text/plain", "not found");
            return;
        }
        try (InputStream page = LiveView.class.getResourceAsStream("/view/index.html")) {
            String html = new String(page.readAllBytes(), StandardCharsets.UTF_8)
                    // JSON inside a script element: "</" must not close it.
                    .replace("/*SNAPSHOT*/null", snapshotJson().replace("</", "<\\/"));
            respond(exchange, 200, "text/html; charset=utf-8", html);
        }
    }

    private void events(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        clients.add(out);
        send(out, "snapshot", snapshotJson());
    }

    private void consumeOutputs() {
        var serdes = new RegistryAvroSerdes(options.registryUrl(), false, Map.of());
        var topics = List.of(
                TopicCatalog.FRAUD_ALERTS.name(),
                TopicCatalog.DEVICE_AGGREGATES.name(),
                TopicCatalog.DEVICE_ALERTS.name(),
                TopicCatalog.RECOMMENDATIONS.name());
        var deserializers = Map.of(
                TopicCatalog.FRAUD_ALERTS.name(),
                        serdes.valueSerde(FraudAlert.class).deserializer(),
                TopicCatalog.DEVICE_AGGREGATES.name(),
                        serdes.valueSerde(WindowedAggregate.class).deserializer(),
                TopicCatalog.DEVICE_ALERTS.name(),
                        serdes.valueSerde(DeviceAlert.class).deserializer(),
                TopicCatalog.RECOMMENDATIONS.name(),
                        serdes.valueSerde(Recommendation.class).deserializer());
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "live-view-" + UUID.randomUUID(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            var partitions = new ArrayList<TopicPartition>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        var value = (SpecificRecord)
                                deserializers.get(record.topic()).deserialize(record.topic(), record.value());
                        var event = value == null ? null : accept(value);
                        if (event != null) {
                            // Outside the lock: a slow browser must not hold up the snapshot or the page.
                            broadcast(event.getKey(), event.getValue());
                        }
                    } catch (RuntimeException e) {
                        // A record the view cannot read is the services' business (their DLQs), not the view's.
                    }
                }
            }
        }
    }

    /** Updates the view's state; returns the event to send to the browsers, if any. */
    private synchronized Map.Entry<String, Map<String, Object>> accept(SpecificRecord value) {
        if (value instanceof FraudAlert alert) {
            fraudAlertCount++;
            var event = map(
                    "time", alert.getEventTime().toString(),
                    "card", alert.getCardId(),
                    "rule", alert.getRuleId() + " v" + alert.getRuleVersion(),
                    "severity", alert.getSeverity().name(),
                    "reason", alert.getReason());
            push(fraudAlerts, event);
            return Map.entry("fraud-alert", event);
        } else if (value instanceof WindowedAggregate aggregate) {
            var series = deviceSeries.get(aggregate.getDeviceId());
            if (series == null && deviceSeries.size() < CHART_DEVICES) {
                series = new ArrayDeque<>();
                deviceSeries.put(aggregate.getDeviceId(), series);
            }
            if (series != null) {
                var point = map(
                        "device", aggregate.getDeviceId(),
                        "start", aggregate.getWindow().getStart().toEpochMilli(),
                        "mean", aggregate.getMean(),
                        "max", aggregate.getMax(),
                        "count", aggregate.getCount());
                series.addLast(point);
                while (series.size() > CHART_POINTS) {
                    series.removeFirst();
                }
                return Map.entry("aggregate", point);
            }
        } else if (value instanceof DeviceAlert alert) {
            var event = map(
                    "time", alert.getEventTime().toString(),
                    "device", alert.getDeviceId(),
                    "type", alert.getType().name(),
                    "reason", alert.getReason());
            push(deviceAlerts, event);
            return Map.entry("device-alert", event);
        } else if (value instanceof Recommendation recommendation) {
            if (sampleUser == null) {
                sampleUser = recommendation.getUserId();
            }
            if (sampleUser.equals(recommendation.getUserId())) {
                sampleRecommendation = map(
                        "user", recommendation.getUserId(),
                        "time", recommendation.getEventTime().toString(),
                        "strategy", recommendation.getStrategy().name(),
                        "items",
                                recommendation.getItems().stream()
                                        .map(item -> map(
                                                "item",
                                                item.getItemId(),
                                                "score",
                                                item.getScore(),
                                                "reason",
                                                item.getReason()))
                                        .toList());
                return Map.entry("recommendation", sampleRecommendation);
            }
        }
        return null;
    }

    private void pollServices() {
        var ports = Map.of(
                "fraud-detector", options.fraudPort(),
                "iot-aggregator", options.iotPort(),
                "clickstream-recommender", options.clickPort());
        while (running.get()) {
            for (String service : LocalStack.SERVICES) {
                int port = ports.get(service);
                boolean ready = status(port, "/actuator/health/readiness") == 200;
                double processed = processedRecords(port);
                Double before = processedBefore.put(service, processed);
                double perSecond = before == null || processed < before ? 0 : (processed - before) / 2.0;
                var health = map("service", service, "ready", ready, "eventsPerSecond", Math.round(perSecond));
                synchronized (this) {
                    services.put(service, health);
                }
                broadcast("health", health);
            }
            sleep(Duration.ofSeconds(2));
        }
    }

    /** Records processed by the service's stream threads so far, from its Prometheus metrics. */
    private double processedRecords(int port) {
        try {
            String metrics = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return metrics.lines()
                    .filter(line -> line.startsWith("kafka_stream_thread_process_total{"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private int status(int port, String path) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void logFailure(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            if (running.get()) {
                System.err.println("live view: stopped " + what + ": " + e);
            }
        }
    }

    synchronized String snapshotJson() {
        try {
            return JSON.writeValueAsString(map(
                    "fraudAlerts", List.copyOf(fraudAlerts),
                    "fraudAlertCount", fraudAlertCount,
                    "deviceAlerts", List.copyOf(deviceAlerts),
                    "devices",
                            deviceSeries.entrySet().stream()
                                    .map(e -> map("device", e.getKey(), "points", List.copyOf(e.getValue())))
                                    .toList(),
                    "recommendation", sampleRecommendation == null ? Map.of() : sampleRecommendation,
                    "services", List.copyOf(services.values())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void broadcast(String type, Map<String, Object> event) {
        String data;
        try {
            data = JSON.writeValueAsString(event);
        } catch (IOException e) {
            return;
        }
        for (OutputStream client : clients) {
            send(client, type, data);
        }
    }

    private void send(OutputStream client, String type, String data) {
        try {
            synchronized (client) {
                client.write(("event: " + type + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
                client.flush();
            }
        } catch (IOException e) {
            clients.remove(client);
        }
    }

    private static void push(Deque<Map<String, Object>> feed, Map<String, Object> event) {
        feed.addFirst(event);
        while (feed.size() > FEED_SIZE) {
            feed.removeLast();
        }
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            var thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        running.set(false);
        clients.forEach(client -> {
            try {
                client.close();
            } catch (IOException e) {
                // the browser went away already
            }
        });
        server.stop(0);
        workers.shutdown();
        try {
            // The loops see the flag within a poll; interrupting a consumer mid-poll only makes noise.
            if (!workers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
