package org.landcover4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landcover4j.metrics.Cases.TOL;
import static org.landcover4j.metrics.Cases.close;
import static org.landcover4j.metrics.Cases.doubleMatrix;
import static org.landcover4j.metrics.Cases.doubles;
import static org.landcover4j.metrics.Cases.nanToZero;
import static org.landcover4j.metrics.Cases.num;
import static org.landcover4j.metrics.Cases.startingWith;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code confusion_matrix_cases} entry of ../shared/reference/metrics_cases.json (CM1, CM2, CM4), one test per
 * convention; the test names say which library convention each expected value comes from.
 */
class ConfusionMatrixCasesTest {

    static Stream<Arguments> cases() {
        return Cases.list("confusion_matrix_cases");
    }

    private static ConfusionMatrix matrix(JsonNode c) {
        return ConfusionMatrix.of(Cases.longMatrix(c.get("confusion_matrix")));
    }

    private static JsonNode expected(JsonNode c) {
        return c.get("expected");
    }

    @ParameterizedTest(name = "{0}: n and overall accuracy (rows = reference)")
    @MethodSource("cases")
    void overallAccuracy(String id, JsonNode c) {
        ConfusionMatrix cm = matrix(c);
        assertEquals(expected(c).get("n").asLong(), cm.pixels(), id);
        close(num(expected(c).get("overall_accuracy")), cm.overallAccuracy(), TOL, id + " OA");
    }

    @ParameterizedTest(name = "{0}: per-class TP/FP/FN/support/union/IoU/precision/recall/F1/Dice, 0/0 = NaN")
    @MethodSource("cases")
    void perClass(String id, JsonNode c) {
        ConfusionMatrix cm = matrix(c);
        JsonNode p = expected(c).get("per_class");
        var m = cm.classMetrics();
        close(doubles(p.get("tp")), m.stream().mapToDouble(ClassMetrics::tp).toArray(), TOL, id + " tp");
        close(doubles(p.get("fp")), m.stream().mapToDouble(ClassMetrics::fp).toArray(), TOL, id + " fp");
        close(doubles(p.get("fn")), m.stream().mapToDouble(ClassMetrics::fn).toArray(), TOL, id + " fn");
        close(doubles(p.get("support_reference")), m.stream().mapToDouble(ClassMetrics::support).toArray(), TOL,
                id + " support");
        close(doubles(p.get("predicted_count")), m.stream().mapToDouble(ClassMetrics::predicted).toArray(), TOL,
                id + " predicted");
        close(doubles(p.get("union")), m.stream().mapToDouble(ClassMetrics::union).toArray(), TOL, id + " union");
        close(doubles(p.get("iou")), cm.iou(), TOL, id + " iou");
        close(doubles(p.get("precision")), cm.precision(), TOL, id + " precision");
        close(doubles(p.get("recall")), cm.recall(), TOL, id + " recall");
        close(doubles(p.get("f1")), cm.f1(), TOL, id + " f1");
        close(doubles(p.get("dice")), m.stream().mapToDouble(ClassMetrics::dice).toArray(), TOL, id + " dice");
        close(doubles(p.get("f1")), cm.fBeta(1.0), TOL, id + " f-beta(1) = F1");
        for (ClassMetrics x : m) {
            close(1 - x.precision(), x.commission(), TOL, id + " commission");
            close(1 - x.recall(), x.omission(), TOL, id + " omission");
            assertEquals(cm.total(), x.tp() + x.fp() + x.fn() + x.tn(), id + " tp+fp+fn+tn = N");
        }
    }

    @ParameterizedTest(name = "{0}: mIoU nanmean over present classes (mmseg, torchmetrics macro, sklearn labels=None) = EXCLUDE")
    @MethodSource("cases")
    void miouExclude(String id, JsonNode c) {
        ConfusionMatrix cm = matrix(c);
        JsonNode miou = expected(c).get("miou");
        close(num(startingWith(miou, "present_classes_only")), cm.meanIoU(), TOL, id);
        close(num(startingWith(miou, "present_classes_only")), cm.meanIoU(AbsentClassPolicy.EXCLUDE), TOL, id);
        close(num(expected(c).get("torchmetrics_MulticlassJaccardIndex").get("macro")), cm.meanIoU(), TOL, id);
        close(num(startingWith(expected(c), "mmseg_IoUMetric").get("mIoU")), cm.meanIoU(), TOL, id);
        MacroAverage m = cm.macro(PerClassMetric.IOU, AbsentClassPolicy.EXCLUDE);
        long defined = cm.classMetrics().stream().filter(x -> x.union() > 0).count();
        assertEquals(defined, m.definedClasses(), id + " definedClasses");
        assertEquals(cm.size(), m.classes(), id);
    }

