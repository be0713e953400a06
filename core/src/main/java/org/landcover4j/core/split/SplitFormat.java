package org.landcover4j.core.split;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.landcover4j.core.dataset.Split;

/**
 * The split-file formats {@link SplitFiles} writes: each dataset's own, and a neutral CSV.
 *
 * <table>
 *   <caption>Files and lines per format</caption>
 *   <tr><th>format</th><th>files</th><th>one line per sample</th></tr>
 *   <tr><td>{@link #CSV}</td><td>{@code split.csv}</td><td>header {@code id,split}, then {@code <id>,<train|val|test>}
 *       (RFC 4180 quoting where needed)</td></tr>
 *   <tr><td>{@link #OPENEARTHMAP}</td><td>{@code train.txt}, {@code val.txt}, {@code test.txt}</td>
 *       <td>the image file name with {@code .tif}: {@code aachen_42.tif}</td></tr>
 *   <tr><td>{@link #GLOBE230K}</td><td>{@code train_num.txt}, {@code val_num.txt}, {@code test_num.txt}</td>
 *       <td>the bare name, no extension: {@code data_3}</td></tr>
 *   <tr><td>{@link #SEN12MS}</td><td>{@code train_list.txt}, {@code test_list.txt}, and {@code val_list.txt} when
 *       val is not empty (the official release has no val list)</td>
 *       <td>the S2 file name of the triplet: {@code ROIs1158_spring_s2_124_p100.tif}</td></tr>
 *   <tr><td>{@link #OPENSENTINELMAP}</td><td>{@code spatial_cell_split.csv}</td>
 *       <td>header {@code cell_id,split}, then {@code <cell>,<training|validation|testing>} (the names of
 *       {@code spatial_cell_info.csv}'s {@code split} column)</td></tr>
 * </table>
 * A directory part of an id is dropped in the dataset formats (their lists hold file names); SEN12MS ids may name
 * any sensor ({@code _s1_}, {@code _s2_}, {@code _lc_}) or none ({@code ROIs1158_spring_124_p100}).
 * Lines end with {@code \n}; files are UTF-8.
 *
 * {@snippet :
 * SplitFormat.parse("openearthmap");                  // OPENEARTHMAP
 * SplitFormat.SEN12MS.line("ROIs1158_spring_lc_124_p100");  // "ROIs1158_spring_s2_124_p100.tif"
 * }
 */
public enum SplitFormat {
    /** Neutral {@code split.csv} with columns {@code id,split}. */
    CSV,
    /** OpenEarthMap's {@code train.txt}/{@code val.txt}/{@code test.txt} of {@code .tif} file names. */
    OPENEARTHMAP,
    /** Globe230k's {@code train_num.txt}/{@code val_num.txt}/{@code test_num.txt} of bare names. */
    GLOBE230K,
    /** SEN12MS's {@code train_list.txt}/{@code test_list.txt} of S2 file names. */
    SEN12MS,
    /** OpenSentinelMap-style {@code spatial_cell_split.csv} with a {@code split} column. */
    OPENSENTINELMAP;

    private static final Pattern SEN12MS_ID = Pattern.compile(
            "(ROIs\\d{4}_(?:spring|summer|fall|winter))_(?:(?:s1|s2|lc)_)?(\\d+)_p(\\d+)(?:\\.tif)?");

    /** The lower-case id used on the command line ({@code csv}, {@code openearthmap}, ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an id as returned by {@link #id()}, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and listing the formats when it is unknown
     */
    public static SplitFormat parse(String id) {
        for (SplitFormat f : values()) {
            if (f.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown split format '" + id
                + "'; expected csv, openearthmap, globe230k, sen12ms or opensentinelmap");
    }

    /** Whether the format is one file of rows with a split column (rather than one list file per split). */
    public boolean isTable() {
        return this == CSV || this == OPENSENTINELMAP;
    }

    /** The file of a table format, or of {@code split}'s list. */
    public String fileName(Split split) {
        return switch (this) {
            case CSV -> "split.csv";
            case OPENSENTINELMAP -> "spatial_cell_split.csv";
            case OPENEARTHMAP -> split.id() + ".txt";
            case GLOBE230K -> split.id() + "_num.txt";
            case SEN12MS -> split.id() + "_list.txt";
        };
    }

    /** The header line of a table format, or null. */
    String header() {
        return switch (this) {
            case CSV -> "id,split";
            case OPENSENTINELMAP -> "cell_id,split";
            default -> null;
        };
    }

    /** The split files this format writes for an assignment with {@code valCount} val samples. */
    List<Split> listedSplits(int valCount) {
        return this == SEN12MS && valCount == 0 ? List.of(Split.TRAIN, Split.TEST) : List.of(Split.values());
    }

    /**
     * The line written for sample {@code id} in a list format (the first column in a table format).
     *
     * @throws IllegalArgumentException naming the id when it does not fit the format (SEN12MS names)
     */
    public String line(String id) {
        return switch (this) {
            case CSV -> csv(id);
            case OPENSENTINELMAP -> csv(fileName(id));
            case OPENEARTHMAP -> {
                String name = fileName(id);
                yield name.endsWith(".tif") ? name : name + ".tif";
            }
            case GLOBE230K -> {
                String name = fileName(id);
                for (String ext : new String[] {".jpg", ".png", ".tif"}) {
                    if (name.endsWith(ext)) {
                        yield name.substring(0, name.length() - ext.length());
                    }
                }
                yield name;
            }
            case SEN12MS -> {
                Matcher m = SEN12MS_ID.matcher(fileName(id));
                if (!m.matches()) {
                    throw new IllegalArgumentException("sample id '" + id + "' is not a SEN12MS patch name like "
                            + "ROIs1158_spring_s2_124_p100");
                }
                yield m.group(1) + "_s2_" + m.group(2) + "_p" + m.group(3) + ".tif";
            }
        };
    }

    /** The split column value of a table format. */
    String splitName(Split s) {
        if (this == OPENSENTINELMAP) {
            return switch (s) {
                case TRAIN -> "training";
                case VAL -> "validation";
                case TEST -> "testing";
            };
        }
        return s.id();
    }

    private static String fileName(String id) {
        return id.substring(Math.max(id.lastIndexOf('/'), id.lastIndexOf('\\')) + 1);
    }

    private static String csv(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
