#!/usr/bin/python3
"""Times a plain Python loop (rasterio for GeoTIFF, Pillow for JPEG/PNG) decoding the same generated samples that
the JMH benchmark DatasetReadBench decodes with landcover4j's readers: samples per second, single thread.

A development tool (tests never run Python). Needs rasterio, NumPy and Pillow (Debian: python3-rasterio
python3-numpy python3-pil).

    /usr/bin/python3 io/src/test/python/time_dataset_reads.py [SAMPLES_DIR] [--passes N]

SAMPLES_DIR (default /tmp/landcover4j-dataset-bench/deflate; .../none holds the uncompressed twin) is a folder
DatasetReadBench writes on its first run (or run its main method). A sample is what the Java reader decodes:
  sen12ms       s1, s2 and lc GeoTIFFs of one complete triplet (rasterio .read() of all bands)
  openearthmap  the image GeoTIFF and, when present, the label GeoTIFF
  globe230k     the JPEG (Pillow, np.asarray), the PNG label when present, and the dem/ndvi/vvvh GeoTIFFs when present
Protocol: 2 untimed passes over every sample, then N timed passes (default 10); prints the median samples per
second over the passes, the best pass, and samples per second of this thread's CPU time (time.thread_time), the
figure that stays comparable on a shared, loaded machine. DatasetReadRate.java runs the same protocol in Java.
"""
import glob
import os
import statistics
import sys
import time

import numpy as np
import rasterio
from PIL import Image


def sen12ms(root):
    out = []
    for season in sorted(glob.glob(os.path.join(root, "ROIs*_*"))):
        for s2dir in sorted(glob.glob(os.path.join(season, "s2_*"))):
            for s2 in sorted(glob.glob(os.path.join(s2dir, "*.tif"))):
                s1 = s2.replace("/s2_", "/s1_").replace("_s2_", "_s1_")
                lc = s2.replace("/s2_", "/lc_").replace("_s2_", "_lc_")
                if os.path.exists(s1) and os.path.exists(lc):
                    out.append([("tif", s1), ("tif", s2), ("tif", lc)])
    return out


def openearthmap(root):
    out = []
    for image in sorted(glob.glob(os.path.join(root, "*", "images", "*.tif"))):
        label = image.replace("/images/", "/labels/")
        out.append([("tif", image)] + ([("tif", label)] if os.path.exists(label) else []))
    return out


def globe230k(root):
    out = []
    for jpg in sorted(glob.glob(os.path.join(root, "image_patch", "*.jpg"))):
        name = os.path.splitext(os.path.basename(jpg))[0]
        files = [("pil", jpg)]
        png = os.path.join(root, "label_patch", name + ".png")
        if os.path.exists(png):
            files.append(("pil", png))
        for m in ("dem", "ndvi", "vvvh"):
            tif = os.path.join(root, m + "_patch", name + ".tif")
            if os.path.exists(tif):
                files.append(("tif", tif))
        out.append(files)
    return out


def read(kind, path):
    if kind == "tif":
        with rasterio.open(path) as f:
            return f.read()
    return np.asarray(Image.open(path))


def time_dataset(samples, passes):
    for _ in range(2):
        for s in samples:
            for kind, path in s:
                read(kind, path)
    rates = []
    cpu = 0.0
    for _ in range(passes):
        t = time.perf_counter()
        c = time.thread_time()
        for s in samples:
            for kind, path in s:
                read(kind, path)
        cpu += time.thread_time() - c
        rates.append(len(samples) / (time.perf_counter() - t))
    return statistics.median(rates), max(rates), len(samples) * passes / cpu


def main(argv):
    root = "/tmp/landcover4j-dataset-bench/deflate"
    passes = 10
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--passes":
            passes = int(args.pop(0))
        else:
            root = a
    if not os.path.exists(os.path.join(root, ".complete")):
        sys.exit(root + " has no samples: run DatasetReadBench (scripts/bench --module io DatasetReadBench) first")
    print("%s: rasterio %s (GDAL %s), Pillow %s, NumPy %s; %d timed passes" % (
        root, rasterio.__version__, rasterio.__gdal_version__, Image.__version__, np.__version__, passes))
    for name, lister in (("sen12ms", sen12ms), ("openearthmap", openearthmap), ("globe230k", globe230k)):
        samples = lister(os.path.join(root, name))
        median, best, cpu = time_dataset(samples, passes)
        print("%-14s %3d samples  median %8.1f samples/s  best %8.1f samples/s  cpu %8.1f samples/cpu-s"
              % (name, len(samples), median, best, cpu))


if __name__ == "__main__":
    main(sys.argv[1:])