    @ParameterizedTest(name = "{0}: mIoU absent = 0 (sklearn jaccard labels=range(C), zero_division=0; SMP zero_division=0) = ZERO")
    @MethodSource("cases")
    void miouZero(String id, JsonNode c) {
        ConfusionMatrix cm = matrix(c);
        close(num(startingWith(expected(c).get("miou"), "all_classes_absent_as_0")), cm.meanIoU(AbsentClassPolicy.ZERO),
                TOL, id);
        close(num(expected(c).get("smp_iou_score").get("macro (zero_division=0)")),
                cm.meanIoU(AbsentClassPolicy.ZERO), TOL, id);
    }

    @ParameterizedTest(name = "{0}: mIoU absent = 1 (segmentation_models_pytorch default zero_division=1) = ONE")
    @MethodSource("cases")
    void miouOne(String id, JsonNode c) {
        ConfusionMatrix cm = matrix(c);
        close(num(startingWith(expected(c).get("miou"), "all_classes_absent_as_1")), cm.meanIoU(AbsentClassPolicy.ONE),
                TOL, id);
        close(num(expected(c).get("smp_iou_score").get("macro (zero_division=1)")), cm.meanIoU(AbsentClassPolicy.ONE),
                TOL, id);
    }

    @ParameterizedTest(name = "{0}: mIoU policy NAN is NaN exactly when a class is undefined")
    @MethodSource("cases")
    void miouNan(String id, JsonNode c) {
        ConfusionMatrix cm = matrix(c);
        boolean anyUndefined = cm.classMetrics().stream().anyMatch(x -> x.union() == 0);
        assertEquals(anyUndefined, Double.isNaN(cm.meanIoU(AbsentClassPolicy.NAN)), id);
        if (!anyUndefined) {
            close(cm.meanIoU(), cm.meanIoU(AbsentClassPolicy.NAN), TOL, id);
        }
    }

    @ParameterizedTest(name = "{0}: micro IoU (torchmetrics micro, TorchGeo, SMP micro) = OA/(2-OA)")
    @MethodSource("cases")
    void microIoU(String id, JsonNode c) {
        ConfusionMatrix cm = matrix(c);
        JsonNode miou = expected(c).get("miou");
        close(num(startingWith(miou, "micro (")), cm.microIoU(), TOL, id);
        close(num(miou.get("micro_identity_OA_over_2_minus_OA")), cm.microIoU(), TOL, id);
        close(num(expected(c).get("torchmetrics_MulticlassJaccardIndex").get("micro")), cm.microIoU(), TOL, id);
        close(num(expected(c).get("smp_iou_score").get("micro")), cm.microIoU(), TOL, id);
    }

    @ParameterizedTest(name = "{0}: frequency-weighted IoU (torchmetrics average='weighted')")
    @MethodSource("cases")
    void fwIoU(String id, JsonNode c) {
        ConfusionMatrix cm = matrix(c);
        close(num(startingWith(expected(c).get("miou"), "frequency_weighted_FWIoU")), cm.frequencyWeightedIoU(), TOL, id);
        close(num(expected(c).get("torchmetrics_MulticlassJaccardIndex").get("weighted")), cm.frequencyWeightedIoU(),
                TOL, id);
    }

    @ParameterizedTest(name = "{0}: per-class IoU torchmetrics average='none' zero_division=0 = NaN->0")
    @MethodSource("cases")
    void torchmetricsNone(String id, JsonNode c) {
        ConfusionMatrix cm = matrix(c);
        close(doubles(expected(c).get("torchmetrics_MulticlassJaccardIndex").get("none (zero_division=0)")),
                nanToZero(cm.iou()), TOL, id);
    }

