package dev.streamsuite.streams.autoconfigure;

import dev.streamsuite.streams.SourceTopics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaStreamsCustomizer;

/**
 * Before the streams start: looks up the partition counts of the topics the topology reads,
 * refuses to start when topics read by the same tasks differ (see
 * {@link SourceTopics#requireCoPartitioned}), and hands the counts to processors. When the
 * counts cannot be read (a topic missing, the cluster unreachable), Kafka Streams' own start-up
 * reports the cause; processors then skip the key placement check. It also refuses to start
 * without the dead-letter topic: every bad record would then be lost instead of kept.
 */
final class SourceTopicsCheck implements KafkaStreamsCustomizer {

    private static final Logger log = LoggerFactory.getLogger(SourceTopicsCheck.class);

    private final Duration timeout;
    private final String deadLetterTopic;

    SourceTopicsCheck(Duration timeout, String deadLetterTopic) {
        this.timeout = timeout;
        this.deadLetterTopic = deadLetterTopic;
    }

    @Override
    public KafkaStreams initKafkaStreams(Topology topology, Properties properties, KafkaClientSupplier clients) {
        var config = new StreamsConfig(properties);
        String applicationId = config.getString(StreamsConfig.APPLICATION_ID_CONFIG);
        var description = topology.describe();
        var topics = SourceTopics.externalSources(description, applicationId);
        var partitions = new HashMap<String, Integer>();
        try (var admin = Admin.create(config.getAdminConfigs(applicationId + "-source-topics-check"))) {
            requireDeadLetterTopic(admin);
            admin.describeTopics(topics)
                    .allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((name, topic) ->
                            partitions.put(name, topic.partitions().size()));
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Could not read the partition counts of {}: {}", topics, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var sourceTopics = new SourceTopics(partitions);
        sourceTopics.requireCoPartitioned(description, applicationId);
        properties.put(SourceTopics.CONFIG_KEY, sourceTopics);
        return KafkaStreamsCustomizer.super.initKafkaStreams(topology, properties, clients);
    }

    private void requireDeadLetterTopic(Admin admin) throws InterruptedException {
        try {
            admin.describeTopics(java.util.List.of(deadLetterTopic))
                    .allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalStateException("The dead-letter topic " + deadLetterTopic + " does not exist, so bad"
                        + " records could not be kept. The service creates it at start-up when its principal may"
                        + " (CREATE on its application id's prefix, docs/security.md); otherwise create it, or set"
                        + " streamsuite.dead-letter-topic to one that exists.");
            }
            log.warn(
                    "Could not check the dead-letter topic {}: {}",
                    deadLetterTopic,
                    e.getCause().toString());
        } catch (TimeoutException e) {
            log.warn("Could not check the dead-letter topic {} within {}", deadLetterTopic, timeout);
        }
    }

    @Override
    public void customize(KafkaStreams kafkaStreams) {}
}
