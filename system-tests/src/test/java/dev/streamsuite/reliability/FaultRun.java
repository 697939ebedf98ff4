package dev.streamsuite.reliability;

import static org.awaitility.Awaitility.await;

import dev.streamsuite.streams.CatalogTopics;
import dev.streamsuite.testsupport.ConfluentWireFormat;
import dev.streamsuite.testsupport.HostileRecords;
import dev.streamsuite.testsupport.TestInfrastructure;
import dev.streamsuite.testsupport.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Exactly-once under faults, proven as Apache Kafka proves its own: two instances of a service,
 * each its own process and a static member of one group, process a seeded stream while faults
 * hit them at evenly spaced points of progress. Then a verifier reads the outputs
 * {@code read_committed} and compares them, id by id, with what the service's own topology
 * computes over the same input in one uninterrupted run; a {@code read_uncommitted} reader shows
 * what the transactions hid.
 */
final class FaultRun {

    /** What happens to the instances (or the broker) at one point of the run. */
    enum Fault {
        /** {@code kill -9} of one instance, then a start under the same member id and state. */
        KILL,
        /** A kill, a start, and a second kill as soon as the restore finished (KAFKA-20685's sequence). */
        KILL_AFTER_RESTORE,
        /**
         * SIGSTOP until the group has expelled the instance and the other took its work, then
         * SIGCONT: the resumed zombie must be fenced, not write.
         */
        PAUSE,
        /** Each instance stopped (SIGTERM) and started again, one after the other. */
        ROLLING_RESTART,
        /** The broker stopped and started again under the running instances. */
        BROKER_RESTART
    }

    /** The broker the run uses; {@code restart} may be unsupported (an in-process broker). */
    record Cluster(String bootstrapServers, Supplier<Admin> admin, Runnable restart) {}

    /** The figures of one run. */
    record Summary(
            String service,
            int events,
            List<String> faults,
            int kills,
            Map<String, Long> expected,
            Map<String, Long> committed,
            Map<String, Long> duplicates,
            Map<String, Long> lost,
            Map<String, Long> unexpected,
            Map<String, Long> differing,
            Map<String, Long> uncommittedExtra,
            long abortedStateRecords,
            long controlAbortedSeen,
            int badRecords,
            long deadLetters,
            long deadLettersWithoutReason,
            long threadFailures,
            long outOfMemoryErrors,
            List<Long> heapUsedMiB,
            List<Double> secondsToReady,
            List<Double> pauseSeconds,
            Map<String, Long> openTransactions) {

        long total(Map<String, Long> figures) {
            return figures.values().stream().mapToLong(Long::longValue).sum();
        }

        String line() {
            return String.format(
                    "FAULT RUN SUMMARY %s: events %d, faults %s, kills %d; read_committed outputs %s of expected %s; "
                            + "duplicates %s, lost %s, unexpected %s, differing %s; read_uncommitted extra %s, and %d"
                            + " records of aborted transactions in the state changelogs (control: %d of 1 aborted"
                            + " record seen only read_uncommitted); "
                            + "bad records sent %d, dead letters %d (%d without a reason), stream thread failures %d, "
                            + "OutOfMemoryErrors %d, heap used MiB at the end %s; kill to READY s %s; pauses s %s; "
                            + "partitions with an open transaction %s",
                    service,
                    events,
                    faults,
                    kills,
                    committed,
                    expected,
                    duplicates,
                    lost,
                    unexpected,
                    differing,
                    uncommittedExtra,
                    abortedStateRecords,
                    controlAbortedSeen,
                    badRecords,
                    deadLetters,
                    deadLettersWithoutReason,
                    threadFailures,
                    outOfMemoryErrors,
                    heapUsedMiB,
                    secondsToReady.stream()
                            .map(seconds -> String.format("%.1f", seconds))
                            .toList(),
                    pauseSeconds.stream()
                            .map(seconds -> String.format("%.1f", seconds))
                            .toList(),
                    openTransactions);
        }
    }

