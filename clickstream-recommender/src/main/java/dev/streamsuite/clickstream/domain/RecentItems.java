package dev.streamsuite.clickstream.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A shopper's recent items, most recent first, each with its strongest interaction and latest event time, and,
 * separately, the items they bought.
 *
 * <p>Purchases are kept in their own, longer list because they must stay excluded from recommendations long after
 * twenty newer clicks have pushed them out of the recent items.
 *
 * @param items most recent first by event time; distinct items; at most {@code capacity}
 * @param purchases bought items, most recently bought first; distinct; at most {@code purchaseCapacity}
 */
public record RecentItems(int capacity, int purchaseCapacity, List<ItemInteraction> items, List<String> purchases) {

    /** Purchases remembered per shopper, so they are not recommended again. */
    public static final int DEFAULT_PURCHASE_CAPACITY = 100;

    public RecentItems {
        items = RecencyList.canonical(items, capacity);
        RecencyList.requireCapacity(purchaseCapacity);
        if (purchases.size() > purchaseCapacity) {
            throw new IllegalArgumentException(
                    "at most " + purchaseCapacity + " purchases expected, got " + purchases.size());
        }
        if (new LinkedHashSet<>(purchases).size() != purchases.size()) {
            throw new IllegalArgumentException("purchases must be distinct, were " + purchases);
        }
        purchases.forEach(ItemIds::require);
        purchases = List.copyOf(purchases);
    }

    /** A shopper never seen: nothing recent, nothing bought. For reading; the capacities are 1. */
    public static RecentItems nothing() {
        return empty(1, 1);
    }

    public static RecentItems empty(int capacity, int purchaseCapacity) {
        return new RecentItems(capacity, purchaseCapacity, List.of(), List.of());
    }

    public RecentItems with(SessionEvent event) {
        List<String> newPurchases = purchases;
        if (event.interaction() == Interaction.PURCHASE) {
            List<String> updated = new ArrayList<>(purchases.size() + 1);
            updated.add(event.itemId());
            purchases.stream().filter(id -> !id.equals(event.itemId())).forEach(updated::add);
            newPurchases = updated.size() > purchaseCapacity ? updated.subList(0, purchaseCapacity) : updated;
        }
        return new RecentItems(capacity, purchaseCapacity, RecencyList.with(items, event, capacity), newPurchases);
    }

    /** The recent items' ids, most recent first. */
    public Set<String> itemIds() {
        Set<String> ids = new LinkedHashSet<>();
        items.forEach(item -> ids.add(item.itemId()));
        return Collections.unmodifiableSet(ids);
    }

    /** Every remembered purchase, including ones no longer among the recent items; most recent first. */
    public Set<String> purchased() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(purchases));
    }
}
