package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.domain.PairIncrement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups a click's pair increments by the item they are for, the key of the pairs stage. */
final class ItemIncrements {

    private ItemIncrements() {}

    /**
     * The increments by their {@code from} item, items in the order of their first increment, each
     * item's increments in their original order: applied item by item, they give what applying
     * them one by one gives.
     */
    static Map<String, List<PairIncrement>> byItem(List<PairIncrement> increments) {
        var byItem = new LinkedHashMap<String, List<PairIncrement>>();
        for (var increment : increments) {
            byItem.computeIfAbsent(increment.from(), item -> new ArrayList<>(2)).add(increment);
        }
        return byItem;
    }
}
