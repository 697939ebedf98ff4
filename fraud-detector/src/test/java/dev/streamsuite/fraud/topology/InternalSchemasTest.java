package dev.streamsuite.fraud.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.fraud.state.CardState;
import dev.streamsuite.fraud.state.PastPaymentState;
import dev.streamsuite.streams.InternalFormat;
import dev.streamsuite.testsupport.InternalSchemaGate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/**
 * The service's own data (state, repartition and own topics) is written in its internal format
 * with a schema released at build time: the current schemas must be released and read every
 * earlier version, so state written before an upgrade stays readable after it.
 */
class InternalSchemasTest {

    @Test
    void everyInternalSchemaIsReleasedAndReadsItsEarlierVersions() {
        assertThat(InternalSchemaGate.problems(CardState.class)).isEmpty();
    }

    /**
     * Version 1 kept its times as {@code timestamp-millis}; the class now keeps epoch milliseconds
     * (so that Avro generates its coders). A card state written by a build before reads the same.
     */
    @Test
    void aCardStateWrittenWithTimestampMillisReadsAsTheSameEpochMilliseconds() throws IOException {
        Schema v1 = InternalFormat.releasedVersions(CardState.class).get(0);
        var timestamps = new GenericData();
        timestamps.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        Instant at = Instant.parse("2026-11-30T12:00:00.123Z");
        Schema payment = v1.getField("payments").schema().getElementType();
        GenericRecord old = new GenericRecordBuilder(v1)
                .set(
                        "payments",
                        List.of(new GenericRecordBuilder(payment)
                                .set("transactionId", "tx-1")
                                .set("amountMinor", 1250L)
                                .set("latitude", 52.5)
                                .set("longitude", 13.4)
                                .set("eventTime", at)
                                .build()))
                .set("baselineCount", 1L)
                .set("baselineMean", 1250.0)
                .set("baselineVariance", 0.0)
                .set("lastAlertTimes", Map.of("velocity", at))
                .set("lastEventTime", at)
                .build();
        var out = new ByteArrayOutputStream();
        out.write(InternalFormat.MARKER);
        out.write(1);
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(v1, timestamps).write(old, encoder);
        encoder.flush();

        CardState read = InternalFormat.serde(CardState.class).deserializer().deserialize("t", out.toByteArray());

        assertThat(read.getLastEventTime()).isEqualTo(at.toEpochMilli());
        assertThat(read.getLastAlertTimes()).containsExactly(Map.entry("velocity", at.toEpochMilli()));
        assertThat(read.getPayments())
                .singleElement()
                .isEqualTo(new PastPaymentState("tx-1", 1250L, 52.5, 13.4, at.toEpochMilli()));
    }
}
