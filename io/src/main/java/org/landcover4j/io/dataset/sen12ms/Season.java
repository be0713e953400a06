package org.landcover4j.io.dataset.sen12ms;

import java.util.Locale;
import java.util.Optional;

/**
 * The four SEN12MS seasons, each with the fixed random seed that names its folder ({@code ROIs1158_spring}, ...).
 *
 * <p>{@link #groupOffset()} is the offset torchgeo adds to a scene number to make scene ids unique across seasons
 * (winter 0, spring 1000, summer 2000, fall 3000).
 *
 * {@snippet :
 * Season.SUMMER.folderName();   // "ROIs1868_summer"
 * Season.parse("fall");         // Optional[FALL]
 * }
 */
public enum Season {
    /** Spring, {@code ROIs1158_spring}. */
    SPRING(1158, 1000),
    /** Summer, {@code ROIs1868_summer}. */
    SUMMER(1868, 2000),
    /** Fall, {@code ROIs1970_fall}. */
    FALL(1970, 3000),
    /** Winter, {@code ROIs2017_winter}. */
    WINTER(2017, 0);

    private final int seed;
    private final int groupOffset;

    Season(int seed, int groupOffset) {
        this.seed = seed;
        this.groupOffset = groupOffset;
    }

    /** The seed number in the folder name. */
    public int seed() {
        return seed;
    }

    /** The lower-case name used in folder and file names. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** torchgeo's offset for scene ids: winter 0, spring 1000, summer 2000, fall 3000. */
    public int groupOffset() {
        return groupOffset;
    }

    /** The folder name, {@code ROIs<seed>_<season>}. */
    public String folderName() {
        return "ROIs" + seed + "_" + id();
    }

    /** Parses a lower-case season name. */
    public static Optional<Season> parse(String id) {
        for (Season s : values()) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
