package dev.streamsuite.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The PromQL of the Grafana dashboards and alert rules, and the metric names it reads. */
final class MonitoringQueries {

    static final Path DASHBOARDS = RepositoryFiles.chart().resolve("files/dashboards");
    static final Path ALERTS = RepositoryFiles.chart().resolve("files/alerts/streamsuite-alerts.yaml");

    /** Series Prometheus makes itself rather than scraping them from a service. */
    private static final Set<String> PROMETHEUS_SERIES = Set.of("up");

    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "inf",
            "nan");
    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPINGS =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern VARIABLES = Pattern.compile("\\$\\{?[A-Za-z_][A-Za-z0-9_]*}?");
    private static final Pattern IDENTIFIER =
            Pattern.compile("(?<![a-zA-Z0-9_:.])[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");

    private MonitoringQueries() {}

    static List<String> dashboard(String file) {
        var queries = new ArrayList<String>();
        collect(read(new ObjectMapper(), DASHBOARDS.resolve(file)), "expr", queries);
        return queries;
    }

    static List<String> alertRules() {
        var queries = new ArrayList<String>();
        collect(read(new ObjectMapper(new YAMLFactory()), ALERTS), "expr", queries);
        return queries;
    }

    /** The names of the scraped metrics {@code queries} read. */
    static Set<String> metricNames(List<String> queries) {
        var names = new TreeSet<String>();
        for (String query : queries) {
            String bare = VARIABLES.matcher(query).replaceAll(" ");
            bare = STRINGS.matcher(bare).replaceAll(" ");
            bare = MATCHERS.matcher(bare).replaceAll(" ");
            bare = RANGES.matcher(bare).replaceAll(" ");
            bare = GROUPINGS.matcher(bare).replaceAll(" ");
            IDENTIFIER.matcher(bare).results().map(match -> match.group()).forEach(token -> {
                if (!KEYWORDS.contains(token) && !PROMETHEUS_SERIES.contains(token) && !token.matches("[0-9].*")) {
                    names.add(token);
                }
            });
        }
        return names;
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static void collect(JsonNode node, String field, List<String> into) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals(field) && entry.getValue().isTextual()) {
                    into.add(entry.getValue().asText());
                } else {
                    collect(entry.getValue(), field, into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, field, into));
        }
    }
}
