package dev.streamsuite.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsuite.iot.topology.IotTopology;
import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.iot.Device;
import dev.streamsuite.schemas.iot.SensorReading;
import dev.streamsuite.schemas.iot.Thresholds;
import dev.streamsuite.schemas.iot.WindowedAggregate;
import dev.streamsuite.streams.RegistryAvroSerdes;
import dev.streamsuite.testsupport.RealInfrastructureExtension;
import dev.streamsuite.testsupport.StateDirectories;
import dev.streamsuite.testsupport.TestInfrastructure;
import dev.streamsuite.testsupport.TopicReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Two instances of the service in one consumer group, each owning part of the devices: a
 * query to either instance is answered, by forwarding to the owner when needed.
 */
@ExtendWith(RealInfrastructureExtension.class)
class IotAggregatorIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final List<String> DEVICES =
            IntStream.range(0, 12).mapToObj(i -> "dev-" + i).toList();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Instance first;
    private static Instance second;

    record Instance(ConfigurableApplicationContext context, int port) {

        StreamsBuilderFactoryBean streams() {
            return context.getBean(StreamsBuilderFactoryBean.class);
        }

        HttpResponse<String> get(String path) {
            try {
                return HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @BeforeAll
    static void startTwoInstances() throws IOException {
        first = start();
        second = start();
        await().atMost(PATIENCE).until(() -> running(first) && running(second));
    }

    @AfterAll
    static void stopInstances() {
        first.context().close();
        second.context().close();
    }

    @Test
    void anyInstanceAnswersForAnyDeviceByForwardingToTheOwner() throws IOException {
        var infrastructure = TestInfrastructure.shared();
        var serdes = new RegistryAvroSerdes(infrastructure.registry().registryApiUrl(), true, Map.of());
        for (String device : DEVICES) {
            publish(
                    serdes,
                    TopicCatalog.DEVICES.name(),
                    device,
                    Device.newBuilder()
                            .setDeviceId(device)
                            .setSiteId("site-a")
                            .setSensorType("temperature")
                            .setUnit("celsius")
                            .setThresholds(new Thresholds(null, 100.0, null))
                            .setUpdatedAt(T0)
                            .build());
        }
        // Stream time is per partition, not per device: all first-window readings go before any
        // reading that moves a partition's time past the first window's end plus grace.
        for (String device : DEVICES) {
            reading(serdes, device, 20.0, T0.plusSeconds(10));
            reading(serdes, device, 22.0, T0.plusSeconds(20));
        }
        for (String device : DEVICES) {
            reading(serdes, device, 21.0, T0.plusSeconds(150));
        }

        List<WindowedAggregate> aggregates;
        try (var reader = new TopicReader<>(
                infrastructure.kafka().bootstrapServers(),
                TopicCatalog.DEVICE_AGGREGATES.name(),
                Serdes.String().deserializer(),
                serdes.valueSerde(WindowedAggregate.class).deserializer())) {
            aggregates = reader.readUntilCount(DEVICES.size(), PATIENCE).stream()
                    .map(ConsumerRecord::value)
                    .toList();
        }
        assertThat(aggregates).extracting(WindowedAggregate::getDeviceId).containsExactlyInAnyOrderElementsOf(DEVICES);
        assertThat(aggregates).allSatisfy(a -> assertThat(a.getCount()).isEqualTo(2));

        var owners = new HashSet<HostInfo>();
        for (String device : DEVICES) {
            owners.add(first.streams()
                    .getKafkaStreams()
                    .queryMetadataForKey(
                            IotTopology.DEVICE_WINDOWS_STORE,
                            device,
                            Serdes.String().serializer())
                    .activeHost());
        }
        assertThat(owners)
                .as("both instances own devices, so some queries are forwarded")
                .hasSize(2);

        String range = "?from=" + T0.minusSeconds(60) + "&to=" + T0.plusSeconds(300);
        for (String device : DEVICES) {
            var viaFirst = first.get("/devices/" + device + "/aggregates" + range);
            var viaSecond = second.get("/devices/" + device + "/aggregates" + range);
            assertThat(viaFirst.statusCode()).as(viaFirst.body()).isEqualTo(200);
            assertThat(viaSecond.statusCode()).as(viaSecond.body()).isEqualTo(200);
            JsonNode windows = JSON.readTree(viaFirst.body()).get("windows");
            assertThat(windows.get(0).get("count").asLong()).isEqualTo(2);
            assertThat(windows.get(0).get("mean").asDouble()).isEqualTo(21.0);
            assertThat(JSON.readTree(viaSecond.body())).isEqualTo(JSON.readTree(viaFirst.body()));

            var latest =
                    JSON.readTree(second.get("/devices/" + device + "/latest").body());
            assertThat(latest.get("value").asDouble()).isEqualTo(21.0);
            assertThat(latest.get("eventTime").asText())
                    .isEqualTo(T0.plusSeconds(150).toString());
        }
        assertThat(first.get("/devices/never-seen/latest").statusCode()).isIn(404);
    }

    @Test
    void answersServiceUnavailableWithRetryAfterWhileItsStreamsAreNotRunning() {
        var streams = second.streams();
        streams.stop();
        try {
            var response = second.get("/devices/dev-1/latest");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        } finally {
            streams.start();
        }
        await().atMost(PATIENCE).until(() -> running(first) && running(second));
    }

    private static boolean running(Instance instance) {
        var streams = instance.streams().getKafkaStreams();
        return streams != null && streams.state() == KafkaStreams.State.RUNNING;
    }

    private static Instance start() throws IOException {
        var infrastructure = TestInfrastructure.shared();
        int port = freePort();
        var context = new SpringApplicationBuilder(IotAggregatorApplication.class)
                .run(
                        "--server.port=" + port,
                        "--streamsuite.advertised-host=127.0.0.1",
                        "--spring.kafka.bootstrap-servers="
                                + infrastructure.kafka().bootstrapServers(),
                        "--streamsuite.registry.url="
                                + infrastructure.registry().registryApiUrl(),
                        "--spring.kafka.streams.state-dir=" + StateDirectories.fresh("instance-" + port),
                        "--streamsuite.streams.leave-group-on-close=true");
        return new Instance(context, port);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void reading(RegistryAvroSerdes serdes, String device, double value, Instant at) {
        publish(
                serdes,
                TopicCatalog.SENSOR_READINGS.name(),
                device,
                SensorReading.newBuilder()
                        .setReadingId(device + "-" + at.toEpochMilli())
                        .setDeviceId(device)
                        .setValue(value)
                        .setEventTime(at)
                        .build());
    }

    private static <V extends SpecificRecord> void publish(
            RegistryAvroSerdes serdes, String topic, String key, V value) {
        @SuppressWarnings("unchecked")
        var serializer = serdes.valueSerde((Class<V>) value.getClass()).serializer();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.shared().kafka().bootstrapServers()),
                new StringSerializer(),
                serializer)) {
            producer.send(new ProducerRecord<>(topic, key, value));
        }
    }
}
