package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.domain.Interaction;
import dev.streamsuite.schemas.clickstream.ClickEvent;
import dev.streamsuite.streams.EventTimes;
import dev.streamsuite.streams.InvalidRecordException;

/**
 * Checks a click record and reads its interaction, or rejects it with a reason that ends up in
 * the dead-letter record's {@code __streams.errors.message} header.
 */
final class ClickValidation {

    private ClickValidation() {}

    static Interaction validate(String key, ClickEvent click, long recordTimestamp) {
        if (click == null) {
            throw new InvalidRecordException("A click record needs a value; tombstones are not clicks.");
        }
        require(click.getEventId(), "eventId");
        require(click.getUserId(), "userId");
        require(click.getItemId(), "itemId");
        InvalidRecordException.requireKeyIs(key, "userId", click.getUserId(), "Click " + click.getEventId(), null);
        Interaction interaction =
                switch (click.getType()) {
                    case VIEW -> Interaction.VIEW;
                    case CART -> Interaction.CART;
                    case PURCHASE -> Interaction.PURCHASE;
                    case UNKNOWN ->
                        throw new InvalidRecordException(
                                "Click " + click.getEventId() + ": type must be VIEW, CART or PURCHASE");
                };
        EventTimes.requirePlausible(click.getEventTime(), recordTimestamp, "Click " + click.getEventId());
        return interaction;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidRecordException("A click needs its " + field + "; it is empty.");
        }
    }
}
