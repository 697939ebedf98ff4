package dev.streamsuite.iot.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamsuite.iot.topology.IotSettings;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhysicalLimitsTest {

    /** The limits application.yml configures. */
    private static final PhysicalLimits CONFIGURED =
            ServiceSettings.shipped("iot", IotSettings.class).physicalLimits();

    @Test
    void theConfiguredLimitsCoverTheCommonSensorTypes() {
        PhysicalLimits defaults = CONFIGURED;

        assertThat(defaults.rangeFor("temperature", "celsius")).hasValue(new PlausibleRange(-90, 150, "celsius"));
        assertThat(defaults.rangeFor("humidity", "percent")).hasValue(new PlausibleRange(0, 100, "percent"));
        assertThat(defaults.rangeFor("pressure", "hPa")).hasValue(new PlausibleRange(300, 1100, "hPa"));
        assertThat(defaults.rangeFor("co2", "ppm")).hasValue(new PlausibleRange(0, 50_000, "ppm"));
        assertThat(defaults.ranges()).hasSize(4);
    }

    @Test
    void hasNoRangeForAnUnknownTypeOrAnotherUnit() {
        assertThat(CONFIGURED.rangeFor("vibration", null)).isEmpty();
        assertThat(CONFIGURED.rangeFor(null, null)).isEmpty();
        assertThat(CONFIGURED.rangeFor("temperature", "kelvin")).isEmpty();
    }

    @Test
    void withAddsOrReplacesOneRangeAndKeepsTheOthers() {
        PhysicalLimits limits = CONFIGURED
                .with("Temperature", new PlausibleRange(-40, 85, "celsius"))
                .with("vibration", new PlausibleRange(0, 50, "mm/s"));

        assertThat(limits.rangeFor("temperature", "celsius")).hasValue(new PlausibleRange(-40, 85, "celsius"));
        assertThat(limits.rangeFor("vibration", "mm/s")).isPresent();
        assertThat(limits.rangeFor("humidity", "percent")).isPresent();
        assertThat(CONFIGURED.rangeFor("temperature", "celsius")).hasValue(new PlausibleRange(-90, 150, "celsius"));
    }

    @Test
    void cannotBeChangedThroughTheMapItWasBuiltFrom() {
        Map<String, PlausibleRange> source = new HashMap<>(Map.of("co2", new PlausibleRange(0, 5_000, "ppm")));
        PhysicalLimits limits = new PhysicalLimits(source);

        source.put("co2", new PlausibleRange(0, 1, "ppm"));

        assertThat(limits.rangeFor("co2", "ppm")).hasValue(new PlausibleRange(0, 5_000, "ppm"));
        assertThatThrownBy(() -> limits.ranges().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsTheSameTypeTwiceInDifferentCase() {
        assertThatThrownBy(() -> new PhysicalLimits(
                        Map.of("co2", new PlausibleRange(0, 1, "ppm"), "CO2", new PlausibleRange(0, 2, "ppm"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("given twice");
    }

    @Test
    void rejectsUnusableRanges() {
        assertThatThrownBy(() -> new PlausibleRange(10, 0, "ppm"))
                .hasMessage("range must be finite with min <= max, was 10.0..0.0");
        assertThatThrownBy(() -> new PlausibleRange(Double.NaN, 0, "ppm")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlausibleRange(0, Double.POSITIVE_INFINITY, "ppm"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlausibleRange(0, 1, " ")).hasMessage("unit must not be blank");
    }

    @Test
    void aRangeIncludesBothEnds() {
        PlausibleRange range = new PlausibleRange(0, 100, "percent");

        assertThat(range.contains(0)).isTrue();
        assertThat(range.contains(100)).isTrue();
        assertThat(range.contains(Math.nextDown(0.0))).isFalse();
        assertThat(range.contains(Math.nextUp(100.0))).isFalse();
        assertThat(range.contains(Double.NaN)).isFalse();
    }
}
