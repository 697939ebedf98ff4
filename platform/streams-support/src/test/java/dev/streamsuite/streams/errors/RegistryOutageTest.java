package dev.streamsuite.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apicurio.registry.rest.client.exception.RestClientException;
import io.apicurio.registry.rest.v2.beans.Error;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.junit.jupiter.api.Test;

class RegistryOutageTest {

    private static final String DEAD_LETTER = "outage-test.dlq";

    private final List<String> deadLetters = new ArrayList<>();

    /** What Apicurio's client throws when the registry does not answer: no cause, no status. */
    private static RestClientException unanswered(String lostException) {
        var error = new Error();
        error.setName(lostException);
        error.setMessage("Connection refused");
        return new RestClientException(error);
    }

    private static RestClientException answered(int status, String name) {
        var error = new Error();
        error.setName(name);
        error.setErrorCode(status);
        error.setMessage("No content with id 'contentId-99' was found.");
        return new RestClientException(error);
    }

    @Test
    void aRegistryThatDoesNotAnswerOrFailsIsAnOutage() {
        assertThat(RegistryOutage.causes(new SerializationException(unanswered("ConnectException"))))
                .isTrue();
        assertThat(RegistryOutage.causes(unanswered("HttpConnectTimeoutException")))
                .isTrue();
        assertThat(RegistryOutage.causes(answered(503, "ServiceUnavailable"))).isTrue();
        assertThat(RegistryOutage.causes(answered(401, "NotAuthorizedException")))
                .as("expired credentials are not bad data")
                .isTrue();
        assertThat(RegistryOutage.causes(new IllegalStateException(new ConnectException("refused"))))
                .isTrue();
    }

    @Test
    void aRegistryThatAnswersNoOrAnUnreadableRecordIsBadData() {
        assertThat(RegistryOutage.causes(answered(404, "ContentNotFoundException")))
                .isFalse();
        assertThat(RegistryOutage.causes(new SerializationException("Unknown magic byte!")))
                .isFalse();
        assertThat(RegistryOutage.causes(new IllegalStateException("truncated")))
                .isFalse();
    }

    @Test
    void aValidRecordIsRetriedNotDeadLetteredWhileTheRegistryIsDown() {
        try (var driver = driver()) {
            var input = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());

            assertThatThrownBy(() -> input.pipeInput("k", "registry-down")).isInstanceOf(StreamsException.class);
            assertThat(deadLetters).isEmpty();

            input.pipeInput("k", "garbage");
            assertThat(deadLetters).containsExactly("in/SerializationException");
        }
    }

    /** A value deserializer that needs the registry for "registry-down" and rejects "garbage". */
    private static final class RegistryBackedDeserializer implements Deserializer<String> {
        @Override
        public String deserialize(String topic, byte[] data) {
            String value = new String(data, java.nio.charset.StandardCharsets.UTF_8);
            if (value.equals("registry-down")) {
                throw new SerializationException("Cannot fetch the schema", unanswered("ConnectException"));
            }
            if (value.equals("garbage")) {
                throw new SerializationException("Unknown magic byte!");
            }
            return value;
        }
    }

    private TopologyTestDriver driver() {
        var builder = new StreamsBuilder();
        builder.stream(
                        "in",
                        Consumed.with(
                                Serdes.String(),
                                Serdes.serdeFrom(new StringSerializer(), new RegistryBackedDeserializer())))
                .peek((key, value) -> {}, Named.as("accept"));
        var properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "outage-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        DeadLetterHandlers.apply(properties, DEAD_LETTER);
        properties.put(DeadLetterMetrics.CONFIG_KEY, new DeadLetterMetrics() {
            @Override
            public void recordDeadLetter(Stage stage, String sourceTopic, Exception cause) {
                deadLetters.add(sourceTopic + "/" + cause.getClass().getSimpleName());
            }
        });
        return new TopologyTestDriver(builder.build(), properties);
    }
}
