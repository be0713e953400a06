package org.landcover4j.io.dataset.opensentinelmap;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.landcover4j.core.raster.Crs;

/**
 * WGS 84 / UTM projection (Kruger series to third order in the third flattening, accurate to well under a
 * millimetre inside a zone), and the zone of an MGRS tile.
 *
 * <p>Stateless and thread-safe. Angles in degrees, coordinates in metres; southern zones use a false northing of
 * 10,000 km.
 */
final class Utm {
    private static final double A = 6378137.0;
    private static final double F = 1 / 298.257223563;
    private static final double K0 = 0.9996;
    private static final double E0 = 500000.0;
    private static final double N = F / (2 - F);
    private static final double RECT = A / (1 + N) * (1 + N * N / 4 + N * N * N * N / 64);
    private static final double ECC = 2 * StrictMath.sqrt(N) / (1 + N);
    private static final double[] ALPHA = {
        N / 2 - 2 * N * N / 3 + 5 * N * N * N / 16,
        13 * N * N / 48 - 3 * N * N * N / 5,
        61 * N * N * N / 240};
    private static final double[] BETA = {
        N / 2 - 2 * N * N / 3 + 37 * N * N * N / 96,
        N * N / 48 + N * N * N / 15,
        17 * N * N * N / 480};
    private static final double[] DELTA = {
        2 * N - 2 * N * N / 3 - 2 * N * N * N,
        7 * N * N / 3 - 8 * N * N * N / 5,
        56 * N * N * N / 15};
    private static final Pattern MGRS_TILE = Pattern.compile("(\\d{1,2})([C-HJ-NP-X])([A-HJ-NP-Z]{2})");

    private Utm() {
    }

    /** Zone and hemisphere of an MGRS tile such as {@code 43QEU}. */
    record Zone(int number, boolean north) {
        Crs crs() {
            return Crs.utm(number, north);
        }

        double centralMeridian() {
            return -183.0 + 6.0 * number;
        }
    }

    /**
     * The UTM zone of an MGRS tile id: the leading number, north when the latitude band is N or later.
     *
     * @throws IllegalArgumentException for a malformed tile id or a zone outside 1..60
     */
    static Zone zoneOf(String mgrsTile) {
        Matcher m = MGRS_TILE.matcher(mgrsTile.strip().toUpperCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + mgrsTile + "' is not an MGRS tile id (expected like 43QEU)");
        }
        int zone = Integer.parseInt(m.group(1));
        if (zone < 1 || zone > 60) {
            throw new IllegalArgumentException("MGRS tile " + mgrsTile + " names UTM zone " + zone + "; expected 1..60");
        }
        return new Zone(zone, m.group(2).charAt(0) >= 'N');
    }

    /** Projects longitude/latitude (degrees) into the zone: {@code {easting, northing}}. */
    static double[] forward(Zone zone, double lon, double lat) {
        double phi = StrictMath.toRadians(lat);
        double dLon = lon - zone.centralMeridian();
        dLon -= 360 * StrictMath.floor((dLon + 180) / 360);   // into [-180, 180): cells may straddle the antimeridian
        double lam = StrictMath.toRadians(dLon);
        double sinPhi = StrictMath.sin(phi);
        double t = StrictMath.sinh(atanh(sinPhi) - ECC * atanh(ECC * sinPhi));
        double xiP = StrictMath.atan2(t, StrictMath.cos(lam));
        double etaP = atanh(StrictMath.sin(lam) / StrictMath.sqrt(1 + t * t));
        double xi = xiP;
        double eta = etaP;
        for (int j = 1; j <= 3; j++) {
            xi += ALPHA[j - 1] * StrictMath.sin(2 * j * xiP) * StrictMath.cosh(2 * j * etaP);
            eta += ALPHA[j - 1] * StrictMath.cos(2 * j * xiP) * StrictMath.sinh(2 * j * etaP);
        }
        return new double[] {E0 + K0 * RECT * eta, (zone.north() ? 0 : 10_000_000.0) + K0 * RECT * xi};
    }

    /** Unprojects zone coordinates (metres) to {@code {longitude, latitude}} in degrees, longitude in [-180, 180). */
    static double[] inverse(Zone zone, double easting, double northing) {
        double xi = (northing - (zone.north() ? 0 : 10_000_000.0)) / (K0 * RECT);
        double eta = (easting - E0) / (K0 * RECT);
        double xiP = xi;
        double etaP = eta;
        for (int j = 1; j <= 3; j++) {
            xiP -= BETA[j - 1] * StrictMath.sin(2 * j * xi) * StrictMath.cosh(2 * j * eta);
            etaP -= BETA[j - 1] * StrictMath.cos(2 * j * xi) * StrictMath.sinh(2 * j * eta);
        }
        double chi = StrictMath.asin(StrictMath.sin(xiP) / StrictMath.cosh(etaP));
        double phi = chi;
        for (int j = 1; j <= 3; j++) {
            phi += DELTA[j - 1] * StrictMath.sin(2 * j * chi);
        }
        double lam = StrictMath.atan2(StrictMath.sinh(etaP), StrictMath.cos(xiP));
        double lon = zone.centralMeridian() + StrictMath.toDegrees(lam);
        lon -= 360 * StrictMath.floor((lon + 180) / 360);
        return new double[] {lon, StrictMath.toDegrees(phi)};
    }

    private static double atanh(double x) {
        return 0.5 * StrictMath.log((1 + x) / (1 - x));
    }
}
