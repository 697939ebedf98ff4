package dev.streamsuite.reliability;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListStreamsGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What an application has committed, and the ends of the partitions it reads: its progress and its lag. */
final class GroupOffsets {

    private GroupOffsets() {}

    /**
     * The offsets the application's group committed, per partition it has committed on.
     *
     * @param streamsProtocol the group uses the {@code streams} rebalance protocol (a streams group, not a consumer group)
     */
    static Map<TopicPartition, Long> committed(Admin admin, String application, boolean streamsProtocol)
            throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = streamsProtocol
                ? admin.listStreamsGroupOffsets(Map.of(application, new ListStreamsGroupOffsetsSpec()))
                        .partitionsToOffsetAndMetadata(application)
                        .get()
                : admin.listConsumerGroupOffsets(application)
                        .partitionsToOffsetAndMetadata()
                        .get();
        return committed.entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** The end offsets of every partition of {@code topic}. */
    static Map<TopicPartition, Long> ends(Admin admin, String topic) throws Exception {
        var partitions =
                admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .toList();
        return ends(admin, partitions);
    }

    /** The end offsets of {@code partitions}. */
    static Map<TopicPartition, Long> ends(Admin admin, Collection<TopicPartition> partitions) throws Exception {
        return admin
                .listOffsets(partitions.stream()
                        .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                .all()
                .get()
                .entrySet()
                .stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** Records between the committed offsets and the ends, summed over the partitions in {@code ends}. */
    static long lag(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream()
                .mapToLong(end -> Math.max(0, end.getValue() - committed.getOrDefault(end.getKey(), 0L)))
                .sum();
    }
}
