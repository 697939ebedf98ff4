package dev.streamsuite.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.testsupport.SamplePayments;
import dev.streamsuite.testsupport.TestInfrastructure;
import io.apicurio.registry.serde.avro.AvroSerde;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The platform's registry serdes ask the registry once per schema and then encode and decode on
 * their own ({@link SchemaIdCache}): the bytes must stay exactly those of Apicurio's own serde, so
 * that every producer and consumer in the wire format still reads them.
 */
class RegistrySerdesIT {

    private final RegistryAvroSerdes serdes =
            new RegistryAvroSerdes(TestInfrastructure.shared().registry().registryApiUrl(), true, Map.of());

    @Test
    void theCachedPathWritesAndReadsExactlyWhatApicuriosSerdeDoes() {
        String topic = "serdes-it-" + UUID.randomUUID();
        var platform = serdes.valueSerde(Transaction.class);
        var apicurio = new AvroSerde<Transaction>();
        apicurio.configure(serdes.config(), false);
        var first = SamplePayments.payment("tx-1", "card-1", "m-1", 1_250, Instant.parse("2026-11-01T10:00:00Z"));
        var second = SamplePayments.payment("tx-2", "card-2", "m-2", 99, Instant.parse("2026-11-01T10:00:01Z"));

        byte[] throughTheRegistry = platform.serializer().serialize(topic, first);
        byte[] cached = platform.serializer().serialize(topic, second);

        assertThat(throughTheRegistry).isEqualTo(apicurio.serializer().serialize(topic, first));
        assertThat(cached).isEqualTo(apicurio.serializer().serialize(topic, second));
        assertThat(platform.deserializer().deserialize(topic, cached)).isEqualTo(second);
        assertThat(apicurio.deserializer().deserialize(topic, cached)).isEqualTo(second);
        assertThat(platform.deserializer().deserialize(topic, throughTheRegistry))
                .isEqualTo(first);
    }

    @Test
    void aFreshDeserializerResolvesAnIdItHasNotSeenFromTheRegistry() {
        String topic = "serdes-it-" + UUID.randomUUID();
        var payment = SamplePayments.payment("tx-3", "card-3", "m-3", 5_000, Instant.parse("2026-11-01T10:00:02Z"));
        byte[] bytes = serdes.valueSerde(Transaction.class).serializer().serialize(topic, payment);

        var reader = new RegistryAvroSerdes(
                        TestInfrastructure.shared().registry().registryApiUrl(), false, Map.of())
                .valueSerde(Transaction.class)
                .deserializer();

        assertThat(reader.deserialize(topic, bytes)).isEqualTo(payment);
        assertThat(reader.deserialize(topic, bytes))
                .as("the second time, from its cache")
                .isEqualTo(payment);
    }
}
