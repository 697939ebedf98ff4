package dev.streamsuite.clickstream.domain;

final class ItemIds {

    private ItemIds() {}

    static String require(String itemId) {
        if (itemId == null || itemId.isBlank()) {
            throw new IllegalArgumentException("itemId must not be blank, was " + itemId);
        }
        return itemId;
    }
}
