package dev.streamsuite.fraud.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.fraud.state.CardState;
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
        assertThat(InternalSchemaGate.problems(CardState.class)).isEmpty();
    }
}
