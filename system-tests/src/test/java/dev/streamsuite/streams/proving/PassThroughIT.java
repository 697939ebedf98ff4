package dev.streamsuite.streams.proving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.streams.AvroSerdes;
import dev.streamsuite.streams.UnreadableRecordException;
import dev.streamsuite.testsupport.ConfluentWireFormat;
import dev.streamsuite.testsupport.RealKafkaAndRegistry;
import dev.streamsuite.testsupport.StateDirectories;
import dev.streamsuite.testsupport.TestInfrastructure;
import dev.streamsuite.testsupport.TopicReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The foundation end to end: the proving slice against a real broker and a real registry,
 * wired only through streams-support.
 */
@RealKafkaAndRegistry
@SpringBootTest(
        classes = PassThroughApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=proving-pass-through",
            // The readiness test restarts the streams; leaving the group spares a session timeout.
            "streamsuite.streams.leave-group-on-close=true",
            // Written output reaches the broker at once, so the injected crash aborts visible records.
            "spring.kafka.streams.properties.producer.linger.ms=0"
        })
class PassThroughIT {

    private static final String INPUT = TopicCatalog.TRANSACTIONS.name();
    private static final String DEAD_LETTER = "proving-pass-through.dlq";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static KafkaProducer<String, byte[]> producer;
    private static ConfluentWireFormat wire;
    private static int transactionSchemaId;

    @Autowired
    StreamsBuilderFactoryBean streams;

