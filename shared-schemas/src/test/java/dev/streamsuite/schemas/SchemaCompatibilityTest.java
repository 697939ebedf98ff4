package dev.streamsuite.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compatibility gate: every topic's current value schema must read data written with
 * every released version (BACKWARD), so consumers can upgrade before producers. Released
 * versions live in {@code released/<full name>/v<N>.avsc}; to release the current schema as a
 * new version, copy it there (run with {@code -Dschemas.release=true} to write the files).
 */
class SchemaCompatibilityTest {

    private static final Path RELEASED = Path.of("released");

    static Stream<Schema> topicValueSchemas() {
        return TopicCatalog.ALL.stream().map(TopicSpec::valueType).distinct().map(type -> SpecificData.get()
                .getSchema(type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topicValueSchemas")
    void currentSchemaReadsEveryReleasedVersion(Schema current) throws IOException {
        Path dir = RELEASED.resolve(current.getFullName());
        if (Boolean.getBoolean("schemas.release")) {
            release(current, dir);
        }
        List<Schema> released = readAll(dir);
        assertThat(released)
                .as(
                        "released versions of %s in %s (run once with -Dschemas.release=true to add one)",
                        current.getFullName(), dir)
                .isNotEmpty();
        assertThat(incompatibilities(current, released)).isEmpty();
    }

    @Test
    void gateRejectsANewFieldWithoutDefault() {
        Schema released = SpecificData.get().getSchema(dev.streamsuite.schemas.payments.Transaction.class);
        Schema breaking = withExtraField(released, SchemaBuilder.builder().stringType(), false);

        assertThat(incompatibilities(breaking, List.of(released)))
                .singleElement()
                .asString()
                .contains("riskHint");
    }

    @Test
    void gateAcceptsANewOptionalFieldWithDefault() {
        Schema released = SpecificData.get().getSchema(dev.streamsuite.schemas.payments.Transaction.class);
        Schema evolved = withExtraField(released, SchemaBuilder.builder().stringType(), true);

        assertThat(incompatibilities(evolved, List.of(released))).isEmpty();
    }

    static List<String> incompatibilities(Schema reader, List<Schema> writers) {
        var problems = new ArrayList<String>();
        for (Schema writer : writers) {
            var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
            if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                problems.add(reader.getFullName() + " cannot read a released version: "
                        + result.getResult().getIncompatibilities());
            }
        }
        return problems;
    }

    private static Schema withExtraField(Schema schema, Schema fieldType, boolean withDefault) {
        var fields = new ArrayList<Schema.Field>();
        schema.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(
                withDefault
                        ? new Schema.Field(
                                "riskHint",
                                Schema.createUnion(Schema.create(Schema.Type.NULL), fieldType),
                                null,
                                Schema.Field.NULL_DEFAULT_VALUE)
                        : new Schema.Field("riskHint", fieldType));
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static List<Schema> readAll(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".avsc"))
                    .sorted()
                    .map(SchemaCompatibilityTest::parse)
                    .toList();
        }
    }

    private static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read released schema " + file, e);
        }
    }

    private static void release(Schema current, Path dir) throws IOException {
        List<Schema> released = readAll(dir);
        if (!released.isEmpty() && released.get(released.size() - 1).equals(current)) {
            return;
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("v" + (released.size() + 1) + ".avsc"), current.toString(true) + "\n");
    }
}
