package dev.streamsuite.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Keeps a service README's settings table honest: every row that names keys and values in
 * backticks, e.g. {@code | `iot.grace` | `30s` | ... |} or
 * {@code | `recommender.weights.view` / `cart` | `1` / `3` | ... |}, must show what the
 * service's application.yml sets. The yml stays the one place values live; the README only
 * repeats them where a reader needs them, and this check fails when they drift apart.
 */
public final class ReadmeSettings {

    private static final Pattern ROW = Pattern.compile("^\\|\\s*(`[^|]+)\\|\\s*(`[^|]+)\\|");
    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");

    private ReadmeSettings() {}

    /**
     * @return how many documented values were compared, so a caller can tell the table was found
     */
    public static int assertMatchApplicationYml(Path readme, Path applicationYml) {
        Map<String, String> yml = flatten(applicationYml);
        Map<String, String> documented = documented(readme);
        documented.forEach((key, value) -> assertThat(yml)
                .as("%s documents %s: %s, but %s sets", readme, key, value, applicationYml)
                .containsEntry(key, value));
        return documented.size();
    }

    static Map<String, String> documented(Path readme) {
        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : lines(readme)) {
            Matcher row = ROW.matcher(line);
            if (!row.find()) {
                continue;
            }
            List<String> keys = ticked(row.group(1));
            List<String> values = ticked(row.group(2));
            if (keys.size() != values.size() || !keys.get(0).contains(".")) {
                continue;
            }
            // "`a.b.c` / `d`" names siblings: a.b.c and a.b.d.
            String parent = keys.get(0).substring(0, keys.get(0).lastIndexOf('.') + 1);
            for (int i = 0; i < keys.size(); i++) {
                String key = i == 0 ? keys.get(0) : parent + keys.get(i);
                if (!key.contains("<")) {
                    documented.put(key, values.get(i));
                }
            }
        }
        return documented;
    }

    private static List<String> ticked(String cell) {
        List<String> parts = new ArrayList<>();
        Matcher ticked = TICKED.matcher(cell);
        while (ticked.find()) {
            parts.add(ticked.group(1));
        }
        return parts;
    }

    private static Map<String, String> flatten(Path applicationYml) {
        Map<String, String> flat = new LinkedHashMap<>();
        try {
            for (var source :
                    new YamlPropertySourceLoader().load("application.yml", new FileSystemResource(applicationYml))) {
                var enumerable = (EnumerablePropertySource<?>) source;
                for (String name : enumerable.getPropertyNames()) {
                    flat.putIfAbsent(name, String.valueOf(enumerable.getProperty(name)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return flat;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
