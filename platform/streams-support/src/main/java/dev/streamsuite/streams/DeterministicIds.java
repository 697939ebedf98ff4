package dev.streamsuite.streams;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Ids that a replay or a redelivery gives again, so consumers can drop duplicates, and that any
 * service or client can rebuild from this description.
 *
 * <p>An id is the name-based (version 3) UUID of a canonical UTF-8 string: a kind tag, then each
 * part as its length in UTF-16 chars, a colon and the part, e.g.
 * {@code fraud-alert|8:velocity|1:3|4:c-42|5:tx-17}. The length prefixes keep parts that contain
 * the separator from running into each other.
 */
public final class DeterministicIds {

    private DeterministicIds() {}

    /**
     * @param kind what the id names, e.g. {@code fraud-alert}
     * @param parts what makes it unique within its kind; none may be null
     */
    public static String of(String kind, String... parts) {
        StringBuilder name = new StringBuilder(Objects.requireNonNull(kind, "kind"));
        for (String part : parts) {
            Objects.requireNonNull(part, "id parts must not be null");
            name.append('|').append(part.length()).append(':').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
