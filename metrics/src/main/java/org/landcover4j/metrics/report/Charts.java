package org.landcover4j.metrics.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.landcover4j.metrics.ConfusionMatrix;
import org.landcover4j.metrics.Normalization;

/** Off-screen java.awt rendering of the report's pictures (works headless). */
final class Charts {
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color MUTED = new Color(0x70, 0x70, 0x70);
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    private static final Color EMPTY = new Color(0xee, 0xee, 0xee);
    private static final Color IOU = new Color(0x2f, 0x6d, 0xb0);
    private static final Color F1 = new Color(0xf0, 0x8a, 0x3c);
    /** ColorBrewer "Blues" stops from 0 to 1. */
    private static final int[] BLUES = {0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5,
        0x08519c, 0x08306b};

    private Charts() {
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        return g;
    }

    static Color ramp(double v) {
        double x = Math.max(0, Math.min(1, v)) * (BLUES.length - 1);
        int i = (int) Math.min(BLUES.length - 2, Math.floor(x));
        double t = x - i;
        int a = BLUES[i];
        int b = BLUES[i + 1];
        return new Color(mix(a >> 16, b >> 16, t), mix(a >> 8, b >> 8, t), mix(a, b, t));
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round((a & 0xFF) * (1 - t) + (b & 0xFF) * t);
    }

