package dev.streamsuite.simulator.payments;

import java.util.List;
import java.util.Objects;

/**
 * A real city where cards are used, at its centre's coordinates.
 *
 * @param code short id used in merchant ids, e.g. {@code PAR}
 * @param country ISO 3166-1 alpha-2
 * @param currency ISO 4217 code of the local currency
 */
public record City(String code, String name, String country, String currency, double latitude, double longitude) {

    /** Mean Earth radius (IUGG), as fraud-detector's distance uses. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    /** The cities of the simulation; cards live in all of them, most in Europe. */
    public static final List<City> ALL = List.of(
            new City("PAR", "Paris", "FR", "EUR", 48.8566, 2.3522),
            new City("LYS", "Lyon", "FR", "EUR", 45.7640, 4.8357),
            new City("MRS", "Marseille", "FR", "EUR", 43.2965, 5.3698),
            new City("BER", "Berlin", "DE", "EUR", 52.5200, 13.4050),
            new City("MUC", "Munich", "DE", "EUR", 48.1351, 11.5820),
            new City("MAD", "Madrid", "ES", "EUR", 40.4168, -3.7038),
            new City("BCN", "Barcelona", "ES", "EUR", 41.3874, 2.1686),
            new City("ROM", "Rome", "IT", "EUR", 41.9028, 12.4964),
            new City("MIL", "Milan", "IT", "EUR", 45.4642, 9.1900),
            new City("AMS", "Amsterdam", "NL", "EUR", 52.3676, 4.9041),
            new City("BRU", "Brussels", "BE", "EUR", 50.8503, 4.3517),
            new City("LIS", "Lisbon", "PT", "EUR", 38.7223, -9.1393),
            new City("VIE", "Vienna", "AT", "EUR", 48.2082, 16.3738),
            new City("WAW", "Warsaw", "PL", "PLN", 52.2297, 21.0122),
            new City("DUB", "Dublin", "IE", "EUR", 53.3498, -6.2603),
            new City("LON", "London", "GB", "GBP", 51.5074, -0.1278),
            new City("NYC", "New York", "US", "USD", 40.7128, -74.0060),
            new City("SFO", "San Francisco", "US", "USD", 37.7749, -122.4194),
            new City("YTO", "Toronto", "CA", "CAD", 43.6532, -79.3832),
            new City("SAO", "Sao Paulo", "BR", "BRL", -23.5505, -46.6333),
            new City("DXB", "Dubai", "AE", "AED", 25.2048, 55.2708),
            new City("SIN", "Singapore", "SG", "SGD", 1.3521, 103.8198),
            new City("TYO", "Tokyo", "JP", "JPY", 35.6762, 139.6503),
            new City("SYD", "Sydney", "AU", "AUD", -33.8688, 151.2093));

    public City {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(currency, "currency");
    }

    public double distanceKm(City other) {
        return distanceKm(latitude, longitude, other.latitude, other.longitude);
    }

    /** Great-circle distance by the haversine formula, as fraud-detector computes it. */
    public static double distanceKm(double lat1Deg, double lon1Deg, double lat2Deg, double lon2Deg) {
        double lat1 = Math.toRadians(lat1Deg);
        double lat2 = Math.toRadians(lat2Deg);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(lon2Deg - lon1Deg);
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
