package dev.streamsuite.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How far an application has come: the offsets its group committed and the ends of the topics
 * it reads, the input and its repartition topics. Two samples give its sustained throughput:
 * each stage's committed progress is converted into input events by the stage's fan-out, and
 * the slowest stage counts, so a topology that reads its input fast but falls behind on a
 * repartition topic is not credited with the input's pace.
 */
final class Progress {

    /** One sample, taken at {@code nanos} (System.nanoTime). */
    record Sample(long nanos, Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {

        long committed(String topic) {
            return sum(committed, topic);
        }

        long end(String topic) {
            return sum(ends, topic);
        }

        /** Whether every topic read is consumed to its end (transaction markers aside). */
        boolean drained(Collection<String> topics) {
            return topics.stream().allMatch(topic -> ends.entrySet().stream()
                    .filter(end -> end.getKey().topic().equals(topic))
                    .allMatch(end -> committed.getOrDefault(end.getKey(), 0L) >= end.getValue() - 1));
        }

        private static long sum(Map<TopicPartition, Long> offsets, String topic) {
            return offsets.entrySet().stream()
                    .filter(entry -> entry.getKey().topic().equals(topic))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }
    }

    private Progress() {}

    static Sample sample(Admin admin, String group, Collection<String> topics) throws Exception {
        var committed = new HashMap<TopicPartition, Long>();
        admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get()
                .forEach((partition, offset) -> {
                    if (offset != null) {
                        committed.put(partition, offset.offset());
                    }
                });
        var partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(description -> description.partitions().stream()
                        .map(info -> new TopicPartition(description.name(), info.partition())))
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        var ends = admin.listOffsets(partitions).all().get().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().offset()));
        return new Sample(System.nanoTime(), committed, ends);
    }

    /** The repartition topics Kafka Streams made for {@code application}. */
    static List<String> repartitionTopics(Admin admin, String application) throws Exception {
        return admin.listTopics().names().get().stream()
                .filter(name -> name.startsWith(application + "-") && name.endsWith("-repartition"))
                .sorted()
                .toList();
    }

    /** Input events per second, and the stage that set the pace: the input, or a repartition topic. */
    record Pace(double eventsPerSecond, String slowestStage, String stages) {}

    /**
     * Input events per second between {@code from} and {@code to}: the input's committed progress,
     * or, where slower, a repartition stage's committed progress divided by the records that stage
     * received per input event.
     */
    static Pace pace(Sample from, Sample to, String input, List<String> repartitions) {
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        long inputDone = to.committed(input) - from.committed(input);
        double slowest = inputDone;
        String slowestStage = "input";
        var stages = new StringBuilder(String.format(java.util.Locale.ROOT, "input %,d", inputDone));
        for (String topic : repartitions) {
            long produced = to.end(topic) - from.end(topic);
            long consumed = to.committed(topic) - from.committed(topic);
            stages.append(String.format(java.util.Locale.ROOT, "; %s %,d in, %,d done", topic, produced, consumed));
            if (produced > 0 && inputDone > 0) {
                double perEvent = (double) produced / inputDone;
                if (consumed / perEvent < slowest) {
                    slowest = consumed / perEvent;
                    slowestStage = topic;
                }
            }
        }
        return new Pace(slowest / seconds, slowestStage, stages.toString());
    }

    /**
     * Whether {@code group} keeps up with live traffic, asked about once a second: every topic it
     * reads (the input and its repartition topics, found at each call) is less than half a second
     * of that topic's own traffic behind, the traffic being what arrived since the previous call.
     * False at the first call, and while the broker does not answer.
     */
    static BooleanSupplier keepingUp(Admin admin, String group, String input) {
        var previous = new AtomicReference<Sample>();
        return () -> {
            Sample now;
            List<String> topics;
            try {
                topics = new ArrayList<>(repartitionTopics(admin, group));
                topics.add(input);
                now = sample(admin, group, topics);
            } catch (Exception e) {
                return false;
            }
            Sample before = previous.getAndSet(now);
            if (before == null) {
                return false;
            }
            double seconds = (now.nanos() - before.nanos()) / 1e9;
            return topics.stream().allMatch(topic -> {
                double perSecond = (now.end(topic) - before.end(topic)) / seconds;
                return now.end(topic) - now.committed(topic) <= Math.max(10, perSecond / 2);
            });
        };
    }
}
