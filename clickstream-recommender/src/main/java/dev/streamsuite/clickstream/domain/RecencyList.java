package dev.streamsuite.clickstream.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The bounded, most-recent-first list of distinct items that sessions and shopper histories both keep. */
final class RecencyList {

    private static final Comparator<ItemInteraction> NEWEST_FIRST =
            Comparator.comparing(ItemInteraction::lastAt).reversed();

    private RecencyList() {}

    /** Validates a list read from storage and returns it newest first; a stable sort keeps the stored tie order. */
    static List<ItemInteraction> canonical(List<ItemInteraction> items, int capacity) {
        requireCapacity(capacity);
        ItemIds.requireDistinct(items, ItemInteraction::itemId, capacity, "items");
        List<ItemInteraction> sorted = new ArrayList<>(items);
        sorted.sort(NEWEST_FIRST);
        return List.copyOf(sorted);
    }

    /**
     * Merges the event into its item and places the item by its latest event time, ahead of items with the same
     * time (it arrived last), then forgets the oldest items beyond capacity. Ordering by event time rather than by
     * arrival keeps a late event from pushing a genuinely recent item out.
     */
    static List<ItemInteraction> with(List<ItemInteraction> newestFirst, SessionEvent event, int capacity) {
        List<ItemInteraction> items = new ArrayList<>(newestFirst.size() + 1);
        ItemInteraction merged = ItemInteraction.of(event);
        for (ItemInteraction item : newestFirst) {
            if (item.itemId().equals(event.itemId())) {
                merged = item.with(event);
            } else {
                items.add(item);
            }
        }
        items.add(insertionIndex(items, merged.lastAt()), merged);
        return List.copyOf(items.size() > capacity ? items.subList(0, capacity) : items);
    }

    static void requireCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
    }

    private static int insertionIndex(List<ItemInteraction> newestFirst, Instant lastAt) {
        int index = 0;
        while (index < newestFirst.size() && newestFirst.get(index).lastAt().isAfter(lastAt)) {
            index++;
        }
        return index;
    }
}
