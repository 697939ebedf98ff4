package dev.streamsuite.reliability;

import static org.awaitility.Awaitility.await;

import dev.streamsuite.streams.CatalogTopics;
import dev.streamsuite.streams.NewTopics;
import dev.streamsuite.streams.errors.DeadLetterHandlers;
import dev.streamsuite.testsupport.BrokerProcess;
import dev.streamsuite.testsupport.PlainAvroSerdes;
import dev.streamsuite.testsupport.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.util.FileSystemUtils;

/**
 * What a service's outputs must be: its own topology, run in this JVM by Kafka Streams on a
 * broker of its own, over the same records partitioned the same way, in one uninterrupted run.
 * Independent of the run under faults (other broker, other processes, no registry), and as
 * faithful as the real thing: per-partition stream time, repartitioning and global tables work
 * as in production, which a {@code TopologyTestDriver} (one partition, a commit per record)
 * would not reproduce.
 */
final class Recomputation {

    private static final String APPLICATION = "recomputation";

    private Recomputation() {}

    /** Id to content, per compared output. */
    static Map<String, Map<String, String>> of(
            Workload workload,
            List<Workload.Event> reference,
            List<Workload.Event> stream,
            List<List<Workload.Event>> closing)
            throws Exception {
        Path directory = Files.createTempDirectory(Path.of("target"), "recomputation-");
        var serdes = new PlainAvroSerdes();
        try (var broker = BrokerProcess.plaintext(directory.resolve("broker"))) {
            try (var admin = broker.admin()) {
                var topics = new java.util.ArrayList<>(CatalogTopics.all((short) 1));
                workload.topology(serdes).ownTopics().forEach(spec -> topics.add(NewTopics.of(spec, (short) 1)));
                CatalogTopics.create(admin, topics);
            }
            var producer = Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            EventSender.send(producer, serdes, reference);
            EventSender.send(producer, serdes, stream);
            var topology = workload.topology(serdes);
            var settings = topology.settings(settings(workload, broker, directory));
            try (var streams = new KafkaStreams(topology.build(settings), settings)) {
                streams.start();
                awaitProcessed(broker, workload.inputTopic(), stream.size());
                int sent = stream.size();
                for (var batch : closing) {
                    EventSender.send(producer, serdes, batch);
                    sent += batch.size();
                    awaitProcessed(broker, workload.inputTopic(), sent);
                }
                streams.close(Duration.ofMinutes(1));
            }
            var outputs = new HashMap<String, Map<String, String>>();
            for (var output : workload.outputs()) {
                if (output.compared()) {
                    outputs.put(
                            output.topic(),
                            readAll(broker, output.topic(), output.deserializer(serdes)).stream()
                                    .map(ConsumerRecord::value)
                                    .collect(Collectors.toMap(
                                            output::idOf, output::contentOf, (first, second) -> second)));
                }
            }
            return outputs;
        } finally {
            FileSystemUtils.deleteRecursively(directory);
        }
    }

    private static Properties settings(Workload workload, BrokerProcess broker, Path directory) {
        var settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION);
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        settings.put(
                StreamsConfig.STATE_DIR_CONFIG,
                directory.resolve("state").toAbsolutePath().toString());
        DeadLetterHandlers.apply(settings, workload.service() + ".dlq");
        return settings;
    }

    /**
     * Waits until the input's first {@code count} records are consumed and nothing the
     * application reads (repartition topics included) is left unprocessed: every output of
     * those records is then committed.
     */
    private static void awaitProcessed(BrokerProcess broker, String input, long count) {
        try (var admin = broker.admin()) {
            await("the recomputation to process " + count + " records of " + input)
                    .atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> {
                        var committed = GroupOffsets.committed(admin, APPLICATION, false);
                        long consumed = committed.entrySet().stream()
                                .filter(entry -> entry.getKey().topic().equals(input))
                                .mapToLong(Map.Entry::getValue)
                                .sum();
                        // Offsets of transactional topics end one past the last record, at a commit marker.
                        var ends = GroupOffsets.ends(admin, committed.keySet());
                        return consumed >= count
                                && committed.entrySet().stream()
                                        .allMatch(entry -> entry.getValue() >= ends.get(entry.getKey()) - 1);
                    });
        }
    }

    private static List<ConsumerRecord<String, SpecificRecord>> readAll(
            BrokerProcess broker, String topic, Deserializer<SpecificRecord> values) {
        try (var reader = new TopicReader<>(broker.bootstrapServers(), topic, new StringDeserializer(), values)) {
            return reader.readToEnd(Duration.ofMinutes(2));
        }
    }
}
