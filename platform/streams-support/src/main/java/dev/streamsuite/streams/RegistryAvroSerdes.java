package dev.streamsuite.streams;

import io.apicurio.registry.serde.Legacy4ByteIdHandler;
import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Creates registry-backed serdes for the generated Avro classes. Records are framed in the
 * Confluent wire format (magic byte 0, 4-byte content id, no headers), so producers and
 * consumers in any language that use a Confluent-style serializer interoperate with the
 * services.
 */
public final class RegistryAvroSerdes implements AvroSerdes {

    private final Map<String, Object> config;

    /**
     * @param registryUrl Apicurio's native API, e.g. {@code http://registry:8080/apis/registry/v2}
     * @param autoRegister whether serializers register the schemas of the topics they write
     * @param overrides further {@code apicurio.registry.*} settings (auth, TLS, retries)
     */
    public RegistryAvroSerdes(String registryUrl, boolean autoRegister, Map<String, ?> overrides) {
        var settings = new HashMap<String, Object>();
        settings.put(SerdeConfig.REGISTRY_URL, registryUrl);
        settings.put(SerdeConfig.ID_HANDLER, Legacy4ByteIdHandler.class.getName());
        settings.put(SerdeConfig.USE_ID, "contentId");
        settings.put(SerdeConfig.ENABLE_HEADERS, false);
        settings.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, autoRegister);
        settings.put(SerdeConfig.FIND_LATEST_ARTIFACT, !autoRegister);
        settings.put(AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
        settings.putAll(overrides);
        this.config = Map.copyOf(settings);
    }

    /** The settings handed to every serde; useful for plain clients of the same registry. */
    public Map<String, Object> config() {
        return config;
    }

    /**
     * Its serializer and deserializer ask the registry once per schema ({@link SchemaIdCache}), and
     * its deserializer says what is wrong with a record it cannot read ({@link ExplainedDeserializer}).
     */
    @Override
    public <V extends SpecificRecord> Serde<V> valueSerde(Class<V> type) {
        var serializer = new AvroKafkaSerializer<V>();
        serializer.configure(config, false);
        var deserializer = new AvroKafkaDeserializer<V>();
        deserializer.configure(config, false);
        return Serdes.serdeFrom(
                SchemaIdCache.serializer(serializer),
                new ExplainedDeserializer<>(
                        SchemaIdCache.deserializer(deserializer.getSchemaResolver(), deserializer::close), type));
    }
}
