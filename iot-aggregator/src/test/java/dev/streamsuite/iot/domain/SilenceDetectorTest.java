package dev.streamsuite.iot.domain;

import static dev.streamsuite.iot.domain.Readings.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SilenceDetectorTest {

    private static final Duration SILENT_AFTER = Duration.ofMinutes(10);

    private final SilenceDetector detector = new SilenceDetector(SILENT_AFTER);

    private static Instant atMinute(long minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    @Test
    void aDeviceIsNotSilentJustBeforeTheLimit() {
        DevicePresence presence = DevicePresence.online(T0);

        assertThat(detector.check(presence, atMinute(10).minusNanos(1)))
                .isEqualTo(new SilenceTransition(presence, Optional.empty()));
    }

    @Test
    void aDeviceIsSilentExactlyAtTheLimit() {
        SilenceTransition transition = detector.check(DevicePresence.online(T0), atMinute(10));

        assertThat(transition.presence()).isEqualTo(new DevicePresence(T0, PresenceState.SILENT));
        assertThat(transition.event())
                .hasValue(new SilenceEvent(
                        SilenceEvent.Kind.WENT_SILENT,
                        T0,
                        atMinute(10),
                        "no reading since 2026-01-01T00:00:00Z, for at least PT10M"));
    }

    @Test
    void theSilenceEventTimeDoesNotDependOnWhenTheCheckRan() {
        SilenceEvent onTime =
                detector.check(DevicePresence.online(T0), atMinute(10)).event().orElseThrow();
        SilenceEvent late =
                detector.check(DevicePresence.online(T0), atMinute(47)).event().orElseThrow();

        assertThat(late).isEqualTo(onTime);
        assertThat(late.silence()).isEqualTo(SILENT_AFTER);
    }

    @Test
    void alertsOncePerSilence() {
        DevicePresence presence = DevicePresence.online(T0);
        int alerts = 0;
        for (long minute = 0; minute <= 60; minute++) {
            SilenceTransition transition = detector.check(presence, atMinute(minute));
            presence = transition.presence();
            alerts += transition.event().isPresent() ? 1 : 0;
        }

        assertThat(alerts).isEqualTo(1);
        assertThat(presence.state()).isEqualTo(PresenceState.SILENT);
    }

    @Test
    void aReadingBringsASilentDeviceBackOnlineWithOneEvent() {
        DevicePresence silent = new DevicePresence(T0, PresenceState.SILENT);

        SilenceTransition back = detector.onReading(silent, atMinute(25));

        assertThat(back.presence()).isEqualTo(DevicePresence.online(atMinute(25)));
        assertThat(back.event())
                .hasValue(new SilenceEvent(
                        SilenceEvent.Kind.BACK_ONLINE,
                        T0,
                        atMinute(25),
                        "reading at 2026-01-01T00:25:00Z after PT25M without one"));
        assertThat(back.event().orElseThrow().silence()).isEqualTo(Duration.ofMinutes(25));
        assertThat(detector.onReading(back.presence(), atMinute(26)).event()).isEmpty();
    }

    @Test
    void readingsOfAnOnlineDeviceOnlyMoveLastSeen() {
        SilenceTransition transition = detector.onReading(DevicePresence.online(T0), atMinute(3));

        assertThat(transition).isEqualTo(new SilenceTransition(DevicePresence.online(atMinute(3)), Optional.empty()));
    }

    @Test
    void anOlderOrRepeatedReadingChangesNothing() {
        DevicePresence online = DevicePresence.online(atMinute(5));
        DevicePresence silent = new DevicePresence(atMinute(5), PresenceState.SILENT);

        assertThat(detector.onReading(online, atMinute(2))).isEqualTo(new SilenceTransition(online, Optional.empty()));
        assertThat(detector.onReading(silent, atMinute(5))).isEqualTo(new SilenceTransition(silent, Optional.empty()));
    }

    @Test
    void eachSilenceAndEachReturnAlertsOnce() {
        DevicePresence presence = DevicePresence.online(T0);
        StringBuilder events = new StringBuilder();
        for (long minute = 1; minute <= 100; minute++) {
            // Readings every minute except in two gaps: 10-39 and 60-84.
            boolean reading = minute < 10 || (minute >= 40 && minute < 60) || minute >= 85;
            SilenceTransition transition = reading
                    ? detector.onReading(presence, atMinute(minute))
                    : detector.check(presence, atMinute(minute));
            presence = transition.presence();
            transition.event().ifPresent(event -> events.append(event.kind())
                    .append('@')
                    .append(Duration.between(T0, event.eventTime()).toMinutes())
                    .append(' '));
        }

        assertThat(events.toString().strip()).isEqualTo("WENT_SILENT@19 BACK_ONLINE@40 WENT_SILENT@69 BACK_ONLINE@85");
    }

    @Test
    void rejectsANonPositiveSilence() {
        assertThatThrownBy(() -> new SilenceDetector(Duration.ZERO))
                .hasMessage("silentAfter must be positive, was PT0S");
        assertThatThrownBy(() -> new SilenceDetector(Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> detector.check(null, T0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> detector.onReading(DevicePresence.online(T0), null))
                .isInstanceOf(NullPointerException.class);
    }
}
