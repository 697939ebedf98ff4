package dev.streamsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamsuite.fraud.state.CardState;
import dev.streamsuite.fraud.state.PastPaymentState;
import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.streams.CatalogTopics;
import dev.streamsuite.streams.InternalFormat;
import dev.streamsuite.testsupport.BrokerProcess;
import dev.streamsuite.testsupport.RealKafkaAndRegistry;
import dev.streamsuite.testsupport.SamplePayments;
import dev.streamsuite.testsupport.TestInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How fast fraud-detector is back after a {@code kill -9} with a large state: a million cards
 * (or {@code -Dstreamsuite.recovery.keys}) in its card store, two instances, payments flowing
 * at a steady rate. One instance is killed and started again at once, as Kubernetes restarts a
 * pod; the run measures kill to READY and kill to caught up (the group's lag back under one
 * second of traffic), for each way of running the group. A measurement, not a timed test: the
 * figures are printed and appended to {@code target/recovery.txt}. Run with
 * {@code ./mvnw -pl system-tests verify -Precovery}.
 */
@RealKafkaAndRegistry
class RecoveryIT {

    private static final int KEYS = Integer.getInteger("streamsuite.recovery.keys", 1_000_000);
    private static final int RATE = 500;
    /** Two instances working off {@link #RATE} payments a second, and nothing else: well under this. */
    private static final double QUIET_CORES = 0.3;

    /** Ways to run the group. */
    enum Setup {
        /** The classic protocol, static membership, no standby: the restarted member restores. */
        CLASSIC_STATIC(false, 0),
        /** The classic protocol, static membership, one standby replica per task. */
        CLASSIC_STATIC_STANDBY(false, 1),
        /** The streams protocol (KIP-1071), one standby replica per task (a group setting). */
        STREAMS_STANDBY(true, 1);

        final boolean streamsProtocol;
        final int standbys;

        Setup(boolean streamsProtocol, int standbys) {
            this.streamsProtocol = streamsProtocol;
            this.standbys = standbys;
        }
    }

    private final TestInfrastructure infrastructure = TestInfrastructure.shared();

