package dev.streamsuite.testsupport;

import dev.streamsuite.streams.InternalFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The compatibility gate of a service's internal data ({@link InternalFormat}), as the contract
 * has its own: each type's current schema must be its newest released internal version and read
 * every older one. Run a module's tests with {@code -Dschemas.release=true} to release a changed
 * schema as the next version (written to {@code src/main/resources/internal-schemas/}).
 */
public final class InternalSchemaGate {

    private InternalSchemaGate() {}

    /** What is wrong, in words; empty when every type passes. */
    @SafeVarargs
    public static List<String> problems(Class<? extends SpecificRecord>... types) {
        var problems = new ArrayList<String>();
        for (var type : types) {
            Schema current = SpecificData.get().getSchema(type);
            var released = InternalFormat.releasedVersions(type);
            boolean changed = released.isEmpty()
                    || SchemaNormalization.parsingFingerprint64(released.get(released.size() - 1))
                            != SchemaNormalization.parsingFingerprint64(current);
            if (changed && Boolean.getBoolean("schemas.release")) {
                release(current, released.size() + 1);
                released = new ArrayList<>(released);
                released.add(current);
                changed = false;
            }
            if (changed) {
                problems.add(current.getFullName() + " is not its newest released internal version (" + released.size()
                        + " released): run the module's tests once with -Dschemas.release=true to release it");
            }
            for (int i = 0; i < released.size(); i++) {
                var result = SchemaCompatibility.checkReaderWriterCompatibility(current, released.get(i));
                if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                    problems.add(current.getFullName() + " cannot read its internal version " + (i + 1) + ": "
                            + result.getResult().getIncompatibilities());
                }
            }
        }
        return problems;
    }

    private static void release(Schema schema, int version) {
        Path file = Path.of("src/main/resources").resolve(InternalFormat.resource(schema, version));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, schema.toString(true) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
