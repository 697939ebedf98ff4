package dev.streamsuite.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsuite.iot.topology.IotTopology;
import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.iot.Device;
import dev.streamsuite.schemas.iot.Thresholds;
import dev.streamsuite.schemas.iot.WindowedAggregate;
import dev.streamsuite.streams.RegistryAvroSerdes;
import dev.streamsuite.testsupport.RealInfrastructureExtension;
import dev.streamsuite.testsupport.ServiceInstance;
import dev.streamsuite.testsupport.TestInfrastructure;
import dev.streamsuite.testsupport.TopicReader;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of the service in one consumer group, each owning part of the devices: a
 * query to either instance is answered, by forwarding to the owner when needed.
 */
@ExtendWith(RealInfrastructureExtension.class)
class IotAggregatorIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final int PARTITIONS = TopicCatalog.SENSOR_READINGS.partitions();
    /**
     * Two devices on each input partition but {@link IotRestartIT#PARTITION}, whose readings
     * are stamped ahead of {@link #T0}: these instances read the topic from the start, and failsafe
     * runs the classes in the order the file system lists them, so after IotRestartIT a reading of
     * T0 on that partition would be late.
     */
    private static final List<String> DEVICES = IntStream.range(0, PARTITIONS)
            .filter(partition -> partition != IotRestartIT.PARTITION)
            .boxed()
            .flatMap(partition -> ServiceInstance.keysOnPartition("dev-", partition, PARTITIONS, 2).stream())
            .toList();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ServiceInstance first;
    private static ServiceInstance second;

    @BeforeAll
    static void startTwoInstances() throws IOException {
        first = ServiceInstance.startRunning(IotAggregatorApplication.class);
        second = ServiceInstance.startRunning(IotAggregatorApplication.class);
    }

    @AfterAll
    static void stopInstances() {
        first.close();
        second.close();
    }

    /**
     * A minute's close runs in one transaction, a window for every device: the stream threads'
     * producers get a minute, where Kafka Streams gives 10 s under exactly-once.
     */
    @Test
    void givesEachTransactionAMinuteForTheCloseOfAMinutesWindows() {
        var config = new StreamsConfig(first.streams().getStreamsConfiguration());

        assertThat(config.getProducerConfigs("stream-thread-producer"))
                .extractingByKey(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG)
                .hasToString("60000");
    }

    @Test
    void anyInstanceAnswersForAnyDeviceByForwardingToTheOwner() throws IOException {
        var infrastructure = TestInfrastructure.shared();
        var serdes = new RegistryAvroSerdes(infrastructure.registry().registryApiUrl(), true, Map.of());
        for (String device : DEVICES) {
            TestInfrastructure.shared()
                    .publish(
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
            TestReadings.publish(device, 20.0, T0.plusSeconds(10));
            TestReadings.publish(device, 22.0, T0.plusSeconds(20));
        }
        for (String device : DEVICES) {
            TestReadings.publish(device, 21.0, T0.plusSeconds(150));
        }

        List<WindowedAggregate> aggregates;
        try (var reader = new TopicReader<>(
                infrastructure.kafka().bootstrapServers(),
                TopicCatalog.DEVICE_AGGREGATES.name(),
                Serdes.String().deserializer(),
                serdes.valueSerde(WindowedAggregate.class).deserializer())) {
            // Other classes' aggregates may come first.
            aggregates =
                    reader
                            .readUntil(
                                    read -> read.stream()
                                            .map(ConsumerRecord::key)
                                            .toList()
                                            .containsAll(DEVICES),
                                    PATIENCE)
                            .stream()
                            .filter(record -> DEVICES.contains(record.key()))
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
            assertThat(windows.get(0).get("closed").asBoolean())
                    .as("the first window's final result was published")
                    .isTrue();
            assertThat(windows.get(windows.size() - 1).get("closed").asBoolean())
                    .as("the window of the newest reading is still open")
                    .isFalse();
            assertThat(JSON.readTree(viaSecond.body())).isEqualTo(JSON.readTree(viaFirst.body()));

            var latest =
                    JSON.readTree(second.get("/devices/" + device + "/latest").body());
            assertThat(latest.get("value").asDouble()).isEqualTo(21.0);
            assertThat(latest.get("eventTime").asText())
                    .isEqualTo(T0.plusSeconds(150).toString());
        }
        var unknown = first.get("/devices/never-seen/latest");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("detail").asText()).contains("never-seen");
    }

    @Test
    void aBadRequestIsAProblemDetail() throws IOException {
        var response = first.get("/devices/dev-1/aggregates?from=" + T0.plusSeconds(3600) + "&to=" + T0);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).isEqualTo("'from' must not be after 'to'");
    }

    @Test
    void answersServiceUnavailableWithRetryAfterWhileItsStreamsAreNotRunning() throws IOException {
        var streams = second.streams();
        streams.stop();
        try {
            var response = second.get("/devices/dev-1/latest");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(503);
        } finally {
            streams.start();
        }
        await().atMost(PATIENCE).until(() -> first.isRunning() && second.isRunning());
    }
}