    private final Workload workload;
    private final Cluster cluster;
    private final TestInfrastructure infrastructure;
    private final String run;
    private final String application;
    private final List<Double> secondsToReady = new ArrayList<>();
    private final List<Double> pauseSeconds = new ArrayList<>();
    private int kills;

    FaultRun(Workload workload, Cluster cluster, TestInfrastructure infrastructure) {
        this.workload = workload;
        this.cluster = cluster;
        this.infrastructure = infrastructure;
        this.run = "eos" + System.currentTimeMillis() + "-";
        this.application = workload.service() + "-" + run + "app";
    }

    /**
     * Runs {@code events} stream records through two instances while {@code faults} happen, in
     * order. Halfway through the stream come the workload's invalid records and a batch of
     * unreadable ones ({@link HostileRecords}): all must be dead-lettered, none may stop a thread.
     */
    Summary run(int events, List<Fault> faults) throws Exception {
        try (var admin = cluster.admin().get()) {
            CatalogTopics.create(admin, CatalogTopics.all((short) 1));
        }
        var reference = workload.reference(run);
        var stream = workload.stream(run, events);
        var invalid = workload.invalid(run);
        var closing = workload.closing(run);
        var hostile = HostileRecords.of(
                        new ConfluentWireFormat(infrastructure.registry()),
                        workload.inputTopic(),
                        stream.get(0).value(),
                        5)
                .stream()
                .map(HostileRecords.Hostile::value)
                .toList();
        int half = stream.size() / 2;
        var fed = new ArrayList<>(stream.subList(0, half));
        fed.addAll(invalid);
        fed.addAll(stream.subList(half, stream.size()));
        var expected = Recomputation.of(workload, reference, fed, closing);
        send(reference);
        Map<TopicPartition, Long> baseline = inputEnds();
        long input = fed.size() + hostile.size();
        var instances = new ArrayList<Member>();
        for (String id : List.of("instance-a", "instance-b")) {
            instances.add(new Member(
                    infrastructure,
                    workload.service(),
                    id,
                    Path.of("target/state", run, id),
                    Map.of(
                            "SPRING_KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers(),
                            "SPRING_APPLICATION_NAME", application,
                            "SPRING_KAFKA_STREAMS_PROPERTIES_GROUP_INSTANCE_ID", id)));
        }
        var heap = new ArrayList<Long>();
        try {
            for (var instance : instances) {
                instance.start();
            }
            var sendFailure = new AtomicReference<Throwable>();
            var sending = new Thread(
                    () -> {
                        send(stream.subList(0, half));
                        send(invalid);
                        EventSender.sendRaw(producerSettings(), workload.inputTopic(), run + "hostile-", hostile);
                        send(stream.subList(half, stream.size()));
                    },
                    "fault-run-stream");
            sending.setUncaughtExceptionHandler((thread, failure) -> sendFailure.set(failure));
            sending.start();
            for (int i = 0; i < faults.size(); i++) {
                long due = input * (i + 1) / (faults.size() + 1);
                awaitConsumed(baseline, due, Duration.ofMinutes(5));
                apply(faults.get(i), instances.get(i % 2), instances.get((i + 1) % 2));
            }
            sending.join();
            if (sendFailure.get() != null) {
                throw new IllegalStateException("Sending the stream failed", sendFailure.get());
            }
            awaitConsumed(baseline, input, Duration.ofMinutes(5));
            long sent = input;
            for (var batch : closing) {
                send(batch);
                sent += batch.size();
                awaitConsumed(baseline, sent, Duration.ofMinutes(5));
            }
            awaitOutputs(expected);
            for (var instance : instances) {
                heap.add(instance.heapUsedMiB());
            }
        } finally {
            for (var instance : instances) {
                instance.stop();
            }
        }
        var logs =
                instances.stream().flatMap(instance -> instance.logs().stream()).toList();
        return verify(events, faults, expected, invalid.size() + hostile.size(), logs, heap);
    }

