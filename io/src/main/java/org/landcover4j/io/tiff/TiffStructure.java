package org.landcover4j.io.tiff;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.WarningListener;
import org.landcover4j.io.DecodeLimits;

/**
 * The directory structure of a TIFF file: the IFD chain (with cycle and overlap detection), the main image and
 * its overviews (reduced-resolution images in the chain, as COGs and GDAL write them, or in SubIFDs).
 */
final class TiffStructure {
    /** The most IFDs followed in one file. */
    static final int MAX_IFDS = 1 << 16;

    final TiffInput in;
    final TiffImage main;
    /** Overviews, largest first. */
    final List<TiffImage> overviews;
    /** Position of each image in the top-level IFD chain (-1 for SubIFDs), for the fallback reader. */
    final Map<TiffImage, Integer> chainIndex;

    private TiffStructure(TiffInput in, TiffImage main, List<TiffImage> overviews, Map<TiffImage, Integer> chainIndex) {
        this.in = in;
        this.main = main;
        this.overviews = overviews;
        this.chainIndex = chainIndex;
    }

    static TiffStructure read(TiffInput in, DecodeLimits limits, WarningListener warnings) throws IOException {
        TreeMap<Long, Long> claimed = new TreeMap<>();
        List<Ifd> chain = walk(in, in.firstIfd, "IFD", claimed, 0);
        if (chain.isEmpty()) {
            throw in.bad("the header points to no IFD (first IFD offset 0)");
        }
        TiffImage main = new TiffImage(chain.get(0), "IFD 0", limits);
        var index = new java.util.IdentityHashMap<TiffImage, Integer>();
        index.put(main, 0);
        List<TiffImage> overviews = new ArrayList<>();
        String source = in.path.toString();
        for (int i = 1; i < chain.size(); i++) {
            TiffImage ov = overview(chain.get(i), "IFD " + i, main, limits, warnings, source);
            if (ov != null) {
                overviews.add(ov);
                index.put(ov, i);
            }
        }
        long[] subs;
        try {
            subs = chain.get(0).longs(TiffTags.SUB_IFDS, 1024);
        } catch (InvalidDataException e) {
            warnings.warning(source, "SubIFDs ignored: " + e.problem());
            subs = null;
        }
        if (subs != null) {
            int k = 0;
            for (long off : subs) {
                for (Ifd sub : walk(in, off, "SubIFD", claimed, chain.size())) {
                    TiffImage ov = overview(sub, "SubIFD " + k++, main, limits, warnings, source);
                    if (ov != null) {
                        overviews.add(ov);
                        index.put(ov, -1);
                    }
                }
            }
        }
        overviews.sort(Comparator.comparingInt((TiffImage t) -> t.width).reversed());
        return new TiffStructure(in, main, List.copyOf(overviews), index);
    }

    private static TiffImage overview(Ifd ifd, String what, TiffImage main, DecodeLimits limits,
                                      WarningListener warnings, String source) throws IOException {
        long type;
        try {
            type = ifd.longValue(TiffTags.NEW_SUBFILE_TYPE, 0);
        } catch (InvalidDataException e) {
            warnings.warning(source, what + " ignored: " + e.problem());
            return null;
        }
        if ((type & 1) == 0 || (type & 4) != 0) {
            return null; // another page, or a transparency mask
        }
        try {
            TiffImage t = new TiffImage(ifd, "overview " + what, limits);
            if (t.isMask()) {
                return null;
            }
            if (t.samplesPerPixel != main.samplesPerPixel || t.dataType != main.dataType) {
                warnings.warning(source, what + " is a reduced-resolution image with " + t.samplesPerPixel + " "
                        + t.dataType + " samples, the main image has " + main.samplesPerPixel + " " + main.dataType
                        + "; not used as an overview");
                return null;
            }
            return t;
        } catch (InvalidDataException e) {
            warnings.warning(source, "overview " + what + " ignored: " + e.problem());
            return null;
        }
    }

    /** Follows a chain of IFDs from {@code first}, refusing cycles and IFDs that overlap one another. */
    private static List<Ifd> walk(TiffInput in, long first, String label, TreeMap<Long, Long> claimed, int already)
            throws IOException {
        List<Ifd> out = new ArrayList<>();
        long off = first;
        while (off != 0) {
            if (claimed.size() >= MAX_IFDS) {
                throw in.bad("more than " + MAX_IFDS + " IFDs");
            }
            String what = label + " " + (out.size() + (label.equals("IFD") ? already : 0));
            if (claimed.containsKey(off)) {
                throw in.bad(what + " at offset " + off + " was already read: the IFD chain is cyclic");
            }
            var before = claimed.floorEntry(off);
            if (before != null && before.getValue() > off) {
                throw in.bad(what + " at offset " + off + " overlaps the IFD at offset " + before.getKey()
                        + ": the IFD chain is cyclic or corrupt");
            }
            Ifd ifd = Ifd.parse(in, off, what);
            long end = off + ifd.length;
            var after = claimed.higherEntry(off);
            if (after != null && after.getKey() < end) {
                throw in.bad(what + " at offset " + off + " (" + ifd.length + " bytes) overlaps the IFD at offset "
                        + after.getKey() + ": the IFD chain is cyclic or corrupt");
            }
            claimed.put(off, end);
            out.add(ifd);
            off = ifd.next;
        }
        return out;
    }
}