    @ParameterizedTest
    @EnumSource(Setup.class)
    void recoversFromAHardKillWithAMillionKeys(Setup setup) throws Exception {
        String application =
                "fraud-detector-recovery-" + setup.name().toLowerCase().replace('_', '-');
        Path directory = Path.of("target/recovery-" + System.currentTimeMillis());
        try (var broker = BrokerProcess.plaintext(directory.resolve("broker"))) {
            preload(broker, application);
            if (setup.streamsProtocol) {
                try (var admin = broker.admin()) {
                    admin.incrementalAlterConfigs(Map.of(
                                    new ConfigResource(ConfigResource.Type.GROUP, application),
                                    List.of(new AlterConfigOp(
                                            new ConfigEntry("streams.num.standby.replicas", "" + setup.standbys),
                                            AlterConfigOp.OpType.SET))))
                            .all()
                            .get();
                }
            }
            var members = new ArrayList<Member>();
            for (String id : List.of("instance-a", "instance-b")) {
                var settings = new HashMap<String, String>();
                settings.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
                settings.put("SPRING_APPLICATION_NAME", application);
                if (setup.streamsProtocol) {
                    settings.put("SPRING_KAFKA_STREAMS_PROPERTIES_GROUP_PROTOCOL", "streams");
                } else {
                    settings.put("SPRING_KAFKA_STREAMS_PROPERTIES_GROUP_INSTANCE_ID", id);
                    settings.put("SPRING_KAFKA_STREAMS_PROPERTIES_NUM_STANDBY_REPLICAS", "" + setup.standbys);
                }
                members.add(new Member(infrastructure, "fraud-detector", id, directory.resolve(id), settings));
            }
            var traffic = Executors.newSingleThreadScheduledExecutor();
            try (var producer = producer(broker)) {
                long started = System.nanoTime();
                for (var member : members) {
                    member.start();
                }
                double restoreSeconds = (System.nanoTime() - started) / 1e9;
                var sent = new AtomicLong();
                // One serializer for the run: a new one asks the registry for the schema's id, and 500
                // of those a second kept the registry busy on the cores the measured start needs.
                var payments =
                        infrastructure.serdes().valueSerde(Transaction.class).serializer();
                var random = new Random(3);
                traffic.scheduleAtFixedRate(
                        () -> {
                            for (int i = 0; i < RATE / 10; i++) {
                                long n = sent.incrementAndGet();
                                String card = "card-" + random.nextInt(KEYS);
                                producer.send(new ProducerRecord<>(
                                        TopicCatalog.TRANSACTIONS.name(), card, paymentBytes(payments, n, card)));
                            }
                        },
                        0,
                        100,
                        TimeUnit.MILLISECONDS);
                awaitCaughtUp(broker, application, setup, Duration.ofMinutes(5));
                // Standby tasks fill after the active ones are running: the crash comes in the steady
                // state, as in production, not while the instances still restore and compile.
                var quiet = awaitQuiet(members, Duration.ofMinutes(3));

                var killed = members.get(0);
                killed.process().kill();
                long killedAt = System.nanoTime();
                killed.start();
                double ready = (System.nanoTime() - killedAt) / 1e9;
                awaitCaughtUp(broker, application, setup, Duration.ofMinutes(10));
                double caughtUp = (System.nanoTime() - killedAt) / 1e9;

                String line = String.format(
                        "RECOVERY %s: %d keys, %d payments/s; start with restore %.1f s; %s; kill -9 to READY %.1f s,"
                                + " to caught up (lag under %d) %.1f s",
                        setup, KEYS, RATE, restoreSeconds, quiet, ready, RATE, caughtUp);
                System.out.printf("%n%s%n", line);
                Files.writeString(
                        Path.of("target/recovery.txt"),
                        line + System.lineSeparator(),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                assertThat(killed.process().isAlive()).isTrue();
                traffic.shutdownNow();
            } finally {
                traffic.shutdownNow();
                for (var member : members) {
                    member.stop();
                }
            }
        }
    }

    /**
     * The card store's changelog, written before the service starts: {@link #KEYS} card
     * profiles in the service's internal format, as a long-running service would have left them.
     */
    private void preload(BrokerProcess broker, String application) throws Exception {
        String changelog = application + "-card-state-changelog";
        try (var admin = broker.admin()) {
            CatalogTopics.create(admin, CatalogTopics.all((short) 1));
            admin.createTopics(List.of(new NewTopic(changelog, TopicCatalog.TRANSACTIONS.partitions(), (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all()
                    .get();
        }
        var values = InternalFormat.serde(CardState.class).serializer();
        Instant now = Instant.now();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG,
                        20,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < KEYS; i++) {
                var profile = CardState.newBuilder()
                        .setPayments(
                                List.of(new PastPaymentState("preload-" + i, 2_500L, null, null, now.toEpochMilli())))
                        .setBaselineCount(1)
                        .setBaselineMean(2_500)
                        .setBaselineVariance(0)
                        .setLastAlertTimes(Map.of())
                        .setLastEventTime(now.toEpochMilli())
                        .build();
                producer.send(new ProducerRecord<>(changelog, "card-" + i, values.serialize(changelog, profile)));
            }
            producer.flush();
        }
    }

    private KafkaProducer<String, byte[]> producer(BrokerProcess broker) {
        return new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static byte[] paymentBytes(Serializer<Transaction> serializer, long n, String card) {
        var payment = SamplePayments.payment("recovery-" + n, card, "merchant-1", 1_000 + n % 5_000, Instant.now());
        return serializer.serialize(TopicCatalog.TRANSACTIONS.name(), payment);
    }

    /** How long the instances took to settle before the kill, and the CPU they used then. */
    private record Quiet(double seconds, double cores, boolean settled) {
        @Override
        public String toString() {
            return String.format("%s after %.0f s (%.2f cores)", settled ? "quiet" : "not quiet", seconds, cores);
        }
    }

    /**
     * Waits for the steady state a crash interrupts: the instances together use less than
     * {@link #QUIET_CORES} of a core over 3 s (their standby replicas filled, their start compiled),
     * for at most {@code atMost}; the measurement goes on either way and says which it was.
     */
    private static Quiet awaitQuiet(List<Member> members, Duration atMost) {
        long started = System.nanoTime();
        var cpu = new AtomicLong(cpuNanos(members));
        var at = new AtomicLong(started);
        var cores = new AtomicReference<>(Double.NaN);
        boolean settled = true;
        try {
            await("the instances settled")
                    .atMost(atMost)
                    .pollInterval(Duration.ofSeconds(3))
                    .until(() -> {
                        long now = System.nanoTime();
                        long used = cpuNanos(members);
                        cores.set((double) (used - cpu.getAndSet(used)) / (now - at.getAndSet(now)));
                        return cores.get() < QUIET_CORES;
                    });
        } catch (ConditionTimeoutException e) {
            settled = false;
        }
        return new Quiet((System.nanoTime() - started) / 1e9, cores.get(), settled);
    }

    /** The CPU time the instances' processes used so far. */
    private static long cpuNanos(List<Member> members) {
        return members.stream()
                .mapToLong(member -> ProcessHandle.of(member.process().pid())
                        .flatMap(handle -> handle.info().totalCpuDuration())
                        .map(Duration::toNanos)
                        .orElse(0L))
                .sum();
    }

    /** Waits until the group's lag on the payments is under one second of traffic. */
    private static void awaitCaughtUp(BrokerProcess broker, String application, Setup setup, Duration atMost) {
        String topic = TopicCatalog.TRANSACTIONS.name();
        try (var admin = broker.admin()) {
            await(application + " caught up")
                    .atMost(atMost)
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> {
                        var committed = GroupOffsets.committed(admin, application, setup.streamsProtocol);
                        return GroupOffsets.lag(committed, GroupOffsets.ends(admin, topic)) < RATE;
                    });
        }
    }
}
