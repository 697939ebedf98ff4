package dev.streamsuite.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamsuite.schemas.iot.SensorReading;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class AvroEncodingTest {

    private static final byte[] HEADER = {0, 0, 0, 0, 42};
    private final SpecificDatumWriter<SensorReading> writer = new SpecificDatumWriter<>(SensorReading.class);

    @Test
    void writesTheHeaderAndTheRecordAsAvrosOwnEncoderDoes() throws IOException {
        var reading = reading("r-1");

        assertThat(AvroEncoding.encode(HEADER, writer, reading)).isEqualTo(direct(reading));
        assertThat(AvroEncoding.encode(HEADER, writer, reading("r-2"))).isEqualTo(direct(reading("r-2")));
    }

    @Test
    void aRecordLargerThanTheKeptBufferIsWrittenWhole() throws IOException {
        var large = reading("r-" + "x".repeat(200_000));

        assertThat(AvroEncoding.encode(HEADER, writer, large)).isEqualTo(direct(large));
        assertThat(AvroEncoding.encode(HEADER, writer, reading("r-3"))).isEqualTo(direct(reading("r-3")));
    }

    @Test
    void whatAFailedWriteLeftBehindDoesNotReachTheNextRecord() throws IOException {
        DatumWriter<SensorReading> failing = new DatumWriter<>() {
            @Override
            public void setSchema(Schema schema) {}

            @Override
            public void write(SensorReading datum, Encoder out) throws IOException {
                out.writeString("half a record");
                throw new IOException("the writer failed");
            }
        };

        assertThatThrownBy(() -> AvroEncoding.encode(HEADER, failing, reading("r-4")))
                .hasMessage("the writer failed");
        assertThat(AvroEncoding.encode(HEADER, writer, reading("r-5"))).isEqualTo(direct(reading("r-5")));
    }

    private static SensorReading reading(String id) {
        return new SensorReading(id, "d-1", 21.5, Instant.parse("2026-12-01T10:00:00Z"));
    }

    private byte[] direct(SensorReading reading) throws IOException {
        var out = new ByteArrayOutputStream();
        out.write(HEADER);
        var encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        writer.write(reading, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
