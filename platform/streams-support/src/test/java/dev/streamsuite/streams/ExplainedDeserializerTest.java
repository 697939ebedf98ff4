package dev.streamsuite.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamsuite.schemas.payments.Transaction;
import io.apicurio.registry.rest.client.exception.RestClientException;
import io.apicurio.registry.rest.v2.beans.Error;
import java.io.EOFException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

class ExplainedDeserializerTest {

    private static final byte[] FRAMED = {0, 0, 0, 0, 42, 2, 4};

    private static ExplainedDeserializer<Transaction> failingWith(Supplier<RuntimeException> failure) {
        Deserializer<Transaction> registry = (topic, data) -> {
            throw failure.get();
        };
        return new ExplainedDeserializer<>(registry, Transaction.class);
    }

    /** For records the framing check rejects: the registry must not even be asked. */
    private final ExplainedDeserializer<Transaction> unreachable =
            failingWith(() -> new IllegalStateException("the registry was asked about a badly framed record"));

    @Test
    void aRecordInAnotherFormatSaysSo() {
        assertThatThrownBy(() -> unreachable.deserialize("t", "{\"cardId\":1}".getBytes()))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageStartingWith("Not in the Confluent wire format: the first byte is 0x7b");
    }

    @Test
    void aTruncatedRecordSaysSo() {
        assertThatThrownBy(() -> unreachable.deserialize("t", new byte[] {0, 0, 1}))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageStartingWith("Truncated: 3 bytes");
    }

    @Test
    void anUnknownSchemaIdIsNamed() {
        var error = new Error();
        error.setErrorCode(404);
        error.setName("ContentNotFoundException");
        var deserializer = failingWith(() -> new RestClientException(error));

        assertThatThrownBy(() -> deserializer.deserialize("t", FRAMED))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageStartingWith("Unknown schema id 42");
    }

    @Test
    void anUndecodableBodyNamesTheTypeTheSchemaIdAndTheCause() {
        var deserializer = failingWith(() -> new UncheckedIOException(new EOFException("end of input")));

        assertThatThrownBy(() -> deserializer.deserialize("t", FRAMED))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("Not readable as Transaction with the writer's schema id 42")
                .hasMessageContaining("EOFException (end of input)");
    }

    @Test
    void aRegistryOutageIsNotCalledABadRecord() {
        var error = new Error();
        error.setName("ConnectException");
        var outage = new RestClientException(error);
        var deserializer = failingWith(() -> outage);

        assertThatThrownBy(() -> deserializer.deserialize("t", FRAMED)).isSameAs(outage);
    }

    @Test
    void aTombstoneStaysNull() {
        assertThat(unreachable.deserialize("t", null)).isNull();
    }
}
