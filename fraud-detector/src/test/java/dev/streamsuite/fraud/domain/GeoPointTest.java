package dev.streamsuite.fraud.domain;

import static dev.streamsuite.fraud.domain.Payments.LONDON;
import static dev.streamsuite.fraud.domain.Payments.PARIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoPointTest {

    @Test
    void parisToLondonIsAbout343AndAHalfKilometres() {
        assertThat(GeoPoint.distanceKm(PARIS, LONDON)).isCloseTo(343.5, within(1.0));
    }

    @Test
    void distanceIsSymmetric() {
        assertThat(GeoPoint.distanceKm(LONDON, PARIS)).isEqualTo(GeoPoint.distanceKm(PARIS, LONDON));
    }

    @Test
    void samePointIsZeroApart() {
        assertThat(GeoPoint.distanceKm(PARIS, new GeoPoint(48.8566, 2.3522))).isZero();
    }

    @Test
    void quarterOfTheEquatorIsAQuarterOfTheCircumference() {
        double distance = GeoPoint.distanceKm(new GeoPoint(0, 0), new GeoPoint(0, 90));

        assertThat(distance).isCloseTo(Math.PI * GeoPoint.EARTH_RADIUS_KM / 2, within(1e-6));
    }

    @Test
    void antipodesAreHalfTheCircumferenceApartAndNotNaN() {
        double distance = GeoPoint.distanceKm(new GeoPoint(90, 0), new GeoPoint(-90, 0));

        assertThat(distance).isCloseTo(Math.PI * GeoPoint.EARTH_RADIUS_KM, within(1e-6));
    }

    @Test
    void acrossTheAntimeridianIsShort() {
        double distance = GeoPoint.distanceKm(new GeoPoint(0, 179.5), new GeoPoint(0, -179.5));

        assertThat(distance).isCloseTo(Math.toRadians(1) * GeoPoint.EARTH_RADIUS_KM, within(1e-6));
    }

    @Test
    void acceptsTheExtremeCoordinates() {
        assertThatCode(() -> new GeoPoint(-90, -180)).doesNotThrowAnyException();
        assertThatCode(() -> new GeoPoint(90, 180)).doesNotThrowAnyException();
    }

    @Test
    void rejectsCoordinatesOutOfRange() {
        assertThatThrownBy(() -> new GeoPoint(90.0001, 0)).hasMessageContaining("latitude");
        assertThatThrownBy(() -> new GeoPoint(0, -180.0001)).hasMessageContaining("longitude");
        assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).hasMessageContaining("latitude");
        assertThatThrownBy(() -> new GeoPoint(0, Double.NaN)).hasMessageContaining("longitude");
    }
}
