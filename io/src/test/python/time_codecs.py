#!/usr/bin/python3
"""Times Pillow and NumPy on the files the codec JMH benchmarks decode (PngBench, JpegBench, NpyBench).

A development tool (tests never run Python). Needs NumPy and Pillow (Debian: python3-numpy python3-pil).

    /usr/bin/python3 io/src/test/python/time_codecs.py [DATA_DIR] [--repeat N]

DATA_DIR (default /tmp/landcover4j-codec-bench) receives the benchmark inputs when they are missing, written
deterministically by Pillow and NumPy as the datasets' own tools would write them:
  globe_label_512.png   512x512 8-bit grey label, classes 0..10 in blobs (Globe230k-like)
  osm_label_192.png     192x192 RGB label, one label per channel (OpenSentinelMap-like)
  rgb_512.png           512x512 RGB image (smooth plus noise)
  grey16_256.png        256x256 16-bit grey
  osm_scene.npz         OpenSentinelMap-like scene, savez_compressed: gsd_10 192x192x4, gsd_20 96x96x6,
                        gsd_60 32x32x3 float32, scl 192x192 uint8
  osm_scene_stored.npz  the same, numpy.savez (stored members)
  gsd_10.npy            gsd_10 alone (timed as loaded, channels last, and copied to band-sequential planes)
The JPEG inputs are the real Globe230k patches in ../shared/datasets/fixtures/globe230k/image_patch.

Protocol: for each file, 20 untimed decodes, then N timed ones (default 300); prints, per decode in microseconds,
the median of the thread's CPU time (time.thread_time: robust on a loaded machine) and the median and minimum of
wall-clock time, decoding from the page cache into a NumPy array (np.asarray(Image.open(f)) for images,
np.load(f)[key] for arrays). Its Java twin is org.landcover4j.io.bench.CodecBenchData (same protocol).
"""
import glob
import json
import os
import statistics
import sys
import time

import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED_JPEG = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "..", "shared", "datasets", "fixtures",
                                            "globe230k", "image_patch"))


def blobs(h, w, classes, cell, seed):
    rng = np.random.default_rng(seed)
    coarse = rng.integers(0, classes, size=(h // cell + 1, w // cell + 1))
    lab = np.kron(coarse, np.ones((cell, cell), dtype=np.int64))[:h, :w]
    # ragged boundaries: shift each row by a little
    for y in range(h):
        lab[y] = np.roll(lab[y], int(rng.integers(-3, 4)))
    return lab


def write_inputs(d):
    os.makedirs(d, exist_ok=True)
    p = os.path.join(d, "globe_label_512.png")
    if not os.path.exists(p):
        Image.fromarray(blobs(512, 512, 11, 32, 1).astype(np.uint8), "L").save(p)
    p = os.path.join(d, "osm_label_192.png")
    if not os.path.exists(p):
        ch = [blobs(192, 192, 12, 24, 2), 12 + blobs(192, 192, 2, 16, 3), 14 + blobs(192, 192, 2, 8, 4)]
        Image.fromarray(np.stack(ch, -1).astype(np.uint8), "RGB").save(p)
    p = os.path.join(d, "rgb_512.png")
    if not os.path.exists(p):
        y, x = np.mgrid[0:512, 0:512]
        rng = np.random.default_rng(5)
        img = np.stack([x / 2, y / 2, (x + y) / 4], -1) + rng.normal(0, 6, (512, 512, 3))
        Image.fromarray(np.clip(img, 0, 255).astype(np.uint8), "RGB").save(p)
    p = os.path.join(d, "grey16_256.png")
    if not os.path.exists(p):
        rng = np.random.default_rng(6)
        y, x = np.mgrid[0:256, 0:256]
        img = (x * 200 + y * 50 + rng.normal(0, 300, (256, 256))).clip(0, 65535).astype(np.uint16)
        Image.fromarray(img, "I;16").save(p)
    p = os.path.join(d, "osm_scene.npz")
    if not os.path.exists(p):
        rng = np.random.default_rng(7)
        arrays = dict(gsd_10=(rng.random((192, 192, 4)) * 0.3).astype("<f4"),
                      gsd_20=(rng.random((96, 96, 6)) * 0.3).astype("<f4"),
                      gsd_60=(rng.random((32, 32, 3)) * 0.3).astype("<f4"),
                      scl=rng.integers(0, 12, (192, 192)).astype(np.uint8))
        np.savez_compressed(p, **arrays)
        np.savez(os.path.join(d, "osm_scene_stored.npz"), **arrays)
        np.save(os.path.join(d, "gsd_10.npy"), arrays["gsd_10"])


def timeit(fn, repeat):
    for _ in range(20):
        fn()
    cpu = []
    wall = []
    for _ in range(repeat):
        c0 = time.thread_time()
        t0 = time.perf_counter()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.thread_time() - c0)
    return statistics.median(cpu) * 1e6, statistics.median(wall) * 1e6, min(wall) * 1e6


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    repeat = 300
    if "--repeat" in sys.argv:
        repeat = int(sys.argv[sys.argv.index("--repeat") + 1])
        args = [a for a in args if a != str(repeat)]
    d = args[0] if args else "/tmp/landcover4j-codec-bench"
    write_inputs(d)
    rows = []
    for name in ("globe_label_512.png", "osm_label_192.png", "rgb_512.png", "grey16_256.png"):
        f = os.path.join(d, name)
        rows.append(("png", name) + timeit(lambda: np.asarray(Image.open(f)), repeat))
    for f in sorted(glob.glob(os.path.join(SHARED_JPEG, "*.jpg"))):
        rows.append(("jpeg", os.path.basename(f)) + timeit(lambda: np.asarray(Image.open(f)), repeat))
    rows.append(("npz", "osm_scene.npz:gsd_10") + timeit(lambda: np.load(os.path.join(d, "osm_scene.npz"))["gsd_10"],
                                                          repeat))
    rows.append(("npz", "osm_scene_stored.npz:gsd_10") + timeit(
        lambda: np.load(os.path.join(d, "osm_scene_stored.npz"))["gsd_10"], repeat))
    rows.append(("npy", "gsd_10.npy") + timeit(lambda: np.load(os.path.join(d, "gsd_10.npy")), repeat))
    # the same array as 4 band-sequential planes, which is what a raster is (landcover4j's output)
    rows.append(("npy", "gsd_10.npy (to bands)") + timeit(
        lambda: np.ascontiguousarray(np.load(os.path.join(d, "gsd_10.npy")).transpose(2, 0, 1)), repeat))
    import PIL
    print("# Pillow %s, NumPy %s, Python %s; load average %s" % (PIL.__version__, np.__version__,
                                                                  sys.version.split()[0], os.getloadavg()))
    print("%-6s %-32s %12s %12s %12s" % ("format", "file", "cpu_med_us", "wall_med_us", "wall_min_us"))
    for r in rows:
        print("%-6s %-32s %12.1f %12.1f %12.1f" % r)
    with open(os.path.join(d, "python_times.json"), "w") as fh:
        json.dump([dict(format=r[0], file=r[1], cpu_median_us=r[2], wall_median_us=r[3], wall_min_us=r[4])
                   for r in rows], fh, indent=1)


if __name__ == "__main__":
    main()
