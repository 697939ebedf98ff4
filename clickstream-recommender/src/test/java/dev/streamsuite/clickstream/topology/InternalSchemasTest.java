package dev.streamsuite.clickstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.clickstream.state.PairIncrementState;
import dev.streamsuite.clickstream.state.SessionWindowState;
import dev.streamsuite.clickstream.state.SimilarItems;
import dev.streamsuite.clickstream.state.TopItemsState;
import dev.streamsuite.clickstream.state.TrendingCountsState;
import dev.streamsuite.clickstream.state.TrendingSnapshot;
import dev.streamsuite.clickstream.state.UserState;
import dev.streamsuite.testsupport.InternalSchemaGate;
import org.junit.jupiter.api.Test;

/**
 * The service's own data (state, repartition and own topics) is written in its internal format
 * with a schema released at build time: the current schemas must be released and read every
 * earlier version, so state written before an upgrade stays readable after it.
 */
class InternalSchemasTest {

    @Test
    void everyInternalSchemaIsReleasedAndReadsItsEarlierVersions() {
        assertThat(InternalSchemaGate.problems(
                        SimilarItems.class,
                        TrendingSnapshot.class,
                        UserState.class,
                        SessionWindowState.class,
                        PairIncrementState.class,
                        TopItemsState.class,
                        TrendingCountsState.class))
                .isEmpty();
    }
}
