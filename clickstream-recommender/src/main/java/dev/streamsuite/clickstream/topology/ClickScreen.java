package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.domain.Interaction;
import dev.streamsuite.clickstream.domain.SessionEvent;
import dev.streamsuite.schemas.clickstream.CatalogItem;
import dev.streamsuite.schemas.clickstream.ClickEvent;
import dev.streamsuite.streams.GlobalStoreCache;
import dev.streamsuite.streams.KeyPlacement;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

/**
 * Rejects clicks that make no sense ({@link ClickValidation}) and keeps clicks of accounts flagged by fraud-detector
 * out of the model, so that bots cannot poison it: clicks up to {@code flaggedFor} after the account's latest alert
 * (event time). Excluded clicks are counted in {@code excluded-click-total}. Adds the item's category from the catalog.
 */
final class ClickScreen implements FixedKeyProcessor<String, ClickEvent, Click> {

    private final Duration flaggedFor;
    private final GlobalStoreCache<CatalogItem> catalogCache;

    private FixedKeyProcessorContext<String, Click> context;
    private KeyPlacement keyPlacement;
    private KeyValueStore<String, Long> flaggedAccounts;
    private Function<String, CatalogItem> catalog;
    private Sensor excluded;

    /** @param catalogCache the catalog's items, decoded ({@link RecommenderTopology#catalogOf}) */
    ClickScreen(Duration flaggedFor, GlobalStoreCache<CatalogItem> catalogCache) {
        this.flaggedFor = flaggedFor;
        this.catalogCache = catalogCache;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Click> context) {
        this.context = context;
        this.keyPlacement = KeyPlacement.of(context);
        this.flaggedAccounts = context.getStateStore(RecommenderTopology.FLAGGED_ACCOUNTS_STORE);
        TimestampedKeyValueStore<String, CatalogItem> store = context.getStateStore(RecommenderTopology.CATALOG_STORE);
        this.catalog = RecommenderTopology.catalogOf(store, catalogCache);
        this.excluded = context.metrics()
                .addRateTotalSensor("clickstream", "clicks", "excluded-click", Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(FixedKeyRecord<String, ClickEvent> record) {
        keyPlacement.check(record.key());
        ClickEvent click = record.value();
        Interaction interaction = ClickValidation.validate(record.key(), click, record.timestamp());
        if (flagged(click)) {
            excluded.record();
            return;
        }
        CatalogItem item = catalog.apply(click.getItemId());
        String category = item == null ? null : item.getCategory();
        context.forward(record.withValue(new Click(
                click.getEventId(),
                click.getUserId(),
                category,
                new SessionEvent(click.getItemId(), interaction, click.getEventTime()))));
    }

    private boolean flagged(ClickEvent click) {
        Long flaggedAt = click.getAccountId() == null ? null : flaggedAccounts.get(click.getAccountId());
        return flaggedAt != null
                && click.getEventTime().isBefore(Instant.ofEpochMilli(flaggedAt).plus(flaggedFor));
    }
}
