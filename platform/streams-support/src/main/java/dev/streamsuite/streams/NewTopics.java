package dev.streamsuite.streams;

import dev.streamsuite.schemas.TopicSpec;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** A catalog entry as a topic to create: partitions, cleanup policy and retention as specified. */
public final class NewTopics {

    private NewTopics() {}

    public static NewTopic of(TopicSpec<?> spec, short replicationFactor) {
        var topic = new NewTopic(spec.name(), spec.partitions(), replicationFactor);
        if (spec.retention() == null) {
            return topic.configs(
                    Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, spec.cleanup().configValue()));
        }
        return topic.configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, spec.cleanup().configValue(),
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(spec.retention().toMillis())));
    }
}
