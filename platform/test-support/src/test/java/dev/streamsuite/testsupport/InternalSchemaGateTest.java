package dev.streamsuite.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.schemas.iot.Device;
import org.junit.jupiter.api.Test;

class InternalSchemaGateTest {

    @Test
    void aTypeWithoutAReleasedInternalVersionDoesNotPass() {
        assertThat(InternalSchemaGate.problems(Device.class))
                .singleElement()
                .asString()
                .contains("dev.streamsuite.schemas.iot.Device is not its newest released internal version (0 released)")
                .contains("-Dschemas.release=true");
    }
}
