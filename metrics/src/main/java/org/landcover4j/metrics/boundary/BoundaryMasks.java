package org.landcover4j.metrics.boundary;

/**
 * Boundary masks of label maps, in O(pixels) whatever the boundary width.
 *
 * <p>{@link #boundary} follows boundary-iou-api's {@code mask_to_boundary} for every class at once: a pixel of
 * class c is in the boundary B(M_c) = M_c - erode(M_c, 3x3 square, d times) unless every pixel within chessboard
 * distance d is inside the image and of class c (the mask is padded with background, so pixels within d of the
 * image border are boundary). Computed with horizontal, then vertical, run lengths of equal labels.
 */
final class BoundaryMasks {
    private BoundaryMasks() {
    }

    /** Marks boundary pixels (true) of every class at width {@code d >= 1}; {@code out} has h*w entries. */
    static void boundary(int[] labels, int h, int w, int d, boolean[] out) {
        // rowOk[i]: the horizontal window [x-d, x+d] lies inside the row and holds only labels[i]
        boolean[] rowOk = new boolean[h * w];
        for (int y = 0; y < h; y++) {
            int base = y * w;
            int s = 0;
            while (s < w) {
                int v = labels[base + s];
                int e = s;
                while (e + 1 < w && labels[base + e + 1] == v) {
                    e++;
                }
                for (int x = s + d; x <= e - d; x++) {
                    rowOk[base + x] = true;
                }
                s = e + 1;
            }
        }
        // vertical runs of rowOk pixels with equal labels; interior iff the run covers [y-d, y+d]
        for (int i = 0; i < out.length; i++) {
            out[i] = true;
        }
        for (int x = 0; x < w; x++) {
            int y = 0;
            while (y < h) {
                if (!rowOk[y * w + x]) {
                    y++;
                    continue;
                }
                int v = labels[y * w + x];
                int e = y;
                while (e + 1 < h && rowOk[(e + 1) * w + x] && labels[(e + 1) * w + x] == v) {
                    e++;
                }
                for (int yy = y + d; yy <= e - d; yy++) {
                    out[yy * w + x] = false;
                }
                y = e + 1;
            }
        }
    }

    /**
     * Marks contour pixels: pixels with at least one 8-neighbour inside the image of a different label (the image
     * frame is not a contour), the boundary used by the boundary F-score.
     */
    static void contour(int[] labels, int h, int w, boolean[] out) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = labels[y * w + x];
                boolean c = false;
                for (int dy = -1; dy <= 1 && !c; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        if (xx >= 0 && xx < w && labels[yy * w + xx] != v) {
                            c = true;
                            break;
                        }
                    }
                }
                out[y * w + x] = c;
            }
        }
    }
}