    @ParameterizedTest(name = "{0}: macro F1 (sklearn labels=None, torchmetrics macro) = EXCLUDE; labels=range(C) = ZERO")
    @MethodSource("cases")
    void macroF1(String id, JsonNode c) {
        ConfusionMatrix cm = matrix(c);
        JsonNode f = expected(c).get("macro_f1");
        close(num(startingWith(f, "sklearn f1_score average='macro' labels=None")), cm.macroF1(), TOL, id);
        close(num(startingWith(f, "torchmetrics MulticlassF1Score")), cm.macroF1(), TOL, id);
        close(num(startingWith(f, "sklearn f1_score average='macro' labels=range(C)")),
                cm.macro(PerClassMetric.F1, AbsentClassPolicy.ZERO).value(), TOL, id);
    }

    @ParameterizedTest(name = "{0}: micro F1 = OA and support-weighted F1 (sklearn average='weighted')")
    @MethodSource("cases")
    void microAndWeightedF1(String id, JsonNode c) {
        ConfusionMatrix cm = matrix(c);
        JsonNode f = expected(c).get("macro_f1");
        close(num(startingWith(f, "micro_f1")), cm.overallAccuracy(), TOL, id);
        close(num(startingWith(f, "weighted_f1")), cm.weightedF1(), TOL, id);
    }

    @ParameterizedTest(name = "{0}: mmseg IoUMetric aAcc/mIoU/mAcc/mDice/mPrecision/mRecall (nanmean) and per-class arrays")
    @MethodSource("cases")
    void mmseg(String id, JsonNode c) {
        ConfusionMatrix cm = matrix(c);
        JsonNode m = startingWith(expected(c), "mmseg_IoUMetric");
        close(num(m.get("aAcc")), cm.overallAccuracy(), TOL, id + " aAcc");
        close(num(m.get("mIoU")), cm.meanIoU(), TOL, id + " mIoU");
        close(num(m.get("mAcc")), cm.macro(PerClassMetric.RECALL, AbsentClassPolicy.EXCLUDE).value(), TOL, id + " mAcc");
        close(num(m.get("mDice")), cm.macro(PerClassMetric.F1, AbsentClassPolicy.EXCLUDE).value(), TOL, id + " mDice");
        close(num(m.get("mPrecision")), cm.macro(PerClassMetric.PRECISION, AbsentClassPolicy.EXCLUDE).value(), TOL,
                id + " mPrecision");
        close(num(m.get("mRecall")), cm.macro(PerClassMetric.RECALL, AbsentClassPolicy.EXCLUDE).value(), TOL,
                id + " mRecall");
        close(doubles(m.get("per_class_IoU")), cm.iou(), TOL, id + " IoU");
        close(doubles(m.get("per_class_Acc")), cm.recall(), TOL, id + " Acc");
        close(doubles(m.get("per_class_Dice")), cm.f1(), TOL, id + " Dice");
        close(doubles(m.get("per_class_Precision")), cm.precision(), TOL, id + " Precision");
        close(doubles(m.get("per_class_Recall")), cm.recall(), TOL, id + " Recall");
    }

    @ParameterizedTest(name = "{0}: Cohen kappa unweighted/linear/quadratic over positions 0..C-1 (sklearn labels=range(C), torchmetrics)")
    @MethodSource("cases")
    void kappaPositions(String id, JsonNode c) {
        ConfusionMatrix cm = matrix(c);
        JsonNode k = expected(c).get("cohen_kappa");
        String key = "labels=range(C) (positions 0..C-1)";
        close(num(k.get("unweighted").get(key)), cm.kappa(), TOL, id + " unweighted");
        close(num(k.get("unweighted").get(key)), cm.kappa(KappaWeighting.NONE), TOL, id + " unweighted");
        close(num(k.get("linear").get(key)), cm.kappa(KappaWeighting.LINEAR), TOL, id + " linear");
        close(num(k.get("quadratic").get(key)), cm.kappa(KappaWeighting.QUADRATIC), TOL, id + " quadratic");
    }

    @ParameterizedTest(name = "{0}: Cohen kappa sklearn labels=None (present labels re-indexed) = compact()")
    @MethodSource("cases")
    void kappaCompacted(String id, JsonNode c) {
        ConfusionMatrix cm = matrix(c).compact();
        JsonNode k = expected(c).get("cohen_kappa");
        String key = startingWithKey(k.get("unweighted"), "labels=None");
        close(num(k.get("unweighted").get(key)), cm.kappa(), TOL, id + " unweighted");
        close(num(k.get("linear").get(key)), cm.kappa(KappaWeighting.LINEAR), TOL, id + " linear");
        close(num(k.get("quadratic").get(key)), cm.kappa(KappaWeighting.QUADRATIC), TOL, id + " quadratic");
    }

