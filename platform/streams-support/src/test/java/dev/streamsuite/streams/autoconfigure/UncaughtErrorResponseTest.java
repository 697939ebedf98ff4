package dev.streamsuite.streams.autoconfigure;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_APPLICATION;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;

class UncaughtErrorResponseTest {

    @Test
    void aFailedStreamThreadGetsTheConfiguredResponse() {
        assertThat(StreamsSupportAutoConfiguration.responseFor("app-1a2b-StreamThread-1", REPLACE_THREAD))
                .isEqualTo(REPLACE_THREAD);
        assertThat(StreamsSupportAutoConfiguration.responseFor("app-1a2b-StreamThread-1", SHUTDOWN_APPLICATION))
                .isEqualTo(SHUTDOWN_APPLICATION);
    }

    @Test
    void theGlobalThreadCannotBeReplacedSoTheClientShutsDown() {
        assertThat(StreamsSupportAutoConfiguration.responseFor("app-1a2b-GlobalStreamThread", REPLACE_THREAD))
                .isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void anAuthorizationFailureIsTheRefusalThatStopsTheStreams() {
        var denied = new GroupAuthorizationException("Not authorized to access group: fraud-detector");
        var wrapped = new org.apache.kafka.streams.errors.StreamsException("join failed", denied);

        assertThat(StreamsSupportAutoConfiguration.refusal(wrapped)).isSameAs(denied);
        assertThat(StreamsSupportAutoConfiguration.refusal(new SaslAuthenticationException("bad password")))
                .isInstanceOf(SaslAuthenticationException.class);
        assertThat(StreamsSupportAutoConfiguration.refusal(new IllegalStateException("a bug")))
                .isNull();
    }
}
