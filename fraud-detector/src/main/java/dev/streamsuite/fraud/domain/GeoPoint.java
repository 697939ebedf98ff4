package dev.streamsuite.fraud.domain;

/**
 * A point on the Earth in decimal degrees (WGS84).
 *
 * @param latitude -90..90
 * @param longitude -180..180
 */
public record GeoPoint(double latitude, double longitude) {

    /** Mean Earth radius (IUGG), the usual choice for a spherical approximation. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoPoint {
        if (!(latitude >= -90.0 && latitude <= 90.0)) {
            throw new IllegalArgumentException("latitude must be within -90..90, was " + latitude);
        }
        if (!(longitude >= -180.0 && longitude <= 180.0)) {
            throw new IllegalArgumentException("longitude must be within -180..180, was " + longitude);
        }
    }

    /**
     * Great-circle distance by the haversine formula. A sphere is off by up to about 0.5% against the ellipsoid,
     * which is far below what the fraud rules can tell apart.
     */
    public static double distanceKm(GeoPoint a, GeoPoint b) {
        double lat1 = Math.toRadians(a.latitude);
        double lat2 = Math.toRadians(b.latitude);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude - a.longitude);
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        // Rounding can push h a hair above 1 for antipodal points, and asin would then return NaN.
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
