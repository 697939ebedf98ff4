package dev.streamsuite.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check the deployment tests rely on tells real settings from typos. */
class ServicePropertiesTest {

    private final ServiceProperties fraudDetector = ServiceProperties.of("fraud-detector");

    @Test
    void bindsAServiceSettingInEitherEnvironmentForm() {
        assertThat(fraudDetector.problemWith("FRAUD_VELOCITY_MAXPAYMENTS")).isEmpty();
        assertThat(fraudDetector.problemWith("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEmpty();
        assertThat(fraudDetector.problemWith("STREAMSUITE_STREAMS_CLOSETIMEOUT"))
                .isEmpty();
    }

    @Test
    void bindsKafkaSettingsInsideTheKafkaPropertyMaps() {
        assertThat(fraudDetector.problemWith("SPRING_KAFKA_STREAMS_PROPERTIES_GROUP_INSTANCE_ID"))
                .isEmpty();
        assertThat(fraudDetector.problemWith("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                .isEmpty();
    }

    @Test
    void reportsTyposAndSettingsOfAnotherService() {
        assertThat(fraudDetector.problemWith("FRAUD_VELOCITY_MAXPAYMENT")).isPresent();
        assertThat(fraudDetector.problemWith("IOT_GRACE")).isPresent();
        assertThat(fraudDetector.problemWith("SPRING_KAFKA_STREAMS_PROPERTIES_NUM_STREAM_THREAD"))
                .hasValueSatisfying(
                        problem -> assertThat(problem).contains("no Kafka client or Kafka Streams setting"));
        assertThat(fraudDetector.problemWith("fraud_velocity")).isPresent();
    }
}
