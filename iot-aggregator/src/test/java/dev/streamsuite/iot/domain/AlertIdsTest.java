package dev.streamsuite.iot.domain;

import static dev.streamsuite.iot.domain.Readings.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertIdsTest {

    /** Pinned: consumers keep these ids to de-duplicate, so they must not change between releases. */
    @Test
    void theSameAlertGetsTheSameIdInEveryRelease() {
        assertThat(AlertIds.deviceAlertId("dev-1", "THRESHOLD_HIGH", T0))
                .isEqualTo("f7e2b098-80af-3b01-af67-900327ace2ef");
    }

    @Test
    void isANameBasedUuidOfTheDocumentedCanonicalForm() {
        String expected = UUID.nameUUIDFromBytes(
                        "device-alert|5:dev-1|14:THRESHOLD_HIGH|13:1767225600000".getBytes(StandardCharsets.UTF_8))
                .toString();

        String id = AlertIds.deviceAlertId("dev-1", "THRESHOLD_HIGH", T0);

        assertThat(id).isEqualTo(expected);
        assertThat(UUID.fromString(id).version()).isEqualTo(3);
    }

    @Test
    void differsWhenAnyPartDiffers() {
        String base = AlertIds.deviceAlertId("dev-1", "THRESHOLD_HIGH", T0);

        assertThat(AlertIds.deviceAlertId("dev-2", "THRESHOLD_HIGH", T0)).isNotEqualTo(base);
        assertThat(AlertIds.deviceAlertId("dev-1", "THRESHOLD_LOW", T0)).isNotEqualTo(base);
        assertThat(AlertIds.deviceAlertId("dev-1", "THRESHOLD_HIGH", T0.plusMillis(1)))
                .isNotEqualTo(base);
    }

    @Test
    void instantsWithinTheSameMillisecondShareTheIdAsTheStoredAlertCannotTellThemApart() {
        assertThat(AlertIds.deviceAlertId("dev-1", "SILENT_DEVICE", T0.plusNanos(999_999)))
                .isEqualTo(AlertIds.deviceAlertId("dev-1", "SILENT_DEVICE", T0));
    }

    @Test
    void partsContainingTheSeparatorDoNotCollide() {
        assertThat(AlertIds.deviceAlertId("a|1:b", "c", T0)).isNotEqualTo(AlertIds.deviceAlertId("a", "b|1:c", T0));
    }

    @Test
    void rejectsMissingParts() {
        assertThatThrownBy(() -> AlertIds.deviceAlertId(null, "BACK_ONLINE", T0))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AlertIds.deviceAlertId("dev-1", null, T0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AlertIds.deviceAlertId("dev-1", "BACK_ONLINE", null))
                .isInstanceOf(NullPointerException.class);
    }
}
