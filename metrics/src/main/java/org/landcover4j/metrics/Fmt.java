package org.landcover4j.metrics;

import java.util.Locale;

/** Number formatting shared by the toString methods: 4 decimals, integers without decimals, NaN as "NaN". */
final class Fmt {
    private Fmt() {
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String count(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static double ratio(double num, double den) {
        return den == 0 ? Double.NaN : num / den;
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    static String padRight(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
