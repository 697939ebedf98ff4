package dev.streamsuite.iot;

import dev.streamsuite.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The shape docs/architecture.md describes, the same for every service. */
class ArchitectureTest {

    @Test
    void followsTheServiceTemplate() {
        ServiceArchitecture.verify("dev.streamsuite.iot");
    }
}