    // ---------------------------------------------------------------- faults

    private void apply(Fault fault, Member target, Member other) throws Exception {
        switch (fault) {
            case KILL -> killAndRestart(target);
            case KILL_AFTER_RESTORE -> {
                killAndRestart(target);
                killAndRestart(target);
            }
            case PAUSE -> pause(target, other);
            case ROLLING_RESTART -> {
                target.stop();
                target.start();
                other.stop();
                other.start();
            }
            case BROKER_RESTART -> {
                cluster.restart().run();
                target.awaitReady();
                other.awaitReady();
            }
        }
    }

    private void killAndRestart(Member instance) throws Exception {
        instance.process().kill();
        kills++;
        long killedAt = System.nanoTime();
        instance.start();
        secondsToReady.add((System.nanoTime() - killedAt) / 1e9);
    }

    private void pause(Member paused, Member other) throws Exception {
        try (var admin = cluster.admin().get()) {
            await(paused.id() + " a member of the group")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> isMember(admin, paused));
            paused.process().freeze();
            long pausedAt = System.nanoTime();
            try {
                await(paused.id() + " expelled from the group while frozen")
                        .atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> !isMember(admin, paused));
            } finally {
                paused.process().thaw();
            }
            pauseSeconds.add((System.nanoTime() - pausedAt) / 1e9);
        }
        paused.awaitReady();
        other.awaitReady();
    }

    /** Kafka Streams makes each stream thread's consumer a static member {@code <group.instance.id>-<thread>}. */
    private boolean isMember(org.apache.kafka.clients.admin.Admin admin, Member instance) throws Exception {
        return admin.describeConsumerGroups(List.of(application)).all().get().get(application).members().stream()
                .anyMatch(member -> member.groupInstanceId()
                        .filter(id -> id.startsWith(instance.id() + "-"))
                        .isPresent());
    }

    // ---------------------------------------------------------------- input

    private void send(List<Workload.Event> events) {
        EventSender.send(producerSettings(), infrastructure.serdes(), events);
    }

    private Map<String, Object> producerSettings() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    }

    private Map<TopicPartition, Long> inputEnds() throws Exception {
        try (var admin = cluster.admin().get()) {
            return GroupOffsets.ends(admin, workload.inputTopic());
        }
    }

    /** Waits until the group committed {@code count} records of the input past the baseline. */
    private void awaitConsumed(Map<TopicPartition, Long> baseline, long count, Duration atMost) {
        try (var admin = cluster.admin().get()) {
            await(application + " to consume " + count + " records")
                    .atMost(atMost)
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> {
                        var committed = GroupOffsets.committed(admin, application, false);
                        return baseline.entrySet().stream()
                                        .mapToLong(start -> Math.max(
                                                0, committed.getOrDefault(start.getKey(), 0L) - start.getValue()))
                                        .sum()
                                >= count;
                    });
        }
    }

    // ---------------------------------------------------------------- verification

    /**
     * Waits until every compared output holds at least as many distinct ids of this run as
     * expected, for at most five minutes; what is still missing then is reported as lost.
     */
    private void awaitOutputs(Map<String, Map<String, String>> expected) {
        for (var output : workload.outputs()) {
            if (!output.compared()) {
                continue;
            }
            int count = expected.get(output.topic()).size();
            try (var reader = reader(output, IsolationLevel.READ_COMMITTED)) {
                reader.readUntil(
                        records -> ofThisRun(records).stream()
                                        .map(output::idOf)
                                        .distinct()
                                        .count()
                                >= count,
                        Duration.ofMinutes(5));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // The verification counts what is missing.
            }
        }
    }

    private Summary verify(
            int events,
            List<Fault> faults,
            Map<String, Map<String, String>> expected,
            int badRecords,
            List<Path> logs,
            List<Long> heap)
            throws Exception {
        var expectedCounts = new LinkedHashMap<String, Long>();
        var committedCounts = new LinkedHashMap<String, Long>();
        var duplicates = new LinkedHashMap<String, Long>();
        var lost = new LinkedHashMap<String, Long>();
        var unexpected = new LinkedHashMap<String, Long>();
        var differing = new LinkedHashMap<String, Long>();
        var uncommittedExtra = new LinkedHashMap<String, Long>();
        var open = openTransactions();
        var deadLetters = deadLetters();
        for (var output : workload.outputs()) {
            var committed = readAll(output, IsolationLevel.READ_COMMITTED);
            var uncommitted = readAll(output, IsolationLevel.READ_UNCOMMITTED);
            Map<String, List<String>> byId = committed.stream()
                    .collect(Collectors.groupingBy(
                            output::idOf, Collectors.mapping(output::contentOf, Collectors.toList())));
            String topic = output.topic();
            committedCounts.put(topic, (long) committed.size());
            duplicates.put(topic, (long) committed.size() - byId.size());
            uncommittedExtra.put(topic, (long) uncommitted.size() - committed.size());
            if (output.compared()) {
                var want = expected.get(topic);
                expectedCounts.put(topic, (long) want.size());
                lost.put(
                        topic,
                        want.keySet().stream()
                                .filter(id -> !byId.containsKey(id))
                                .count());
                unexpected.put(
                        topic,
                        byId.keySet().stream()
                                .filter(id -> !want.containsKey(id))
                                .count());
                differing.put(
                        topic,
                        want.entrySet().stream()
                                .filter(entry -> byId.containsKey(entry.getKey()))
                                .filter(entry ->
                                        !byId.get(entry.getKey()).get(0).equals(entry.getValue()))
                                .count());
            }
        }
        return new Summary(
                workload.service(),
                events,
                faults.stream().map(Fault::name).toList(),
                kills,
                expectedCounts,
                committedCounts,
                duplicates,
                lost,
                unexpected,
                differing,
                uncommittedExtra,
                abortedStateRecords(),
                controlAbortedSeen(),
                badRecords,
                deadLetters.size(),
                deadLetters.stream()
                        .filter(record -> header(record, "__streams.errors.exception") == null
                                || header(record, "__streams.errors.message") == null)
                        .count(),
                linesContaining(logs, "Stream thread failed"),
                linesContaining(logs, "OutOfMemoryError"),
                List.copyOf(heap),
                List.copyOf(secondsToReady),
                List.copyOf(pauseSeconds),
                open);
    }

    private List<SpecificRecord> readAll(Workload.Output<?> output, IsolationLevel isolation) {
        try (var reader = reader(output, isolation)) {
            return ofThisRun(reader.readToEnd(Duration.ofMinutes(2)));
        }
    }

    /** The records of this run: their keys (cards, devices, sites, users) carry its prefix. */
    private List<SpecificRecord> ofThisRun(List<ConsumerRecord<String, SpecificRecord>> records) {
        return records.stream()
                .filter(record -> record.key() != null && record.key().startsWith(run))
                .map(ConsumerRecord::value)
                .toList();
    }

    private TopicReader<String, SpecificRecord> reader(Workload.Output<?> output, IsolationLevel isolation) {
        var values = output.deserializer(infrastructure.serdes());
        return isolation == IsolationLevel.READ_COMMITTED
                ? new TopicReader<>(cluster.bootstrapServers(), output.topic(), new StringDeserializer(), values)
                : TopicReader.uncommitted(cluster.bootstrapServers(), output.topic(), new StringDeserializer(), values);
    }

    /**
     * The control of the isolation check, on a topic of the run's own: one record committed and one
     * aborted by a transactional producer; the {@code read_uncommitted} reader must see the aborted
     * one and the {@code read_committed} reader must not. A kill does not always land inside a
     * transaction (iot-aggregator writes most of its state as it commits), so the aborted records
     * the faults left are counted, and this shows that the readers can tell them apart.
     */
    private long controlAbortedSeen() throws Exception {
        String topic = run + "isolation-control";
        try (var admin = cluster.admin().get()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        var settings = new LinkedHashMap<String, Object>(producerSettings());
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, topic);
        try (var producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "committed", "committed"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "aborted", "aborted"));
            producer.flush();
            producer.abortTransaction();
        }
        try (var committed = new TopicReader<>(
                        cluster.bootstrapServers(), topic, new StringDeserializer(), new StringDeserializer());
                var all = TopicReader.uncommitted(
                        cluster.bootstrapServers(), topic, new StringDeserializer(), new StringDeserializer())) {
            return all.readToEnd(Duration.ofMinutes(1)).size()
                    - committed.readToEnd(Duration.ofMinutes(1)).size();
        }
    }

    /**
     * Records of aborted transactions in the application's state changelogs: what a kill in the
     * middle of a transaction leaves behind, seen by a {@code read_uncommitted} reader and hidden
     * from a {@code read_committed} one (every processed record writes state, while outputs of
     * windows come in bursts).
     */
    private long abortedStateRecords() throws Exception {
        List<String> changelogs;
        try (var admin = cluster.admin().get()) {
            changelogs = admin.listTopics().names().get().stream()
                    .filter(topic -> topic.startsWith(application + "-") && topic.endsWith("-changelog"))
                    .toList();
        }
        long aborted = 0;
        for (String changelog : changelogs) {
            try (var committed = new TopicReader<>(
                            cluster.bootstrapServers(),
                            changelog,
                            new ByteArrayDeserializer(),
                            new ByteArrayDeserializer());
                    var all = TopicReader.uncommitted(
                            cluster.bootstrapServers(),
                            changelog,
                            new ByteArrayDeserializer(),
                            new ByteArrayDeserializer())) {
                aborted += all.readToEnd(Duration.ofMinutes(1)).size()
                        - committed.readToEnd(Duration.ofMinutes(1)).size();
            }
        }
        return aborted;
    }

    /** The dead-letter records of this run, read committed: the DLQ is written in the same transactions. */
    private List<ConsumerRecord<String, byte[]>> deadLetters() {
        try (var reader = new TopicReader<>(
                cluster.bootstrapServers(),
                application + ".dlq",
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            return reader.readToEnd(Duration.ofMinutes(1)).stream()
                    .filter(record -> record.key() != null && record.key().startsWith(run))
                    .toList();
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null || header.value().length == 0
                ? null
                : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long linesContaining(List<Path> logs, String text) throws java.io.IOException {
        long count = 0;
        for (Path log : logs) {
            try (var lines = Files.lines(log)) {
                count += lines.filter(line -> line.contains(text)).count();
            }
        }
        return count;
    }

    /**
     * Partitions of the outputs whose last stable offset stays below their end once the instances
     * stopped: a transaction left hanging there would block every {@code read_committed} reader
     * (a record appended now would never become visible). Waits for the broker to abort what the
     * killed producers left open, then counts what is still open.
     */
    private Map<String, Long> openTransactions() throws Exception {
        var partitions = new ArrayList<TopicPartition>();
        try (var admin = cluster.admin().get()) {
            var topics = workload.outputs().stream().map(Workload.Output::topic).toList();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description
                    .partitions()
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
            var stillOpen = new AtomicReference<Set<TopicPartition>>(Set.of());
            try {
                await("no open transaction on the outputs")
                        .atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> {
                            stillOpen.set(open(admin, partitions));
                            return stillOpen.get().isEmpty();
                        });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // Reported, and asserted by the test.
            }
            return stillOpen.get().stream()
                    .collect(Collectors.groupingBy(TopicPartition::topic, Collectors.counting()));
        }
    }

    private static Set<TopicPartition> open(Admin admin, List<TopicPartition> partitions) throws Exception {
        var latest = partitions.stream().collect(Collectors.toMap(partition -> partition, p -> OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        var stable = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get();
        return partitions.stream()
                .filter(partition ->
                        stable.get(partition).offset() < ends.get(partition).offset())
                .collect(Collectors.toSet());
    }
}
