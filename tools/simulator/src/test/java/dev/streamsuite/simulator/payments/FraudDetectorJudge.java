package dev.streamsuite.simulator.payments;

import dev.streamsuite.fraud.topology.FraudSettings;
import dev.streamsuite.fraud.topology.FraudTopics;
import dev.streamsuite.fraud.topology.FraudTopology;
import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.simulator.RecordingEmit;
import dev.streamsuite.streams.Topic;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import dev.streamsuite.testsupport.PlainAvroSerdes;
import dev.streamsuite.testsupport.TestDrivers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.springframework.util.FileSystemUtils;

/**
 * fraud-detector itself, its topology with the settings of its application.yml, as the judge of
 * what the simulator sends: every record is piped, in the order sent, to the topic it was sent to.
 * No copy of a rule is involved.
 */
final class FraudDetectorJudge {

    static final FraudSettings SETTINGS = ServiceSettings.shipped("fraud", FraudSettings.class);

    private static final String DEAD_LETTER = "fraud-detector.dlq";

    /**
     * What the detector made of the traffic.
     *
     * @param decisions how many payments got a decision
     * @param deadLettered the reason for each record the detector could not use
     */
    record Verdict(
            List<String> alerts, List<String> paymentsThatFiredARule, int decisions, List<String> deadLettered) {}

    private FraudDetectorJudge() {}

    /**
     * @return alerts as {@code cardId/ruleType/transactionId}, and the ids of the payments on which
     *     at least one rule fired, alerted or held back by the cooldown
     */
    static Verdict judge(List<RecordingEmit.Sent> sent) {
        var topics = FraudTopics.from(new PlainAvroSerdes());
        Path stateDir = stateDirectory();
        var inMemory = new Properties();
        inMemory.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        Map<String, Topic<String, ? extends SpecificRecord>> inputs = Map.of(
                topics.transactions().name(), topics.transactions(),
                topics.rules().name(), topics.rules(),
                topics.blocklist().name(), topics.blocklist());
        try (var driver = TestDrivers.start(
                new FraudTopology(topics, SETTINGS), "simulator-judge", DEAD_LETTER, Instant.now(), inMemory)) {
            var pipes = new HashMap<String, TestInputTopic<String, SpecificRecord>>();
            for (var record : sent) {
                var topic = inputs.get(record.topic());
                if (topic != null && record.value() != null) {
                    var input = pipes.computeIfAbsent(record.topic(), name -> input(driver, topic));
                    if (record.value() instanceof Transaction payment) {
                        // As a producer sending live would stamp it.
                        input.pipeInput(record.key(), record.value(), payment.getEventTime());
                    } else {
                        input.pipeInput(record.key(), record.value());
                    }
                }
            }
            var alerts = TestDrivers.output(driver, topics.alerts()).readValuesToList().stream()
                    .map(alert -> alert.getCardId() + "/" + alert.getRuleType() + "/" + alert.getTransactionId())
                    .toList();
            var decisions = TestDrivers.output(driver, topics.decisions()).readValuesToList();
            var fired = decisions.stream()
                    .filter(decision -> !decision.getFiredRuleIds().isEmpty())
                    .map(decision -> decision.getTransactionId())
                    .toList();
            return new Verdict(alerts, fired, decisions.size(), TestDrivers.deadLetterMessages(driver, DEAD_LETTER));
        } finally {
            FileSystemUtils.deleteRecursively(stateDir.toFile());
        }
    }

    /**
     * In memory where the system has it: the driver commits, and so flushes its stores to disk,
     * after every record, which makes a disk-backed judge of a few thousand payments take minutes.
     */
    private static Path stateDirectory() {
        Path memory = Path.of("/dev/shm");
        try {
            return Files.isDirectory(memory) && Files.isWritable(memory)
                    ? Files.createTempDirectory(memory, "fraud-judge-")
                    : Files.createTempDirectory("fraud-judge-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static TestInputTopic<String, SpecificRecord> input(
            TopologyTestDriver driver, Topic<String, ? extends SpecificRecord> topic) {
        var values = (Topic<String, SpecificRecord>) topic;
        return TestDrivers.input(driver, values);
    }
}
