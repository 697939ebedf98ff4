package dev.streamsuite.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real single-node KRaft broker running inside the test JVM. */
public final class KafkaBroker implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    private KafkaBroker(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    static KafkaBroker start() {
        var broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "group.initial.rebalance.delay.ms", "0",
                // Transactions on a single broker: the state topics cannot have more replicas.
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1"));
        broker.afterPropertiesSet();
        return new KafkaBroker(broker);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** Creates the topics, each with the given partition count; existing topics are an error. */
    public void createTopics(int partitions, String... names) {
        var topics = Arrays.stream(names)
                .map(name -> new NewTopic(name, partitions, (short) 1))
                .toList();
        try (var admin = admin()) {
            admin.createTopics(topics).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create topics " + Arrays.toString(names), e.getCause());
        }
    }

    /**
     * Waits until the consumer group (e.g. a Kafka Streams application id) has committed
     * offsets at the end of every partition of the topic: it has processed all of it.
     */
    public void awaitConsumed(String groupId, String topic, Duration atMost) {
        try (var admin = admin()) {
            await("group " + groupId + " to consume all of " + topic)
                    .atMost(atMost)
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> {
                                var partitions = admin
                                        .describeTopics(List.of(topic))
                                        .allTopicNames()
                                        .get()
                                        .get(topic)
                                        .partitions()
                                        .stream()
                                        .map(p -> new TopicPartition(topic, p.partition()))
                                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                                var ends = admin.listOffsets(partitions).all().get();
                                var committed = admin.listConsumerGroupOffsets(groupId)
                                        .partitionsToOffsetAndMetadata()
                                        .get();
                                return ends.entrySet().stream().allMatch(end -> {
                                    // A partition that never had a record has no committed offset.
                                    var offset = committed.get(end.getKey());
                                    long position = offset == null ? 0 : offset.offset();
                                    return position >= end.getValue().offset();
                                });
                            });
        }
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
