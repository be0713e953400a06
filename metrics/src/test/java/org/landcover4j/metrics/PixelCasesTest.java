package org.landcover4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landcover4j.metrics.Cases.TOL;
import static org.landcover4j.metrics.Cases.close;
import static org.landcover4j.metrics.Cases.doubles;
import static org.landcover4j.metrics.Cases.num;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.RasterMetadata;

/** Every {@code pixel_cases} entry (PIX1): raw label maps through the accumulator, dataset vs per-image means. */
class PixelCasesTest {

    static Stream<Arguments> cases() {
        return Cases.list("pixel_cases");
    }

    private static byte[] flat(JsonNode rows) {
        int[][] m = Cases.intMatrix(rows);
        int w = m[0].length;
        byte[] out = new byte[m.length * w];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < w; c++) {
                out[r * w + c] = (byte) m[r][c];
            }
        }
        return out;
    }

    private static ByteRaster raster(JsonNode rows) {
        return ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, rows.size(), rows.get(0).size()), flat(rows));
    }

    private static int[] classes(JsonNode c) {
        int k = c.get("num_classes").asInt();
        int[] v = new int[k];
        for (int i = 0; i < k; i++) {
            v[i] = i;
        }
        return v;
    }

    private static List<ConfusionMatrix> perImage(JsonNode c) {
        List<ConfusionMatrix> out = new ArrayList<>();
        for (JsonNode img : c.get("images")) {
            var acc = ConfusionAccumulator.builder().classes(classes(c)).ignore(c.get("ignore_index").asInt()).build();
            acc.add(raster(img.get("gt")), raster(img.get("pred")));
            out.add(acc.result());
        }
        return out;
    }

    private static ConfusionMatrix dataset(JsonNode c) {
        var acc = ConfusionAccumulator.builder().classes(classes(c)).ignore(c.get("ignore_index").asInt()).build();
        for (JsonNode img : c.get("images")) {
            acc.add(raster(img.get("gt")), raster(img.get("pred")));
        }
        return acc.result();
    }

    @ParameterizedTest(name = "{0}: per-image and pooled matrices, GT==ignore_index dropped from both sides (mmseg, torchmetrics)")
    @MethodSource("cases")
    void matrices(String id, JsonNode c) {
        JsonNode e = c.get("expected");
        List<ConfusionMatrix> images = perImage(c);
        for (int i = 0; i < images.size(); i++) {
            assertArrayEquals(Cases.longMatrix(e.get("confusion_matrix_image" + (i + 1))), images.get(i).counts(),
                    id + " image " + (i + 1));
        }
        ConfusionMatrix d = dataset(c);
        assertArrayEquals(Cases.longMatrix(e.get("confusion_matrix_dataset")), d.counts(), id + " dataset");
        assertEquals(e.get("n_valid_pixels").asLong(), d.pixels(), id + " valid");
        assertEquals(e.get("n_ignored_pixels").asLong(), d.ignoredPixels(), id + " ignored");
        assertTrue(d.outOfRange().isEmpty(), id);
        ConfusionMatrix merged = images.get(0);
        for (int i = 1; i < images.size(); i++) {
            merged = merged.merge(images.get(i));
        }
        assertEquals(d, merged, id + ": merged per-image matrices equal the pooled one");
    }

    @ParameterizedTest(name = "{0}: dataset-level OA, per-class IoU/F1, mIoU, macro F1, kappa (mmseg IoUMetric, torchmetrics)")
    @MethodSource("cases")
    void datasetLevel(String id, JsonNode c) {
        JsonNode e = c.get("expected");
        ConfusionMatrix d = dataset(c);
        close(num(e.get("overall_accuracy")), d.overallAccuracy(), TOL, id + " OA");
        close(doubles(e.get("per_class_iou_dataset")), d.iou(), TOL, id + " IoU");
        close(num(e.get("miou_dataset")), d.meanIoU(), TOL, id + " mIoU");
        close(doubles(e.get("per_class_f1_dataset")), d.f1(), TOL, id + " F1");
        close(num(e.get("macro_f1_dataset")), d.macroF1(), TOL, id + " macro F1");
        close(num(e.get("cohen_kappa_dataset")), d.kappa(), TOL, id + " kappa");
        JsonNode m = e.get("mmseg");
        close(num(m.get("aAcc")), d.overallAccuracy(), TOL, id + " aAcc");
        close(num(m.get("mIoU")), d.meanIoU(), TOL, id + " mmseg mIoU");
        close(num(m.get("mAcc")), d.macro(PerClassMetric.RECALL, AbsentClassPolicy.EXCLUDE).value(), TOL, id + " mAcc");
        close(num(m.get("mDice")), d.macroF1(), TOL, id + " mDice");
    }

    @ParameterizedTest(name = "{0}: per-image IoU (union 0 -> NaN) and mean of per-image mIoU")
    @MethodSource("cases")
    void perImageMeans(String id, JsonNode c) {
        JsonNode e = c.get("expected");
        List<ConfusionMatrix> images = perImage(c);
        PerImageAccumulator acc = PerImageAccumulator.forClasses(classes(c));
        for (int i = 0; i < images.size(); i++) {
            close(doubles(e.get("per_image_iou").get(i)), images.get(i).iou(), TOL, id + " image " + i);
            close(num(e.get("per_image_miou").get(i)), images.get(i).meanIoU(), TOL, id + " image mIoU " + i);
            acc.add(images.get(i));
        }
        close(num(e.get("mean_of_per_image_miou")), acc.meanOfImageMeanIoU(), TOL, id);
        assertEquals(images.size(), acc.images());
    }

    @ParameterizedTest(name = "{0}: torchmetrics segmentation.MeanIoU per_class=True/False (mean over valid image-class pairs)")
    @MethodSource("cases")
    void torchmetricsMeanIoU(String id, JsonNode c) {
        JsonNode t = c.get("expected").get("torchmetrics_segmentation_MeanIoU");
        List<ConfusionMatrix> images = perImage(c);
        PerImageAccumulator a = PerImageAccumulator.forClasses(classes(c));
        PerImageAccumulator b = PerImageAccumulator.forClasses(classes(c));
        a.add(images.get(0));
        for (int i = 1; i < images.size(); i++) {
            b.add(images.get(i));
        }
        a.merge(b);
        close(doubles(t.get("per_class_True")), a.perClassMeanIoU(), TOL, id + " per class");
        close(num(t.get("per_class_False")), a.meanIoUOverImageClassPairs(), TOL, id + " pairs");
    }

    @ParameterizedTest(name = "{0}: in-range ignore_index=0 (torchmetrics: target 0 removed, predicted 0 still FP)")
    @MethodSource("cases")
    void inRangeIgnore(String id, JsonNode c) {
        JsonNode v = c.get("expected").get("in_range_ignore_index_variant");
        var acc = ConfusionAccumulator.builder().classes(classes(c)).ignore(0).build();
        for (JsonNode img : c.get("images")) {
            byte[] gt = flat(img.get("gt"));
            for (int i = 0; i < gt.length; i++) {
                if ((gt[i] & 0xFF) == 255) {
                    gt[i] = 0;
                }
            }
            acc.add(gt, flat(img.get("pred")));
        }
        ConfusionMatrix m = acc.result();
        assertArrayEquals(Cases.longMatrix(v.get("confusion_matrix_after_removing_target0")), m.counts(), id);
        JsonNode tm = v.get("torchmetrics");
        close(doubles(tm.get("none")), m.iou(), TOL, id + " none");
        // torchmetrics macro gives the ignore_index class weight 0: the mean of the other classes' IoU
        double[] iou = m.iou();
        close(num(tm.get("macro")), (iou[1] + iou[2]) / 2, TOL, id + " macro without the ignored class");
        // micro subtracts the ignored class's denominator
        var c1 = m.classMetrics(1);
        var c2 = m.classMetrics(2);
        close(num(tm.get("micro")), (c1.tp() + c2.tp()) / (c1.union() + c2.union()), TOL, id + " micro");
        JsonNode mm = v.get("mmseg_if_reduce_zero_label_style_but_class0_kept");
        close(num(mm.get("mIoU")), m.meanIoU(), TOL, id + " class 0 kept: IoU 0 averaged in");
        close(doubles(mm.get("per_class_IoU")), m.iou(), TOL, id);
    }
}
