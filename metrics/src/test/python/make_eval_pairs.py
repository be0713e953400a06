#!/usr/bin/env python3
"""Writes N pairs of 512x512 uint8 PNG label maps for the `landcover evaluate` benchmark (BENCHMARKS.md).

    python3 make_eval_pairs.py OUT_DIR [N=2000] [SEED=7]

OUT_DIR/reference/tile_00000.png ... and OUT_DIR/prediction/tile_00000.png ...: 10 classes in blocky regions
(a 16x16 grid of random classes upsampled to 512x512, with ragged edges), and a prediction that keeps about 80%
of the pixels and relabels blobs elsewhere. Needs numpy and Pillow (Debian: python3-numpy, python3-pil).
"""
import os
import sys

import numpy as np
from PIL import Image


def label_map(rng, size=512, cells=16, classes=10):
    coarse = rng.integers(0, classes, size=(cells, cells), dtype=np.uint8)
    fine = np.kron(coarse, np.ones((size // cells, size // cells), dtype=np.uint8))
    # ragged edges: shift each row by a few pixels
    shifts = rng.integers(-3, 4, size=size)
    for y in range(size):
        fine[y] = np.roll(fine[y], shifts[y])
    return fine


def prediction(rng, ref, classes=10):
    pred = ref.copy()
    size = ref.shape[0]
    noise = rng.integers(0, classes, size=(size // 8, size // 8), dtype=np.uint8)
    flip = rng.random((size // 8, size // 8)) < 0.2
    blobs = np.kron(np.where(flip, noise, 255).astype(np.uint8), np.ones((8, 8), dtype=np.uint8))
    pred[blobs != 255] = blobs[blobs != 255]
    return pred


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    rng = np.random.default_rng(seed)
    for sub in ("reference", "prediction"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    for i in range(n):
        ref = label_map(rng)
        pred = prediction(rng, ref)
        name = "tile_%05d.png" % i
        Image.fromarray(ref, mode="L").save(os.path.join(out, "reference", name))
        Image.fromarray(pred, mode="L").save(os.path.join(out, "prediction", name))
    print("wrote %d pairs to %s" % (n, out))


if __name__ == "__main__":
    main()
