package dev.streamsuite.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamsuite.schemas.iot.Device;
import dev.streamsuite.schemas.iot.SensorReading;
import dev.streamsuite.schemas.iot.Thresholds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/**
 * The internal format round-trips, reads data written with an earlier released schema, and
 * says what is wrong with what it cannot read. (The test resources release two versions of
 * SensorReading, v1 with a field v2 dropped, and of Thresholds, v2 with a field v1 did not have.)
 */
class InternalFormatTest {

    private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");
    private final SensorReading reading = new SensorReading("r-1", "d-1", 21.5, AT);

    @Test
    void writesTheMarkerAndTheCurrentVersionAndReadsItBack() {
        var serde = InternalFormat.serde(SensorReading.class);

        byte[] bytes = serde.serializer().serialize("t", reading);

        assertThat(bytes[0]).isEqualTo(InternalFormat.MARKER);
        assertThat(bytes[1]).isEqualTo((byte) 2);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(reading);
        assertThat(serde.serializer().serialize("t", null)).isNull();
    }

    @Test
    void readsDataWrittenWithAnEarlierVersion() throws IOException {
        var v1 = InternalFormat.releasedVersions(SensorReading.class).get(0);
        GenericRecord old = new GenericRecordBuilder(v1)
                .set("readingId", "r-0")
                .set("deviceId", "d-1")
                .set("firmware", "1.4.2")
                .set("value", 19.0)
                .set("eventTime", AT.toEpochMilli())
                .build();

        var read = InternalFormat.serde(SensorReading.class).deserializer().deserialize("t", written(1, v1, old));

        assertThat(read).isEqualTo(new SensorReading("r-0", "d-1", 19.0, AT));
    }

    @Test
    void aRecordWithGeneratedCodersIsWrittenAsTheGenericWriterWouldAndReadsItsEarlierVersions() throws IOException {
        assertThat(InternalFormat.hasGeneratedCoders(Thresholds.class)).isTrue();
        assertThat(InternalFormat.hasGeneratedCoders(SensorReading.class)).isFalse();
        var serde = InternalFormat.serde(Thresholds.class);
        var thresholds = new Thresholds(-5.0, null, 2.5);

        byte[] bytes = serde.serializer().serialize("t", thresholds);

        assertThat(bytes).isEqualTo(written(2, Thresholds.getClassSchema(), thresholds));
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(thresholds);
        var v1 = InternalFormat.releasedVersions(Thresholds.class).get(0);
        GenericRecord old =
                new GenericRecordBuilder(v1).set("low", 1.0).set("high", 9.0).build();
        assertThat(serde.deserializer().deserialize("t", written(1, v1, old)))
                .isEqualTo(new Thresholds(1.0, 9.0, null));
    }

    /** {@code record} in the internal format as of {@code version}, written by Avro's generic writer. */
    private static byte[] written(int version, Schema schema, Object record) throws IOException {
        var out = new ByteArrayOutputStream();
        out.write(InternalFormat.MARKER);
        out.write(version);
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @Test
    void saysWhatIsWrongWithWhatItCannotRead() {
        var deserializer = InternalFormat.serde(SensorReading.class).deserializer();
        byte[] current = InternalFormat.serde(SensorReading.class).serializer().serialize("t", reading);

        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0, 0, 0, 7, 2}))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("first byte 0x00")
                .hasMessageContaining("application reset");
        byte[] newer = current.clone();
        newer[1] = 9;
        assertThatThrownBy(() -> deserializer.deserialize("t", newer))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("internal schema version 9; this build knows versions 1-2");
        byte[] truncated = java.util.Arrays.copyOf(current, 5);
        assertThatThrownBy(() -> deserializer.deserialize("t", truncated))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("Corrupt SensorReading");
    }

    @Test
    void aTypeWhoseSchemaWasNeverReleasedIsRefusedAtStartUp() {
        assertThatThrownBy(() -> InternalFormat.serde(Device.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dev.streamsuite.schemas.iot.Device changed since its last released")
                .hasMessageContaining("-Dschemas.release=true");
    }
}
