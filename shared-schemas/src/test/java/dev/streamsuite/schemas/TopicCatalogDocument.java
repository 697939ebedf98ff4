package dev.streamsuite.schemas;

import org.apache.avro.specific.SpecificData;

/** Renders the catalog as the Markdown of docs/topics.md. */
final class TopicCatalogDocument {

    private TopicCatalogDocument() {}

    static String render() {
        var out = new StringBuilder();
        out.append("# Topics\n\n")
                .append("Generated from `shared-schemas/src/main/java/dev/streamsuite/schemas/TopicCatalog.java`")
                .append(" by `TopicCatalogDocumentTest`; do not edit by hand.\n\n")
                .append("Keys are UTF-8 strings. Values are Avro in the Confluent wire format (magic byte 0, ")
                .append("4-byte schema id, binary Avro), registered under the subject `<topic>-value`. ")
                .append("Consumers of service outputs must read with `isolation.level=read_committed`.\n\n")
                .append("| topic | key | value | partitions | cleanup | retention | written by | purpose |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (var topic : TopicCatalog.ALL) {
            row(out, topic);
        }
        out.append("\nEach service also has a dead-letter topic `<service>.dlq` ")
                .append("(e.g. `fraud-detector.dlq`): the rejected record's original key and value bytes, ")
                .append("with headers `__streams.errors.exception`, `__streams.errors.message`, ")
                .append("`__streams.errors.stacktrace`, `__streams.errors.topic`, `__streams.errors.partition` and ")
                .append("`__streams.errors.offset`. Retention: ")
                .append(TopicCatalog.deadLetter("any").retention().toDays())
                .append(" days.\n\n## Value schemas\n\n");
        TopicCatalog.ALL.stream().map(TopicSpec::valueType).distinct().forEach(type -> {
            var schema = SpecificData.get().getSchema(type);
            out.append("- `")
                    .append(schema.getFullName())
                    .append("`: ")
                    .append(schema.getDoc())
                    .append('\n');
        });
        return out.toString();
    }

    private static void row(StringBuilder out, TopicSpec<?> topic) {
        out.append("| `")
                .append(topic.name())
                .append("` | ")
                .append(topic.key())
                .append(" | `")
                .append(topic.valueType().getSimpleName())
                .append("` | ")
                .append(topic.partitions())
                .append(" | ")
                .append(topic.cleanup().configValue())
                .append(" | ")
                .append(
                        topic.retention() == null
                                ? "forever"
                                : topic.retention().toDays() + " days")
                .append(" | ")
                .append(topic.producer())
                .append(" | ")
                .append(topic.description())
                .append(" |\n");
    }
}
