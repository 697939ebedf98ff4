package dev.streamsuite.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeSettingsTest {

    @TempDir
    Path dir;

    @Test
    void passesWhenTheReadmeShowsTheYmlsValues() throws IOException {
        var yml = write("application.yml", "shop:\n  grace: 30s\n  weights: {view: 1, cart: 3}\n");
        var readme = write(
                "README.md",
                """
                | key | default | what |
                |---|---|---|
                | `shop.grace` | `30s` | how late |
                | `shop.weights.view` / `cart` | `1` / `3` | weights |
                | `shop.limits.<type>` | the ranges above | not a single value |
                """);

        assertThat(ReadmeSettings.assertMatchApplicationYml(readme, yml)).isEqualTo(3);
    }

    @Test
    void failsNamingTheKeyWhenTheyDrift() throws IOException {
        var yml = write("application.yml", "shop:\n  grace: 1m\n");
        var readme = write("README.md", "| `shop.grace` | `30s` | how late |\n");

        assertThatThrownBy(() -> ReadmeSettings.assertMatchApplicationYml(readme, yml))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("shop.grace");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
