package dev.streamsuite.clickstream.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

final class ItemIds {

    private ItemIds() {}

    static String require(String itemId) {
        if (itemId == null || itemId.isBlank()) {
            throw new IllegalArgumentException("itemId must not be blank, was " + itemId);
        }
        return itemId;
    }

    /** Checks a bounded list of items read from storage: at most {@code capacity}, no item twice. */
    static <T> void requireDistinct(List<T> items, Function<T, String> itemId, int capacity, String what) {
        if (items.size() > capacity) {
            throw new IllegalArgumentException("at most " + capacity + " " + what + " expected, got " + items.size());
        }
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            if (!seen.add(itemId.apply(item))) {
                throw new IllegalArgumentException("item " + itemId.apply(item) + " appears more than once");
            }
        }
    }
}
