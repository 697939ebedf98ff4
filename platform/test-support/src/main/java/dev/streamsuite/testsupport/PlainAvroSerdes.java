package dev.streamsuite.testsupport;

import dev.streamsuite.streams.AvroSerdes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Binary Avro without a registry or framing: writer and reader schema are the generated
 * class's own. For {@code TopologyTestDriver} tests, where the wire format is not the subject.
 */
public final class PlainAvroSerdes implements AvroSerdes {

    @Override
    public <V extends SpecificRecord> Serde<V> valueSerde(Class<V> type) {
        var schema = SpecificData.get().getSchema(type);
        var writer = new SpecificDatumWriter<V>(schema);
        var reader = new SpecificDatumReader<V>(schema);
        return Serdes.serdeFrom(
                (topic, value) -> {
                    if (value == null) {
                        return null;
                    }
                    var out = new ByteArrayOutputStream();
                    var encoder = EncoderFactory.get().binaryEncoder(out, null);
                    try {
                        writer.write(value, encoder);
                        encoder.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return out.toByteArray();
                },
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    try {
                        return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
