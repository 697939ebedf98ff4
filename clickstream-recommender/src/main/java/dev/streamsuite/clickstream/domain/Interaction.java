package dev.streamsuite.clickstream.domain;

/** What a shopper did with an item, weakest first: the declaration order is the strength order. */
public enum Interaction {
    VIEW,
    CART,
    PURCHASE;

    /** The stronger of the two; an item's history keeps only its strongest interaction. */
    public Interaction strongest(Interaction other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}
