package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.domain.Interaction;
import dev.streamsuite.clickstream.domain.SessionEvent;
import dev.streamsuite.schemas.clickstream.CatalogItem;
import dev.streamsuite.schemas.clickstream.ClickEvent;
import dev.streamsuite.streams.EventTimes;
import dev.streamsuite.streams.InvalidRecordException;
import dev.streamsuite.streams.KeyPlacement;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Rejects clicks that make no sense and keeps clicks of accounts flagged by fraud-detector
 * out of the model, so that bots cannot poison it. Excluded clicks are counted in
 * {@code excluded-click-total}. Adds the item's category from the catalog.
 */
final class ClickScreen implements FixedKeyProcessor<String, ClickEvent, Click> {

    private FixedKeyProcessorContext<String, Click> context;
    private KeyPlacement keyPlacement;
    private KeyValueStore<String, Long> flaggedAccounts;
    private TimestampedKeyValueStore<String, CatalogItem> catalog;
    private Sensor excluded;

    @Override
    public void init(FixedKeyProcessorContext<String, Click> context) {
        this.context = context;
        this.keyPlacement = KeyPlacement.of(context);
        this.flaggedAccounts = context.getStateStore(RecommenderTopology.FLAGGED_ACCOUNTS_STORE);
        this.catalog = context.getStateStore(RecommenderTopology.CATALOG_STORE);
        this.excluded = context.metrics()
                .addRateTotalSensor("clickstream", "clicks", "excluded-click", Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(FixedKeyRecord<String, ClickEvent> record) {
        keyPlacement.check(record.key());
        ClickEvent click = record.value();
        if (click == null) {
            throw new InvalidRecordException("A click record needs a value; tombstones are not clicks.");
        }
        require(click.getEventId(), "eventId");
        require(click.getUserId(), "userId");
        require(click.getItemId(), "itemId");
        if (!click.getUserId().equals(record.key())) {
            // Sessions follow the record key, user state and queries the userId: they must agree.
            throw new InvalidRecordException("Click " + click.getEventId() + ": the record key '" + record.key()
                    + "' must be the userId '" + click.getUserId() + "'.");
        }
        Interaction interaction =
                switch (click.getType()) {
                    case VIEW -> Interaction.VIEW;
                    case CART -> Interaction.CART;
                    case PURCHASE -> Interaction.PURCHASE;
                    case UNKNOWN ->
                        throw new InvalidRecordException(
                                "Click " + click.getEventId() + ": type must be VIEW, CART or PURCHASE");
                };
        EventTimes.requirePlausible(click.getEventTime(), record.timestamp(), "Click " + click.getEventId());
        if (click.getAccountId() != null && flaggedAccounts.get(click.getAccountId()) != null) {
            excluded.record();
            return;
        }
        ValueAndTimestamp<CatalogItem> item = catalog.get(click.getItemId());
        String category =
                item == null || item.value() == null ? null : item.value().getCategory();
        context.forward(record.withValue(new Click(
                click.getEventId(),
                click.getUserId(),
                category,
                new SessionEvent(click.getItemId(), interaction, click.getEventTime()))));
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidRecordException("A click needs its " + field + "; it is empty.");
        }
    }
}
