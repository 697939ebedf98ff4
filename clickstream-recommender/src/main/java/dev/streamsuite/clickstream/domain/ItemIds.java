package dev.streamsuite.clickstream.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

final class ItemIds {

    /** Lists up to this long are checked without a set. */
    private static final int SHORT = 32;

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
        if (items.size() > SHORT) {
            Set<String> seen = new HashSet<>(items.size() * 2);
            for (T item : items) {
                if (!seen.add(itemId.apply(item))) {
                    throw new IllegalArgumentException("item " + itemId.apply(item) + " appears more than once");
                }
            }
            return;
        }
        // Checked on every read of a store entry: a short list is compared pair by pair, hashes first, no set built.
        String[] ids = new String[items.size()];
        int[] hashes = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = itemId.apply(items.get(i));
            hashes[i] = ids[i].hashCode();
            for (int j = 0; j < i; j++) {
                if (hashes[j] == hashes[i] && ids[j].equals(ids[i])) {
                    throw new IllegalArgumentException("item " + ids[i] + " appears more than once");
                }
            }
        }
    }
}