    @Autowired
    AvroSerdes serdes;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        var infrastructure = TestInfrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infrastructure.kafka()::bootstrapServers);
        registry.add("streamsuite.registry.url", infrastructure.registry()::registryApiUrl);
        // Fresh state: a state directory left by an earlier run would point at another broker's offsets.
        registry.add("spring.kafka.streams.state-dir", () -> StateDirectories.fresh("it")
                .toString());
    }

    @BeforeAll
    static void foreignProducer() {
        var infrastructure = TestInfrastructure.shared();
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        infrastructure.kafka().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
        wire = new ConfluentWireFormat(infrastructure.registry());
        transactionSchemaId = wire.register(INPUT + "-value", Transaction.getClassSchema());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void processesARecordFramedByAProducerWithoutTheApicurioSerde() {
        String id = "foreign-" + UUID.randomUUID();

        send(id, ConfluentWireFormat.serialize(transactionSchemaId, payment(id, 1250)));

        try (var output = outputReader()) {
            var copied = output.readUntil(read -> transactionIds(read).contains(id), PATIENCE);
            var copy = copied.stream()
                    .filter(r -> r.value().getTransactionId().equals(id))
                    .findFirst()
                    .orElseThrow()
                    .value();
            assertThat(copy.getAmountMinor()).isEqualTo(1250);
            assertThat(copy.getEventTime()).isEqualTo(T0);
        }
    }

    /**
     * The stream thread dies mid-transaction after writing part of its output. A read_committed
     * consumer still sees every record exactly once; a read_uncommitted one sees the aborted
     * copy too, so this test would fail under at-least-once.
     */
    @Test
    void everyRecordAppearsExactlyOnceToAReadCommittedConsumerAcrossACrash() {
        String batch = "eos-" + UUID.randomUUID() + "-";
        var ids =
                new ArrayList<>(IntStream.range(0, 300).mapToObj(i -> batch + i).toList());
        ids.add(150, batch + "written");
        ids.add(151, batch + "crash");

        // One key: one partition, in this order.
        ids.forEach(id -> producer.send(new ProducerRecord<>(
                INPUT, batch, ConfluentWireFormat.serialize(transactionSchemaId, payment(id, 100)))));
        producer.flush();
        TestInfrastructure.shared().kafka().awaitConsumed("proving-pass-through", INPUT, PATIENCE);

        assertThat(PassThroughApplication.CRASHED).contains(batch + "crash");
        try (var output = outputReader()) {
            Map<String, Long> copies = countsOf(output.readToEnd(PATIENCE), batch);
            assertThat(copies).hasSize(ids.size());
            assertThat(copies.values()).allMatch(count -> count == 1);
        }
        try (var uncommitted = TopicReader.uncommitted(
                bootstrapServers(),
                PassThroughApplication.OUTPUT,
                Serdes.String().deserializer(),
                serdes.valueSerde(Transaction.class).deserializer())) {
            assertThat(countsOf(uncommitted.readToEnd(PATIENCE), batch))
                    .as("the aborted write is visible to read_uncommitted")
                    .hasEntrySatisfying(
                            batch + "written", count -> assertThat(count).isGreaterThan(1));
        }
    }

    private static Map<String, Long> countsOf(List<ConsumerRecord<String, Transaction>> records, String batch) {
        return records.stream()
                .map(r -> r.value().getTransactionId())
                .filter(id -> id.startsWith(batch))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicWhileGoodOnesAroundThemAreProcessed() throws Exception {
        String run = "dlq-" + UUID.randomUUID() + "-";
        double deadLettersBefore = deadLetterCount();
        var bad = new ArrayList<byte[]>();
        bad.add("not avro at all".getBytes(StandardCharsets.UTF_8));
        bad.add(wrongMagicByte(ConfluentWireFormat.serialize(transactionSchemaId, payment(run + "magic", 1))));
        bad.add(ConfluentWireFormat.serialize(987_654, payment(run + "unknown-id", 1)));
        bad.add(ConfluentWireFormat.frame(transactionSchemaId, hostileLengthPrefix()));
        bad.add(ConfluentWireFormat.serialize(transactionSchemaId, payment(run + "negative", -5)));
        bad.add(new byte[] {0, 0, 1});
        bad.add(incompatiblePayment());

        send(run + "before", ConfluentWireFormat.serialize(transactionSchemaId, payment(run + "before", 10)));
        for (int i = 0; i < bad.size(); i++) {
            producer.send(new ProducerRecord<>(INPUT, run + "bad-" + i, bad.get(i)));
        }
        send(run + "after", ConfluentWireFormat.serialize(transactionSchemaId, payment(run + "after", 20)));
        producer.flush();

        try (var output = outputReader()) {
            output.readUntil(
                    read -> transactionIds(read).containsAll(List.of(run + "before", run + "after")), PATIENCE);
        }
        try (var deadLetters = new TopicReader<>(
                bootstrapServers(), DEAD_LETTER, new StringDeserializer(), new ByteArrayDeserializer())) {
            var records = deadLetters.readUntil(
                    read -> read.stream().filter(r -> r.key().startsWith(run)).count() == bad.size(), PATIENCE);
            // Keyed differently, the bad records sit on different partitions: compare by key.
            Map<String, ConsumerRecord<String, byte[]>> mine = records.stream()
                    .filter(r -> r.key().startsWith(run))
                    .collect(Collectors.toMap(ConsumerRecord::key, Function.identity()));
            for (int i = 0; i < bad.size(); i++) {
                assertThat(mine.get(run + "bad-" + i).value())
                        .as("original bytes of bad-%d", i)
                        .isEqualTo(bad.get(i));
            }
            assertThat(mine.values()).allSatisfy(r -> {
                assertThat(header(r, "__streams.errors.exception")).isNotBlank();
                assertThat(header(r, "__streams.errors.topic")).isEqualTo(INPUT);
                assertThat(header(r, "__streams.errors.offset")).isNotBlank();
            });
            assertThat(header(mine.get(run + "bad-3"), "__streams.errors.stacktrace"))
                    .contains("exceeds maximum allowed");
            // What is wrong, in words, for every record that cannot be read.
            Map<Integer, String> explained = Map.of(
                    0, "Not in the Confluent wire format: the first byte is 0x6e",
                    1, "Not in the Confluent wire format: the first byte is 0x07",
                    2, "Unknown schema id 987654",
                    3, "Not readable as Transaction with the writer's schema id",
                    5, "Truncated: 3 bytes",
                    6, "Not readable as Transaction with the writer's schema id");
            explained.forEach((index, message) -> {
                var record = mine.get(run + "bad-" + index);
                assertThat(header(record, "__streams.errors.exception"))
                        .as("bad-%d", index)
                        .isEqualTo(UnreadableRecordException.class.getName());
                assertThat(header(record, "__streams.errors.message"))
                        .as("bad-%d", index)
                        .startsWith(message);
            });
            assertThat(header(mine.get(run + "bad-4"), "__streams.errors.message"))
                    .contains("amountMinor is negative: -5");
        }
        assertThat(streams.getKafkaStreams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        await().atMost(PATIENCE).until(() -> deadLetterCount() >= deadLettersBefore + bad.size());
    }

    /** A "Transaction" written with a schema Transaction cannot read (an int where a string is). */
    private static byte[] incompatiblePayment() {
        var schema = new Schema.Parser()
                .parse(
                        "{\"type\":\"record\",\"name\":\"Transaction\",\"namespace\":"
                                + "\"dev.streamsuite.schemas.payments\",\"fields\":[{\"name\":\"transactionId\",\"type\":\"int\"}]}");
        int id = wire.register("incompatible-transactions-value", schema);
        return ConfluentWireFormat.serialize(
                id, new GenericRecordBuilder(schema).set("transactionId", 7).build());
    }

    @Test
    void readinessIsUpOnlyWhileTheStreamsAreRunning() throws Exception {
        await().atMost(PATIENCE).until(() -> streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        streams.stop();
        try {
            var readiness = get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("OUT_OF_SERVICE");
            assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        } finally {
            streams.start();
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                        get("/actuator/health/readiness").statusCode())
                .isEqualTo(200));
    }

    @Test
    void runsWithExactlyOnceByDefault() {
        assertThat(streams.getStreamsConfiguration())
                .containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("errors.dead.letter.queue.topic.name", DEAD_LETTER);
    }

    private static GenericRecord payment(String id, long amountMinor) {
        // Built from the schema alone, as a producer in another language would: no generated class.
        return new GenericRecordBuilder(Transaction.getClassSchema())
                .set("transactionId", id)
                .set("cardId", "card-1")
                .set("accountId", "acct-1")
                .set("merchantId", "m-1")
                .set("merchantCategoryCode", "5411")
                .set("amountMinor", amountMinor)
                .set("currency", "EUR")
                .set("country", "FR")
                .set("location", null)
                .set(
                        "channel",
                        new GenericData.EnumSymbol(
                                Transaction.getClassSchema().getField("channel").schema(), "ECOMMERCE"))
                .set("eventTime", T0.toEpochMilli())
                .build();
    }

    private static byte[] wrongMagicByte(byte[] framed) {
        framed[0] = 7;
        return framed;
    }

    /** A transaction id whose length prefix claims a gigabyte. */
    private static byte[] hostileLengthPrefix() throws IOException {
        var out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        encoder.writeLong(1L << 30);
        encoder.flush();
        return out.toByteArray();
    }

    private static void send(String key, byte[] value) {
        producer.send(new ProducerRecord<>(INPUT, key, value));
    }

    private TopicReader<String, Transaction> outputReader() {
        return new TopicReader<>(
                bootstrapServers(),
                PassThroughApplication.OUTPUT,
                Serdes.String().deserializer(),
                serdes.valueSerde(Transaction.class).deserializer());
    }

    private static List<String> transactionIds(List<ConsumerRecord<String, Transaction>> records) {
        return records.stream().map(r -> r.value().getTransactionId()).toList();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String bootstrapServers() {
        return TestInfrastructure.shared().kafka().bootstrapServers();
    }

    private double deadLetterCount() throws Exception {
        return get("/actuator/prometheus")
                .body()
                .lines()
                .filter(line -> line.startsWith("streamsuite_dead_letter_records_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
