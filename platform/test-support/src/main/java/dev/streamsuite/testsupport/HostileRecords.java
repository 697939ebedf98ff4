package dev.streamsuite.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * The ways a record on a topic can be unreadable, made from one valid value of the topic's type:
 * what a broken or hostile producer sends. None of them may stop a service or cost it its heap.
 */
public final class HostileRecords {

    /** An unreadable record and what is wrong with it. */
    public record Hostile(String name, byte[] value) {}

    private HostileRecords() {}

    /**
     * Random bytes, text, a wrong magic byte, an unknown schema id, a truncated record, a record
     * shorter than the wire-format header, a string whose declared length is near 2^31, and a
     * record written with a schema of the same name that the type cannot read. {@code valid}'s
     * first field must be a string (true of every input of the catalog).
     */
    public static List<Hostile> of(ConfluentWireFormat wire, String topic, SpecificRecord valid, long seed) {
        Schema schema = valid.getSchema();
        int id = wire.register(topic + "-value", schema);
        byte[] framed = ConfluentWireFormat.frame(id, encode(valid));
        var random = new Random(seed);
        var noise = new byte[64];
        random.nextBytes(noise);
        noise[0] = 0x5a;
        byte[] wrongMagic = framed.clone();
        wrongMagic[0] = 7;
        var incompatible = Schema.createRecord(schema.getName(), null, schema.getNamespace(), false);
        incompatible.setFields(
                List.of(new Schema.Field(schema.getFields().get(0).name(), Schema.create(Schema.Type.INT))));
        int incompatibleId = wire.register(topic + "-incompatible-value", incompatible);
        return List.of(
                new Hostile("random bytes", noise),
                new Hostile("text", "not avro at all".getBytes(StandardCharsets.UTF_8)),
                new Hostile("wrong magic byte", wrongMagic),
                new Hostile("unknown schema id", ConfluentWireFormat.frame(987_654, encode(valid))),
                new Hostile("truncated", Arrays.copyOf(framed, Math.max(6, framed.length / 2))),
                new Hostile("shorter than the header", new byte[] {0, 0, 1}),
                new Hostile("string length near 2^31", ConfluentWireFormat.frame(id, avroLong((1L << 31) - 16))),
                new Hostile(
                        "incompatible schema",
                        ConfluentWireFormat.serialize(
                                incompatibleId,
                                new GenericRecordBuilder(incompatible)
                                        .set(incompatible.getFields().get(0), 7)
                                        .build())));
    }

    private static byte[] encode(SpecificRecord record) {
        var out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            @SuppressWarnings("unchecked")
            var writer = new SpecificDatumWriter<SpecificRecord>((Class<SpecificRecord>) record.getClass());
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A zig-zag varint, as Avro writes a string's length. */
    private static byte[] avroLong(long value) {
        var out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            encoder.writeLong(value);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
