package dev.streamsuite.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.EncoderFactory;

/**
 * What a producer in another language does with a Confluent-style serializer, done by hand:
 * register the schema over the Confluent-compatible REST API, then frame the Avro bytes as
 * magic byte 0, a 4-byte big-endian schema id, and the binary-encoded record. Integration
 * tests use it to prove that the services read records they did not serialize themselves.
 */
public final class ConfluentWireFormat {

    public static final byte MAGIC_BYTE = 0;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String compatibleApiUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ConfluentWireFormat(SchemaRegistry registry) {
        this.compatibleApiUrl = registry.confluentCompatibleUrl();
    }

    /** Registers the schema under the subject (e.g. {@code <topic>-value}) and returns its id. */
    public int register(String subject, Schema schema) {
        try {
            var body = JSON.writeValueAsString(Map.of("schema", schema.toString()));
            var request = HttpRequest.newBuilder(URI.create(compatibleApiUrl + "/subjects/"
                            + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions"))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "Registering " + subject + " failed: HTTP " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).get("id").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The record encoded with a plain Avro writer, framed in the Confluent wire format. */
    public static byte[] serialize(int schemaId, GenericRecord record) {
        var out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return frame(schemaId, out.toByteArray());
    }

    public static byte[] frame(int schemaId, byte[] avroPayload) {
        return ByteBuffer.allocate(1 + 4 + avroPayload.length)
                .put(MAGIC_BYTE)
                .putInt(schemaId)
                .put(avroPayload)
                .array();
    }
}
