package dev.streamsuite.streams;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The format of a service's own data: state stores, repartition topics and the topics it
 * publishes for itself. Binary Avro behind two bytes, {@link #MARKER} and the schema version,
 * with the schemas the service was built with: no schema registry on the path, so a registry
 * outage cannot stop a restore or a repartition, and no lookup per record.
 *
 * <p>The versions of a type live in its module's resources,
 * {@code internal-schemas/<full name>/v<N>.avsc}; the current class's schema must be one of them
 * (the compatibility gate, {@code InternalSchemaGate} in test-support, checks that it reads all
 * earlier ones and writes a new version with {@code -Dschemas.release=true}). Data is written
 * with the current version and read with the version it was written with.
 */
public final class InternalFormat<V extends SpecificRecord> {

    /** The first byte of every record: not the Confluent wire format's 0. */
    public static final byte MARKER = (byte) 0xA7;

    private static final String RESOURCES = "internal-schemas/";

    private final Class<V> type;
    private final int version;
    private final SpecificDatumWriter<V> writer;
    private final List<SpecificDatumReader<V>> readers = new ArrayList<>();

    private InternalFormat(Class<V> type) {
        this.type = type;
        Schema current = SpecificData.get().getSchema(type);
        List<Schema> versions = released(type, current);
        long fingerprint = SchemaNormalization.parsingFingerprint64(current);
        int found = -1;
        for (int i = 0; i < versions.size(); i++) {
            if (SchemaNormalization.parsingFingerprint64(versions.get(i)) == fingerprint) {
                found = i + 1;
            }
        }
        if (found < 0) {
            throw new IllegalStateException(current.getFullName() + " changed since its last released internal"
                    + " schema version (" + versions.size() + " released in " + RESOURCES + current.getFullName()
                    + "/): release it with -Dschemas.release=true on the module's tests, so that what is written"
                    + " now stays readable after later changes.");
        }
        this.version = found;
        this.writer = new SpecificDatumWriter<>(type);
        for (Schema written : versions) {
            readers.add(new SpecificDatumReader<>(written, current, SpecificData.getForClass(type)));
        }
    }

    /** A serde for {@code type}, whose current schema must be a released internal version. */
    public static <V extends SpecificRecord> Serde<V> serde(Class<V> type) {
        var format = new InternalFormat<>(type);
        return Serdes.serdeFrom(format.serializer(), format.deserializer());
    }

    /**
     * A serde for a type of the service's own, stored as its Avro record {@code type}: {@code toRecord} and
     * {@code fromRecord} map between them, so the domain keeps its own types and the stored form its schema.
     */
    public static <T, V extends SpecificRecord> Serde<T> serde(
            Class<V> type, Function<T, V> toRecord, Function<V, T> fromRecord) {
        var format = new InternalFormat<>(type);
        Serializer<V> serializer = format.serializer();
        Deserializer<V> deserializer = format.deserializer();
        return Serdes.serdeFrom(
                (topic, value) -> value == null ? null : serializer.serialize(topic, toRecord.apply(value)),
                (topic, bytes) -> {
                    V record = deserializer.deserialize(topic, bytes);
                    return record == null ? null : fromRecord.apply(record);
                });
    }

    /** The released internal versions of {@code type}, oldest first (v1, v2, ...), from the classpath. */
    public static List<Schema> releasedVersions(Class<? extends SpecificRecord> type) {
        return released(type, SpecificData.get().getSchema(type));
    }

    /** The resource of version {@code n} of a type's internal schema. */
    public static String resource(Schema schema, int n) {
        return RESOURCES + schema.getFullName() + "/v" + n + ".avsc";
    }

    private static List<Schema> released(Class<?> type, Schema current) {
        var schemas = new ArrayList<Schema>();
        for (int n = 1; ; n++) {
            String resource = resource(current, n);
            try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    return schemas;
                }
                schemas.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + resource, e);
            }
        }
    }

    private Serializer<V> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            var out = new ByteArrayOutputStream(64);
            out.write(MARKER);
            out.write(version);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            try {
                writer.write(value, encoder);
                encoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        };
    }

    private Deserializer<V> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length < 2 || bytes[0] != MARKER) {
                throw new UnreadableRecordException("Not in the internal format of " + type.getSimpleName() + " on "
                        + topic + ": " + (bytes.length == 0 ? "no bytes" : String.format("first byte 0x%02x", bytes[0]))
                        + ", expected 0x" + String.format("%02x", MARKER) + ". Data written by a build before the"
                        + " internal format (or by another application) needs an application reset.");
            }
            int written = bytes[1] & 0xff;
            if (written < 1 || written > readers.size()) {
                throw new UnreadableRecordException(type.getSimpleName() + " on " + topic
                        + " was written with internal schema version " + written + "; this build knows versions 1-"
                        + readers.size() + ". Roll forward to the build that wrote it, or reset the application.");
            }
            try {
                return readers.get(written - 1)
                        .read(null, DecoderFactory.get().binaryDecoder(bytes, 2, bytes.length - 2, null));
            } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
                throw new UnreadableRecordException(
                        "Corrupt " + type.getSimpleName() + " (internal schema version " + written + ") on " + topic
                                + ": " + e.getMessage(),
                        e);
            }
        };
    }
}
