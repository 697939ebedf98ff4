package dev.streamsuite.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** Keeps docs/topics.md in step with the catalog: the document is generated, never edited. */
class TopicCatalogDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "topics.md");

    @Test
    void topicsDocumentMatchesTheCatalog() throws IOException {
        String expected = TopicCatalogDocument.render();
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(DOCUMENT, expected);
        }
        assertThat(Files.exists(DOCUMENT) ? Files.readString(DOCUMENT) : "")
                .as("docs/topics.md is out of date; regenerate it with "
                        + "./mvnw -pl shared-schemas test -Dtest=TopicCatalogDocumentTest -Ddocs.update=true")
                .isEqualTo(expected);
    }

    @Test
    void topicNamesAreUniqueAndVersioned() {
        var names = new HashSet<String>();
        for (var topic : TopicCatalog.ALL) {
            assertThat(names.add(topic.name())).as("duplicate %s", topic.name()).isTrue();
            assertThat(topic.name()).matches("[a-z]+\\.[a-z-]+\\.v\\d+");
        }
    }

    @Test
    void tablesJoinedWithStreamsAreCoPartitioned() {
        assertThat(TopicCatalog.DEVICES.partitions()).isEqualTo(TopicCatalog.SENSOR_READINGS.partitions());
        assertThat(TopicCatalog.CATALOG.partitions()).isEqualTo(TopicCatalog.CLICKS.partitions());
    }
}
