package org.landcover4j.core.split;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Group keys for {@link GroupedSplit}, derived from the sample ids the datasets use, or looked up in a map.
 *
 * <p>Each key function throws an {@link IllegalArgumentException} naming the id when the id does not have the
 * expected form, so a wrong key for a dataset fails loudly instead of putting every sample in one group.
 * A directory part and a file extension in the id are ignored.
 * <table>
 *   <caption>Named group keys</caption>
 *   <tr><th>name</th><th>dataset</th><th>id</th><th>key</th></tr>
 *   <tr><td>{@code region}</td><td>OpenEarthMap</td><td>{@code kujawsko-pomorskie_3.tif}</td>
 *       <td>{@code kujawsko-pomorskie} (the stem up to the last {@code _})</td></tr>
 *   <tr><td>{@code scene}</td><td>SEN12MS</td><td>{@code ROIs1158_spring_s2_124_p100}</td>
 *       <td>{@code ROIs1158_spring_124} (season and scene; scene numbers repeat across seasons)</td></tr>
 *   <tr><td>{@code season}</td><td>SEN12MS</td><td>{@code ROIs1158_spring_s2_124_p100}</td><td>{@code spring}</td></tr>
 *   <tr><td>{@code tile} (or {@code mgrs})</td><td>LandCoverNet, OpenSentinelMap</td>
 *       <td>{@code 28QDE_00}, {@code ref_landcovernet_af_v1_labels_28QDE_00}, {@code 43QEU/82543044}</td>
 *       <td>{@code 28QDE}, {@code 43QEU} (the MGRS tile)</td></tr>
 * </table>
 * OpenSentinelMap cell ids alone do not name their MGRS tile (it is a column of {@code spatial_cell_info.csv}):
 * use ids of the form {@code <tile>/<cell>} or {@link #fromMap(Map)}.
 *
 * <p>The functions are stateless and thread-safe.
 *
 * {@snippet :
 * GroupKeys.named("region").apply("buenos_aires_7.tif");   // "buenos_aires"
 * GroupKeys.sen12msScene().apply("ROIs1970_fall_lc_35_p12"); // "ROIs1970_fall_35"
 * GroupKeys.fromMap(Map.of("82543044", "43QEU")).apply("82543044");  // "43QEU"
 * }
 */
public final class GroupKeys {
    private static final Pattern MGRS = Pattern.compile("(?<![0-9A-Za-z])(\\d{2}[A-Z]{3})(?=[_/])");
    private static final String KNOWN = "region (OpenEarthMap), scene (SEN12MS), season (SEN12MS), "
            + "tile or mgrs (LandCoverNet, OpenSentinelMap)";

    private GroupKeys() {
    }

    /**
     * The named key function: {@code region}, {@code scene}, {@code season}, {@code tile} or {@code mgrs}
     * (case-insensitive).
     *
     * @throws IllegalArgumentException naming the value and listing the known keys when the name is unknown
     */
    public static Function<String, String> named(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "region" -> openEarthMapRegion();
            case "scene" -> sen12msScene();
            case "season" -> sen12msSeason();
            case "tile", "mgrs" -> mgrsTile();
            default -> throw new IllegalArgumentException("unknown group key '" + name + "'; known: " + KNOWN);
        };
    }

    /** OpenEarthMap region: the file stem up to its last {@code _} ({@code les_cayes_12} to {@code les_cayes}). */
    public static Function<String, String> openEarthMapRegion() {
        return id -> {
            String stem = stem(id);
            int u = stem.lastIndexOf('_');
            if (u <= 0 || u == stem.length() - 1) {
                throw new IllegalArgumentException("cannot derive an OpenEarthMap region from sample id '" + id
                        + "': expected <region>_<number>");
            }
            return stem.substring(0, u);
        };
    }

    /** SEN12MS scene: season folder and scene number, {@code ROIs1158_spring_124}. */
    public static Function<String, String> sen12msScene() {
        return id -> {
            int[] at = sen12ms(id);
            return new StringBuilder(at[1] - at[0] + 1 + at[3] - at[2])
                    .append(id, at[0], at[1]).append('_').append(id, at[2], at[3]).toString();
        };
    }

    /** SEN12MS season: {@code spring}, {@code summer}, {@code fall} or {@code winter}. */
    public static Function<String, String> sen12msSeason() {
        return id -> {
            int[] at = sen12ms(id);
            return id.substring(at[0] + 9, at[1]);
        };
    }

    /** The MGRS tile named in a LandCoverNet chip id or an OpenSentinelMap {@code <tile>/<cell>} id. */
    public static Function<String, String> mgrsTile() {
        return id -> {
            Matcher m = MGRS.matcher(Objects.requireNonNull(id, "id"));
            if (!m.find()) {
                throw new IllegalArgumentException("sample id '" + id + "' names no MGRS tile (expected e.g. 28QDE_00 "
                        + "or 43QEU/82543044); for OpenSentinelMap cell ids use GroupKeys.fromMap");
            }
            return m.group(1);
        };
    }

    /**
     * Looks the key up in {@code keyById} (for example OpenSentinelMap's {@code cell_id -> MGRS_tile}). The map is
     * copied.
     *
     * @return a function that throws an {@link IllegalArgumentException} naming the id when it has no key
     */
    public static Function<String, String> fromMap(Map<String, String> keyById) {
        Map<String, String> copy = Map.copyOf(keyById);
        return id -> {
            String k = copy.get(Objects.requireNonNull(id, "id"));
            if (k == null) {
                throw new IllegalArgumentException("no group key for sample '" + id + "' (" + copy.size()
                        + " samples have one)");
            }
            return k;
        };
    }

    /**
     * Finds a SEN12MS name in {@code id}, either the whole id (less {@code .tif}) or its last path segment:
     * {@code ROIs<4 digits>_<season>} then {@code _} or {@code /}, an optional sensor {@code s1_}, {@code s2_} or
     * {@code lc_}, the scene number and an optional {@code _p<patch>}. Hand-written rather than a regular
     * expression because it runs once per sample (a million times for SEN12MS).
     *
     * @return {start of "ROIs", end of the season, start and end of the scene number}
     */
    private static int[] sen12ms(String id) {
        Objects.requireNonNull(id, "id");
        int end = id.endsWith(".tif") ? id.length() - 4 : id.length();
        int[] at = parseSen12ms(id, 0, end);
        if (at == null) {
            int slash = Math.max(id.lastIndexOf('/'), id.lastIndexOf('\\')) + 1;
            at = slash > 0 ? parseSen12ms(id, slash, end) : null;
        }
        if (at == null) {
            throw new IllegalArgumentException("sample id '" + id + "' is not a SEN12MS name like "
                    + "ROIs1158_spring_s2_124_p100 or ROIs1158_spring/s1_63");
        }
        return at;
    }

    private static final String[] SEASONS = {"spring", "summer", "fall", "winter"};

    private static int[] parseSen12ms(String s, int from, int to) {
        int p = from;
        if (!s.startsWith("ROIs", p) || p + 9 > to || s.charAt(p + 8) != '_') {
            return null;
        }
        for (int i = p + 4; i < p + 8; i++) {
            if (!isDigit(s.charAt(i))) {
                return null;
            }
        }
        p += 9;
        int seasonEnd = -1;
        for (String season : SEASONS) {
            if (s.startsWith(season, p) && p + season.length() <= to) {
                seasonEnd = p + season.length();
            }
        }
        if (seasonEnd < 0 || seasonEnd >= to || s.charAt(seasonEnd) != '_' && s.charAt(seasonEnd) != '/') {
            return null;
        }
        p = seasonEnd + 1;
        if (p + 3 <= to && (s.startsWith("s1_", p) || s.startsWith("s2_", p) || s.startsWith("lc_", p))) {
            p += 3;
        }
        int sceneStart = p;
        while (p < to && isDigit(s.charAt(p))) {
            p++;
        }
        int sceneEnd = p;
        if (sceneEnd == sceneStart) {
            return null;
        }
        if (p < to) {
            if (!s.startsWith("_p", p)) {
                return null;
            }
            p += 2;
            int patchStart = p;
            while (p < to && isDigit(s.charAt(p))) {
                p++;
            }
            if (p == patchStart || p != to) {
                return null;
            }
        }
        return new int[] {from, seasonEnd, sceneStart, sceneEnd};
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The last path segment without its extension. */
    private static String stem(String id) {
        Objects.requireNonNull(id, "id");
        String name = id.substring(Math.max(id.lastIndexOf('/'), id.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
