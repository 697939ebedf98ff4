package dev.streamsuite.iot.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.iot.topology.IotSettings;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReadingValidationTest {

    private final ReadingValidation validator = new ReadingValidation(
            ServiceSettings.shipped("iot", IotSettings.class).physicalLimits());

    @Test
    void acceptsAnOrdinaryReading() {
        assertThat(validator.rejectionReason("dev-1", 21.5, "temperature", "celsius"))
                .isEmpty();
        assertThat(validator.isAcceptable("dev-1", 21.5, "temperature", "celsius"))
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "temperature, celsius, -90, 150",
        "humidity, percent, 0, 100",
        "pressure, hPa, 300, 1100",
        "co2, ppm, 0, 50000"
    })
    void acceptsValuesExactlyAtEitherLimit(String sensorType, String unit, double min, double max) {
        assertThat(validator.rejectionReason("dev-1", min, sensorType, unit)).isEmpty();
        assertThat(validator.rejectionReason("dev-1", max, sensorType, unit)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "temperature, celsius, -90, 150",
        "humidity, percent, 0, 100",
        "pressure, hPa, 300, 1100",
        "co2, ppm, 0, 50000"
    })
    void rejectsValuesJustBeyondEitherLimit(String sensorType, String unit, double min, double max) {
        assertThat(validator.rejectionReason("dev-1", Math.nextDown(min), sensorType, unit))
                .hasValueSatisfying(reason -> assertThat(reason).contains("physically impossible"));
        assertThat(validator.rejectionReason("dev-1", Math.nextUp(max), sensorType, unit))
                .hasValueSatisfying(reason -> assertThat(reason).contains("physically impossible"));
    }

    @Test
    void saysWhichValueIsImpossibleAndWhatIsPlausible() {
        assertThat(validator.rejectionReason("dev-1", 150.5, "temperature", "celsius"))
                .hasValue(
                        "temperature 150.5 celsius is physically impossible, the plausible range is -90..150 celsius");
        assertThat(validator.rejectionReason("dev-1", -0.1, "humidity", "percent"))
                .hasValue("humidity -0.1 percent is physically impossible, the plausible range is 0..100 percent");
    }

    @Test
    void rejectsNaN() {
        assertThat(validator.rejectionReason("dev-1", Double.NaN, "temperature", "celsius"))
                .hasValue("value is NaN, not a number");
    }

    @Test
    void rejectsInfinities() {
        assertThat(validator.rejectionReason("dev-1", Double.POSITIVE_INFINITY, "temperature", "celsius"))
                .hasValue("value is +infinity, not a finite number");
        assertThat(validator.rejectionReason("dev-1", Double.NEGATIVE_INFINITY, null, null))
                .hasValue("value is -infinity, not a finite number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void rejectsABlankDeviceId(String deviceId) {
        assertThat(validator.rejectionReason(deviceId, 20.0, "temperature", "celsius"))
                .hasValue("device id is missing or blank");
    }

    @Test
    void rejectsAMissingDeviceIdBeforeLookingAtTheValue() {
        assertThat(validator.rejectionReason(null, Double.NaN, "temperature", "celsius"))
                .hasValue("device id is missing or blank");
    }

    @Test
    void onlyChecksFinitenessForAnUnknownSensorType() {
        assertThat(validator.rejectionReason("dev-1", 1e12, "vibration", "mm/s"))
                .isEmpty();
        assertThat(validator.rejectionReason("dev-1", -1e12, null, null)).isEmpty();
        assertThat(validator.rejectionReason("dev-1", Double.NaN, "vibration", "mm/s"))
                .isPresent();
    }

    @Test
    void onlyChecksFinitenessForAUnitTheLimitsHaveNoRangeFor() {
        assertThat(validator.rejectionReason("dev-1", 200.0, "temperature", "fahrenheit"))
                .isEmpty();
    }

    @Test
    void assumesTheUnitOfTheLimitsWhenNoneIsGiven() {
        assertThat(validator.rejectionReason("dev-1", 200.0, "temperature", null))
                .isPresent();
    }

    @Test
    void matchesSensorTypeAndUnitIgnoringCase() {
        assertThat(validator.rejectionReason("dev-1", 200.0, "Temperature", "CELSIUS"))
                .isPresent();
        assertThat(validator.rejectionReason("dev-1", 1200.0, " PRESSURE ", "hpa"))
                .isPresent();
    }

    @Test
    void appliesCustomRanges() {
        ReadingValidation custom =
                new ReadingValidation(new PhysicalLimits(Map.of("vibration", new PlausibleRange(0.0, 50.0, "mm/s"))));

        assertThat(custom.rejectionReason("dev-1", 50.0, "vibration", "mm/s")).isEmpty();
        assertThat(custom.rejectionReason("dev-1", 51.0, "vibration", "mm/s"))
                .hasValue("vibration 51 mm/s is physically impossible, the plausible range is 0..50 mm/s");
        assertThat(custom.rejectionReason("dev-1", 500.0, "temperature", "celsius"))
                .isEmpty();
    }
}
