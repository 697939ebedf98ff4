package dev.streamsuite.streams;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The partition counts of the topics a topology reads, and the check Kafka Streams makes only
 * for DSL joins: topics read by the same tasks must have the same number of partitions. A task
 * owns partition {@code n} of each of its source topics; with different counts, a key's records
 * on one topic meet another partition's records of the other (a device's readings and the
 * wrong devices), and nothing fails. The platform checks this at start-up and hands the counts
 * to processors (see {@link KeyPlacement}) through the streams configuration under
 * {@link #CONFIG_KEY}.
 */
public record SourceTopics(Map<String, Integer> partitions) {

    public static final String CONFIG_KEY = "streamsuite.source-topics";

    public SourceTopics {
        partitions = Map.copyOf(partitions);
    }

    /** The topics outside Kafka Streams' own (repartition, changelog) that the topology's tasks read. */
    public static Set<String> externalSources(TopologyDescription topology, String applicationId) {
        var topics = new TreeSet<String>();
        for (var subtopology : topology.subtopologies()) {
            topics.addAll(sourcesOf(subtopology, applicationId));
        }
        return topics;
    }

    /**
     * @throws IllegalStateException naming the topics and their counts, when topics read by the
     *     same tasks differ in partition count
     */
    public void requireCoPartitioned(TopologyDescription topology, String applicationId) {
        for (var subtopology : topology.subtopologies()) {
            var counts = new TreeMap<String, Integer>();
            for (String topic : sourcesOf(subtopology, applicationId)) {
                Integer count = partitions.get(topic);
                if (count != null) {
                    counts.put(topic, count);
                }
            }
            if (counts.values().stream().distinct().count() > 1) {
                var listed = new StringBuilder();
                counts.forEach((topic, count) -> listed.append(listed.isEmpty() ? "" : " and ")
                        .append(topic)
                        .append(" (")
                        .append(count)
                        .append(count == 1 ? " partition)" : " partitions)"));
                throw new IllegalStateException("Topics " + listed + " are read by the same tasks and must have the"
                        + " same number of partitions; otherwise a key's records on one meet another key's on the"
                        + " other, silently. Recreate the smaller one with the larger count (and its data"
                        + " re-published), then start the service again.");
            }
        }
    }

    /** The partition count of a topic the topology reads, or -1 when not known. */
    public int partitionsOf(String topic) {
        return partitions.getOrDefault(topic, -1);
    }

    /** The instance under {@link #CONFIG_KEY}, or one that knows no topic. */
    public static SourceTopics from(Map<String, ?> configs) {
        return configs.get(CONFIG_KEY) instanceof SourceTopics topics ? topics : new SourceTopics(Map.of());
    }

    private static Set<String> sourcesOf(TopologyDescription.Subtopology subtopology, String applicationId) {
        var topics = new TreeSet<String>();
        for (var node : subtopology.nodes()) {
            if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                source.topicSet().stream()
                        // Repartition topics appear unprefixed in a description; Streams sizes them itself.
                        .filter(topic -> !topic.endsWith("-repartition") && !topic.startsWith(applicationId + "-"))
                        .forEach(topics::add);
            }
        }
        return topics;
    }
}
