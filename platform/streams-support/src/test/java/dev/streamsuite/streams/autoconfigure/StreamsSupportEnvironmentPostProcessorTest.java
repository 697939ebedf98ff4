package dev.streamsuite.streams.autoconfigure;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class StreamsSupportEnvironmentPostProcessorTest {

    private final StreamsSupportEnvironmentPostProcessor postProcessor = new StreamsSupportEnvironmentPostProcessor();

    @Test
    void aPodThatWouldAdvertiseLocalhostRefusesToStart() {
        var environment = new MockEnvironment().withProperty("KUBERNETES_SERVICE_HOST", "10.0.0.1");

        assertThatThrownBy(() -> postProcessor.postProcessEnvironment(environment, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("advertises the default 'localhost:8080'")
                .hasMessageContaining("STREAMSUITE_ADVERTISED_HOST");
    }

    @Test
    void aPodThatAdvertisesItsOwnNameStarts() {
        var environment = new MockEnvironment()
                .withProperty("KUBERNETES_SERVICE_HOST", "10.0.0.1")
                .withProperty("streamsuite.advertised-host", "fraud-detector-0.fraud-detector-headless");

        assertThatCode(() -> postProcessor.postProcessEnvironment(environment, null))
                .doesNotThrowAnyException();
    }

    @Test
    void aLoopbackHostSetExplicitlyIsTheUsersChoice() {
        var environment = new MockEnvironment()
                .withProperty("KUBERNETES_SERVICE_HOST", "10.0.0.1")
                .withProperty("streamsuite.advertised-host", "127.0.0.1");

        assertThatCode(() -> postProcessor.postProcessEnvironment(environment, null))
                .doesNotThrowAnyException();
    }

    @Test
    void outsideKubernetesLocalhostIsTheDefault() {
        var environment = new MockEnvironment();

        assertThatCode(() -> postProcessor.postProcessEnvironment(environment, null))
                .doesNotThrowAnyException();
    }

    @Test
    void aCompressionTheInternalTopicsDoNotTakeStopsTheStart() {
        var environment =
                new MockEnvironment().withProperty(StreamsSupportEnvironmentPostProcessor.TOPIC_COMPRESSION, "none");

        assertThatThrownBy(() -> postProcessor.postProcessEnvironment(environment, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is 'none', which a topic does not take")
                .hasMessageContaining("producer, uncompressed, lz4");
    }

    @Test
    void theDefaultCompressionAndTheTopicsOwnValuesAreTaken() {
        assertThatCode(() -> postProcessor.postProcessEnvironment(new MockEnvironment(), null))
                .as("no compression set: the topics keep what the producer wrote")
                .doesNotThrowAnyException();
        for (String compression : StreamsSupportEnvironmentPostProcessor.TOPIC_COMPRESSION_TYPES) {
            var environment = new MockEnvironment()
                    .withProperty(StreamsSupportEnvironmentPostProcessor.TOPIC_COMPRESSION, compression);
            assertThatCode(() -> postProcessor.postProcessEnvironment(environment, null))
                    .as(compression)
                    .doesNotThrowAnyException();
        }
    }
}
