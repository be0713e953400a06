#!/usr/bin/env python3
"""The Python side of the `landcover evaluate` benchmark (BENCHMARKS.md): the same pooled confusion matrix and
metrics with Pillow and numpy.bincount, one process, one thread.

    python3 evaluate_numpy.py REFERENCE_DIR PREDICTION_DIR [--ignore V ...] [--json FILE]

Pairs files by name without extension, reads each PNG with Pillow, counts reference*256 + prediction with
numpy.bincount (reference pixels equal to an ignore value are dropped), pools the 256x256 matrix over all pairs,
and prints pixels, overall accuracy, mean IoU and kappa over the classes present.
"""
import argparse
import json
import os

import numpy as np
from PIL import Image


def pairs(ref_dir, pred_dir):
    def index(d):
        return {os.path.splitext(f)[0]: os.path.join(d, f) for f in sorted(os.listdir(d))}
    r, p = index(ref_dir), index(pred_dir)
    missing = sorted(set(r) ^ set(p))
    if missing:
        raise SystemExit("unmatched: " + ", ".join(missing))
    return [(r[k], p[k]) for k in sorted(r)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("reference")
    ap.add_argument("prediction")
    ap.add_argument("--ignore", type=int, action="append", default=[])
    ap.add_argument("--json")
    a = ap.parse_args()
    counts = np.zeros(256 * 256, dtype=np.int64)
    for rp, pp in pairs(a.reference, a.prediction):
        ref = np.asarray(Image.open(rp))
        pred = np.asarray(Image.open(pp))
        if ref.shape != pred.shape:
            raise SystemExit("%s and %s differ in size" % (rp, pp))
        ref = ref.ravel()
        pred = pred.ravel()
        if a.ignore:
            keep = ~np.isin(ref, a.ignore)
            ref, pred = ref[keep], pred[keep]
        counts += np.bincount(ref.astype(np.int64) * 256 + pred, minlength=256 * 256)
    cm = counts.reshape(256, 256)
    present = np.flatnonzero(cm.sum(0) + cm.sum(1))
    cm = cm[np.ix_(present, present)].astype(np.float64)
    n = cm.sum()
    tp = np.diag(cm)
    rows, cols = cm.sum(1), cm.sum(0)
    oa = tp.sum() / n
    iou = tp / (rows + cols - tp)
    pe = (rows * cols).sum() / n ** 2
    kappa = (oa - pe) / (1 - pe)
    result = {"pixels": int(n), "overall_accuracy": oa, "mean_iou": float(np.nanmean(iou)), "kappa": kappa,
              "confusion_matrix": {"values": present.tolist(), "counts": cm.astype(np.int64).tolist()}}
    if a.json:
        with open(a.json, "w") as f:
            json.dump(result, f)
    print("pixels %d  OA %.6f  mIoU %.6f  kappa %.6f" % (n, oa, result["mean_iou"], kappa))


if __name__ == "__main__":
    main()