    private static String startingWithKey(JsonNode n, String prefix) {
        var it = n.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (f.startsWith(prefix)) {
                return f;
            }
        }
        throw new AssertionError("no key " + prefix);
    }

    @ParameterizedTest(name = "{0}: MCC multiclass R_K (sklearn; where sklearn returns 0 for 0/0 we return NaN)")
    @MethodSource("cases")
    void mcc(String id, JsonNode c) {
        ConfusionMatrix cm = matrix(c);
        double expected = num(expected(c).get("matthews_corrcoef"));
        double actual = cm.mcc();
        if (Double.isNaN(actual)) {
            // our one 0/0 policy; sklearn substitutes 0.0 (CM4: a single class in both marginals)
            assertEquals(0.0, expected, id + ": NaN here must correspond to sklearn's 0.0 substitution");
            double pred = 0;
            for (int i = 0; i < cm.size(); i++) {
                pred = Math.max(pred, cm.predictedTotal(i));
            }
            assertEquals(cm.total(), pred, id + ": the prediction marginal is on one class");
        } else {
            close(expected, actual, TOL, id);
        }
    }

    @ParameterizedTest(name = "{0}: balanced accuracy (+adjusted, NaN for one class), AA, mean user's accuracy (sklearn)")
    @MethodSource("cases")
    void balancedAccuracy(String id, JsonNode c) {
        ConfusionMatrix cm = matrix(c);
        JsonNode e = expected(c);
        close(num(e.get("balanced_accuracy")), cm.balancedAccuracy(), TOL, id);
        close(num(e.get("balanced_accuracy_adjusted")), cm.balancedAccuracyAdjusted(), TOL, id + " adjusted");
        close(num(startingWith(e, "average_accuracy_AA")), cm.averageAccuracy(), TOL, id + " AA");
        close(num(e.get("mean_users_accuracy_over_predicted_classes")), cm.meanUsersAccuracy(), TOL, id + " mean UA");
    }

    @ParameterizedTest(name = "{0}: Pontius Q/A/E/S on sample proportions (diffeR), per class and totals")
    @MethodSource("cases")
    void pontius(String id, JsonNode c) {
        Pontius p = matrix(c).pontius();
        JsonNode e = expected(c).get("pontius");
        close(num(e.get("total_disagreement")), p.total(), TOL, id + " D");
        close(num(e.get("quantity")), p.quantity(), TOL, id + " Q");
        close(num(e.get("allocation")), p.allocation(), TOL, id + " A");
        close(num(e.get("exchange")), p.exchange(), TOL, id + " E");
        close(num(e.get("shift")), p.shift(), TOL, id + " S");
        close(num(e.get("check_allocation_equals_D_minus_Q")), p.total() - p.quantity(), TOL, id + " D-Q");
        close(doubles(e.get("per_class_quantity")), p.perClassQuantity(), TOL, id + " q");
        close(doubles(e.get("per_class_allocation")), p.perClassAllocation(), TOL, id + " a");
        close(doubles(e.get("per_class_exchange")), p.perClassExchange(), TOL, id + " e");
        close(doubles(e.get("per_class_shift")), p.perClassShift(), TOL, id + " s");
        assertTrue(Math.abs(p.total() - p.quantity() - p.allocation()) < 1e-12, id + " D = Q + A");
    }

    @ParameterizedTest(name = "{0}: normalised matrices true/pred/all (sklearn normalize; its 0/0 -> 0, ours NaN)")
    @MethodSource("cases")
    void normalized(String id, JsonNode c) {
        ConfusionMatrix cm = matrix(c);
        JsonNode e = expected(c).get("normalized_confusion_matrix");
        compareNormalized(doubleMatrix(startingWith(e, "true")), cm.normalized(Normalization.REFERENCE), id + " true");
        compareNormalized(doubleMatrix(startingWith(e, "pred")), cm.normalized(Normalization.PREDICTION), id + " pred");
        compareNormalized(doubleMatrix(e.get("all")), cm.normalized(Normalization.ALL), id + " all");
    }

    private static void compareNormalized(double[][] expected, double[][] actual, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            close(expected[i], nanToZero(actual[i]), TOL, what + " row " + i);
        }
    }
}
