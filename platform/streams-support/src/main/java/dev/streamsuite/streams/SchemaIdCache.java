package dev.streamsuite.streams;

import io.apicurio.registry.resolver.SchemaResolver;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The Confluent wire format without the registry client on every record. Apicurio's serializer
 * renders the record's whole schema as JSON and looks it up by that text on every call, and its
 * deserializer builds a new datum reader per record. Here the registry is asked once: the first
 * record of a schema on a topic goes through Apicurio's serializer (which registers or finds the
 * schema), and its id is kept; a schema id read for the first time is resolved through Apicurio's
 * resolver. Every later record is encoded or decoded directly, with one datum writer or reader
 * per schema. The bytes are the same.
 */
final class SchemaIdCache {

    private SchemaIdCache() {}

    /** Serializes through {@code registry} once per topic and schema, then on its own. */
    static <V extends SpecificRecord> Serializer<V> serializer(Serializer<V> registry) {
        return new Serializer<>() {
            /** Per topic: the schema last written there and its id. */
            private final Map<String, Written> ids = new ConcurrentHashMap<>();

            private final Map<Schema, SpecificDatumWriter<V>> writers = new ConcurrentHashMap<>();

            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                registry.configure(configs, isKey);
            }

            @Override
            public byte[] serialize(String topic, V data) {
                if (data == null) {
                    return null;
                }
                Schema schema = data.getSchema();
                Written written = ids.get(topic);
                if (written == null || written.schema() != schema) {
                    byte[] bytes = registry.serialize(topic, data);
                    ids.put(topic, new Written(schema, Arrays.copyOf(bytes, ExplainedDeserializer.HEADER_LENGTH)));
                    return bytes;
                }
                try {
                    return AvroEncoding.encode(
                            written.header(), writers.computeIfAbsent(schema, SpecificDatumWriter::new), data);
                } catch (IOException e) {
                    throw new SerializationException("Cannot write " + schema.getFullName() + " to " + topic, e);
                }
            }

            @Override
            public void close() {
                registry.close();
            }
        };
    }

    /**
     * Decodes records of the Confluent wire format; an id not seen before is resolved through
     * {@code resolver} (registry errors, and "no such schema", propagate as the resolver throws
     * them). The magic byte and length are checked by {@link ExplainedDeserializer}.
     */
    static <V> Deserializer<V> deserializer(SchemaResolver<Schema, ?> resolver, Runnable close) {
        return new Deserializer<>() {
            private final Map<Integer, SpecificDatumReader<V>> readers = new ConcurrentHashMap<>();

            @Override
            public V deserialize(String topic, byte[] data) {
                if (data == null) {
                    return null;
                }
                int id = ByteBuffer.wrap(data, 1, 4).getInt();
                SpecificDatumReader<V> reader = readers.get(id);
                if (reader == null) {
                    Schema writer = resolver.resolveSchemaByArtifactReference(ArtifactReference.builder()
                                    .contentId((long) id)
                                    .build())
                            .getParsedSchema()
                            .getParsedSchema();
                    reader = new SpecificDatumReader<>(writer, readerSchema(writer));
                    readers.put(id, reader);
                }
                try {
                    return reader.read(
                            null,
                            DecoderFactory.get()
                                    .binaryDecoder(
                                            data,
                                            ExplainedDeserializer.HEADER_LENGTH,
                                            data.length - ExplainedDeserializer.HEADER_LENGTH,
                                            null));
                } catch (IOException e) {
                    throw new SerializationException("Cannot read schema id " + id + " on " + topic, e);
                }
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }

    /** The generated class's schema when there is one (so the record comes back as that class). */
    private static Schema readerSchema(Schema writer) {
        Class<?> generated = SpecificData.get().getClass(writer);
        return generated == null ? writer : SpecificData.get().getSchema(generated);
    }

    /** A schema and the header of its records: the magic byte and the id the registry gave it. */
    private record Written(Schema schema, byte[] header) {}
}