    private static String shorten(String s, FontMetrics fm, int max) {
        if (fm.stringWidth(s) <= max) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && fm.stringWidth(t + "…") > max) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static void swatch(Graphics2D g, Integer rgb, int x, int y, int size) {
        if (rgb == null) {
            return;
        }
        g.setColor(new Color(rgb));
        g.fillRect(x, y, size, size);
        g.setColor(MUTED);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, size, size);
    }

    private static String pct(double v, boolean decimals) {
        return String.format(Locale.ROOT, decimals ? "%.1f" : "%.0f", v * 100);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    // ------------------------------------------------------------------------------------------ heat map

    static BufferedImage heatmap(ConfusionMatrix m, List<String> names, List<Integer> colours) {
        int k = m.size();
        int cell = Math.max(16, Math.min(64, 720 / Math.max(1, k)));
        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 15);
        Font cellFont = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, Math.min(13, cell / 3)));
        Font smallFont = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics lfm = pg.getFontMetrics(labelFont);
        int labelW = 0;
        for (String n : names) {
            labelW = Math.max(labelW, Math.min(220, lfm.stringWidth(n)));
        }
        pg.dispose();
        boolean sw = colours != null;
        int swatch = sw ? 12 : 0;
        int gridW = k * cell;
        int left = 24 + 8 + labelW + (sw ? swatch + 6 : 0) + 8;       // axis title, labels, swatches
        int top = 56 + 20 + labelW + (sw ? swatch + 6 : 0) + 8;        // title, axis title, vertical labels
        int totalsW = 90;
        int barW = 70;
        int width = Math.max(left + gridW + totalsW + barW + 10, 420);
        int height = top + gridW + 40;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);
        FontMetrics fm;

        // title
        g.setFont(titleFont);
        g.setColor(INK);
        g.drawString("Confusion matrix, rows normalised (recall)", 12, 22);
        g.setFont(smallFont);
        g.setColor(MUTED);
        boolean emptyRow = false;
        for (int i = 0; i < k; i++) {
            emptyRow |= m.referenceTotal(i) == 0;
        }
        g.drawString(String.format(Locale.ROOT, "%,d pixels   overall accuracy %s   mean IoU %s%s", m.pixels(),
                num(m.overallAccuracy()), num(m.meanIoU()), emptyRow ? "   (–: no reference pixels)" : ""), 12, 40);

        // axis titles
        g.setFont(labelFont.deriveFont(Font.BOLD));
        g.setColor(INK);
        fm = g.getFontMetrics();
        String pred = "Prediction";
        g.drawString(pred, left + (gridW - fm.stringWidth(pred)) / 2, 56 + 14);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        String ref = "Reference";
        g.drawString(ref, -(top + (gridW + fm.stringWidth(ref)) / 2), 20);
        g.setTransform(saved);

        // labels
        g.setFont(labelFont);
        fm = g.getFontMetrics();
        for (int i = 0; i < k; i++) {
            String n = shorten(names.get(i), fm, 220);
            int cy = top + i * cell + cell / 2;
            int x = left - 8 - (sw ? swatch + 6 : 0) - fm.stringWidth(n);
            g.setColor(INK);
            g.drawString(n, x, cy + fm.getAscent() / 2 - 1);
            if (sw) {
                swatch(g, colours.get(i), left - 8 - swatch, cy - swatch / 2, swatch);
            }
            // column label, vertical, reading upwards
            int cx = left + i * cell + cell / 2;
            int base = top - 8 - (sw ? swatch + 6 : 0);
            if (sw) {
                swatch(g, colours.get(i), cx - swatch / 2, top - 8 - swatch, swatch);
            }
            g.setColor(INK);
            AffineTransform t = g.getTransform();
            g.translate(cx + fm.getAscent() / 2 - 1, base);
            g.rotate(-Math.PI / 2);
            g.drawString(n, 0, 0);
            g.setTransform(t);
        }

        // cells
        double[][] norm = m.normalized(Normalization.REFERENCE);
        g.setFont(cellFont);
        fm = g.getFontMetrics();
        boolean text = cell >= 22;
        boolean decimals = cell >= 44;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                int x = left + j * cell;
                int y = top + i * cell;
                double v = norm[i][j];
                g.setColor(Double.isNaN(v) ? EMPTY : ramp(v));
                g.fillRect(x, y, cell, cell);
                if (text) {
                    String s = Double.isNaN(v) ? "–" : m.weight(i, j) == 0 ? "0" : pct(v, decimals);
                    g.setColor(!Double.isNaN(v) && v > 0.55 ? Color.WHITE : INK);
                    g.drawString(s, x + (cell - fm.stringWidth(s)) / 2, y + (cell + fm.getAscent()) / 2 - 2);
                }
            }
        }
        // diagonal outline and grid frame
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.5f));
        for (int i = 0; i < k; i++) {
            g.drawRect(left + i * cell, top + i * cell, cell, cell);
        }
        g.setStroke(new BasicStroke(1f));
        g.setColor(MUTED);
        g.drawRect(left, top, gridW, gridW);

        // row totals
        g.setFont(smallFont);
        fm = g.getFontMetrics();
        g.setColor(MUTED);
        g.drawString("reference", left + gridW + 8, top - 6);
        for (int i = 0; i < k; i++) {
            String s = String.format(Locale.ROOT, "%,.0f", m.referenceTotal(i));
            g.drawString(s, left + gridW + 8, top + i * cell + (cell + fm.getAscent()) / 2 - 2);
        }

        // colour bar
        int bx = left + gridW + totalsW;
        int bh = Math.max(100, Math.min(gridW, 240));
        for (int y = 0; y < bh; y++) {
            g.setColor(ramp(1 - (double) y / (bh - 1)));
            g.fillRect(bx, top + y, 14, 1);
        }
        g.setColor(MUTED);
        g.drawRect(bx, top, 14, bh);
        for (int p = 0; p <= 100; p += 25) {
            int y = top + (int) Math.round((1 - p / 100.0) * (bh - 1));
            g.drawLine(bx + 14, y, bx + 18, y);
            g.drawString(p + "%", bx + 21, y + fm.getAscent() / 2 - 1);
        }
        g.dispose();
        return img;
    }

    // ----------------------------------------------------------------------------------------- bar chart

    static BufferedImage barChart(ConfusionMatrix m, List<String> names, List<Integer> colours) {
        int k = m.size();
        int group = Math.max(28, Math.min(72, 900 / Math.max(1, k)));
        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 15);
        Font smallFont = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics lfm = pg.getFontMetrics(labelFont);
        int labelW = 0;
        for (String n : names) {
            labelW = Math.max(labelW, Math.min(180, lfm.stringWidth(n)));
        }
        pg.dispose();
        boolean rotate = labelW > group - 6;
        int left = 56;
        int top = 64;
        int plotH = 260;
        int plotW = k * group;
        int bottom = (rotate ? (int) Math.ceil(labelW * 0.71) + 20 : 24) + (colours != null ? 18 : 0) + 10;
        int width = Math.max(left + plotW + 24, 460);
        int height = top + plotH + bottom;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);

        g.setFont(titleFont);
        g.setColor(INK);
        g.drawString("Per-class IoU and F1", 12, 22);
        g.setFont(smallFont);
        g.setColor(MUTED);
        g.drawString(String.format(Locale.ROOT, "mean IoU %s   macro F1 %s   (n/a: class absent from both maps)",
                num(m.meanIoU()), num(m.macroF1())), 12, 40);
        // legend
        int lx = width - 150;
        g.setColor(IOU);
        g.fillRect(lx, 12, 12, 12);
        g.setColor(F1);
        g.fillRect(lx + 70, 12, 12, 12);
        g.setColor(INK);
        g.drawString("IoU", lx + 16, 22);
        g.drawString("F1", lx + 86, 22);

        // axes and grid
        FontMetrics fm = g.getFontMetrics();
        for (int t = 0; t <= 10; t += 2) {
            int y = top + plotH - (int) Math.round(plotH * t / 10.0);
            g.setColor(t == 0 ? MUTED : GRID);
            g.drawLine(left, y, left + plotW, y);
            g.setColor(MUTED);
            String s = String.format(Locale.ROOT, "%.1f", t / 10.0);
            g.drawString(s, left - 8 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
        }
        int bar = Math.max(6, (group - 10) / 2);
        g.setFont(labelFont);
        fm = g.getFontMetrics();
        for (int i = 0; i < k; i++) {
            var c = m.classMetrics(i);
            int gx = left + i * group + (group - 2 * bar) / 2;
            drawBar(g, gx, top, plotH, bar, c.iou(), IOU, smallFont);
            drawBar(g, gx + bar, top, plotH, bar, c.f1(), F1, smallFont);
            int cx = left + i * group + group / 2;
            int ly = top + plotH + 6;
            if (colours != null) {
                swatch(g, colours.get(i), cx - 6, ly, 12);
                ly += 18;
            }
            g.setColor(INK);
            String n = shorten(names.get(i), fm, 180);
            if (rotate) {
                AffineTransform t = g.getTransform();
                g.translate(cx + 3, ly + 4);
                g.rotate(-Math.PI / 4);
                g.drawString(n, -fm.stringWidth(n), 0);
                g.setTransform(t);
            } else {
                g.drawString(n, cx - fm.stringWidth(n) / 2, ly + fm.getAscent());
            }
        }
        g.dispose();
        return img;
    }

    private static void drawBar(Graphics2D g, int x, int top, int plotH, int w, double v, Color c, Font font) {
        if (Double.isNaN(v)) {
            g.setColor(MUTED);
            g.setFont(font);
            AffineTransform t = g.getTransform();
            g.translate(x + w / 2 + 4, top + plotH - 4);
            g.rotate(-Math.PI / 2);
            g.drawString("n/a", 0, 0);
            g.setTransform(t);
            return;
        }
        int h = (int) Math.round(plotH * Math.max(0, Math.min(1, v)));
        g.setColor(c);
        g.fillRect(x, top + plotH - h, w - 1, h);
        g.setFont(font.deriveFont(10f));
        FontMetrics fm = g.getFontMetrics();
        String s = v == 0 ? "0" : v >= 0.995 ? "1" : String.format(Locale.ROOT, "%.2f", v).substring(1);   // ".73"
        if (v == 0 || fm.stringWidth(s) <= w - 1) {
            g.setColor(MUTED);
            g.drawString(s, x + (w - 1 - fm.stringWidth(s)) / 2, top + plotH - h - 3);
        }
    }
}
