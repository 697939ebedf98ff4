package dev.streamsuite.iot.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The deadline index's keys; the tracker's behaviour is tested through the topology in {@link IotTopologyTest}. */
class DevicePresenceTrackerTest {

    @Test
    void deadlineBucketsAreWrittenAsTheIndexStoredThemBefore() {
        // Entries written by earlier versions (String.format "%016x") must still be found and moved.
        for (long bucket : new long[] {0L, 1L, 30_000L, 1_796_298_690_000L, Long.MAX_VALUE}) {
            assertThat(DevicePresenceTracker.hex16(bucket)).isEqualTo(String.format(Locale.ROOT, "%016x", bucket));
        }
    }

    @Test
    void deadlineBucketsSortByTime() {
        assertThat(DevicePresenceTracker.hex16(99_990_000L)).isLessThan(DevicePresenceTracker.hex16(100_020_000L));
        assertThat(DevicePresenceTracker.hex16(0xfL)).isLessThan(DevicePresenceTracker.hex16(0x10L));
    }
}
