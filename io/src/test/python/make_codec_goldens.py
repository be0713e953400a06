#!/usr/bin/python3
"""Writes the small golden files of the PNG, JPEG and NPY/NPZ tests (io/src/test/resources/{png,jpeg,npy}).

A development tool: the tests read the committed files and never run Python. Needs NumPy and Pillow
(Debian: python3-numpy python3-pil). Run from the repository root:

    /usr/bin/python3 io/src/test/python/make_codec_goldens.py

Every array is a deterministic formula of its C-order element index i (see value()), so the Java tests can
recompute what each file must hold; PNG and JPEG goldens store the decoded pixels (Pillow's) as .npy.
"""
import io
import os
import zipfile

import numpy as np
from PIL import Image

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources")


def out(*parts):
    p = os.path.join(ROOT, *parts)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    return p


def value(dtype, n):
    """Element i of every NPY test array: the Java test recomputes the same formula."""
    i = np.arange(n, dtype=np.int64)
    kind = np.dtype(dtype).kind
    if kind == "b":
        return (i % 3 == 0)
    if kind == "u":
        return ((i * 7) % 251).astype(dtype)
    if kind == "i":
        return ((i * 7) % 251 - 100).astype(dtype)
    return (i * 0.25 - 3.5).astype(dtype)


def pattern(h, w, c, seed, lo, hi):
    rng = np.random.default_rng(seed)
    return rng.integers(lo, hi + 1, size=(h, w, c) if c else (h, w), dtype=np.int64)


# ------------------------------------------------------------------ PNG (Pillow's encoder on zlib)
def png_goldens():
    lab = pattern(48, 64, 0, 1, 0, 10).astype(np.uint8)
    Image.fromarray(lab, "L").save(out("png", "globe_label_l8.png"))
    np.save(out("png", "globe_label_l8.npy"), np.asarray(Image.open(out("png", "globe_label_l8.png"))))

    osm = np.stack([pattern(40, 48, 0, 2, 0, 11), pattern(40, 48, 0, 3, 12, 13), pattern(40, 48, 0, 4, 14, 15)], -1)
    osm[0, :5, 0] = 254
    osm[1, :5, 1] = 255
    osm = osm.astype(np.uint8)
    Image.fromarray(osm, "RGB").save(out("png", "osm_label_rgb8.png"))
    np.save(out("png", "osm_label_rgb8.npy"), np.asarray(Image.open(out("png", "osm_label_rgb8.png"))))

    idx = pattern(21, 35, 0, 5, 0, 10).astype(np.uint8)
    img = Image.fromarray(idx, "P")
    colours = [((k * 23) % 256, (k * 71) % 256, (k * 131) % 256) for k in range(11)]
    img.putpalette([v for c in colours for v in c])
    alpha = bytes([0, 128] + [255] * 9)
    img.save(out("png", "palette_p8.png"), transparency=alpha)
    back = Image.open(out("png", "palette_p8.png"))
    assert back.mode == "P"
    np.save(out("png", "palette_p8.npy"), np.asarray(back))
    pal = np.array([list(c) + [a] for c, a in zip(colours, alpha)], dtype=np.uint8)
    np.save(out("png", "palette_p8_colors.npy"), pal)

    g16 = pattern(17, 33, 0, 6, 0, 65535).astype(np.uint16)
    Image.fromarray(g16, "I;16").save(out("png", "grey16_i16.png"))
    # stored big-endian on purpose: the NPY reader's '>u2' path is exercised too
    np.save(out("png", "grey16_i16.npy"), np.asarray(Image.open(out("png", "grey16_i16.png"))).astype(">u2"))

    rgba = pattern(19, 23, 4, 7, 0, 255).astype(np.uint8)
    Image.fromarray(rgba, "RGBA").save(out("png", "rgba8.png"))
    np.save(out("png", "rgba8.npy"), np.asarray(Image.open(out("png", "rgba8.png"))))

    la = pattern(13, 29, 2, 8, 0, 255).astype(np.uint8)
    Image.fromarray(la, "LA").save(out("png", "grey_la8.png"))
    np.save(out("png", "grey_la8.npy"), np.asarray(Image.open(out("png", "grey_la8.png"))))

    bits = pattern(11, 37, 0, 9, 0, 1).astype(bool)
    Image.fromarray(bits, "1").save(out("png", "bilevel_1.png"))
    np.save(out("png", "bilevel_1.npy"), np.asarray(Image.open(out("png", "bilevel_1.png"))).astype(np.uint8))


# ------------------------------------------------------------------ JPEG (Pillow's libjpeg(-turbo))
def smooth_rgb(h, w, seed):
    y, x = np.mgrid[0:h, 0:w]
    rng = np.random.default_rng(seed)
    base = np.stack([x * 255 / w, y * 255 / h, (x + y) * 127 / (w + h) + 60], -1)
    return np.clip(base + rng.normal(0, 12, size=base.shape), 0, 255).astype(np.uint8)


def jpeg_goldens():
    rgb = smooth_rgb(29, 37, 10)
    for name, kw in [("rgb_q90_420", dict(quality=90)), ("rgb_q75_444", dict(quality=75, subsampling=0)),
                     ("rgb_progressive", dict(quality=85, progressive=True))]:
        p = out("jpeg", name + ".jpg")
        Image.fromarray(rgb, "RGB").save(p, **kw)
        np.save(out("jpeg", name + ".npy"), np.asarray(Image.open(p).convert("RGB")))
    grey = rgb[:, :, 1].copy()
    Image.fromarray(grey, "L").save(out("jpeg", "grey_q90.jpg"), quality=90)
    np.save(out("jpeg", "grey_q90.npy"), np.asarray(Image.open(out("jpeg", "grey_q90.jpg"))))
    cmyk = Image.fromarray(rgb, "RGB").convert("CMYK")
    cmyk.save(out("jpeg", "cmyk_q90.jpg"), quality=90)
    np.save(out("jpeg", "cmyk_q90.npy"), np.asarray(Image.open(out("jpeg", "cmyk_q90.jpg")).convert("RGB")))


def jpeg_fixture_checksums():
    """SHA-256 of the band-sequential RGB pixels Pillow decodes from each real Globe230k fixture (not copied)."""
    import glob
    import hashlib
    fixtures = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "..", "shared",
                            "datasets", "fixtures", "globe230k", "image_patch")
    lines = []
    for f in sorted(glob.glob(os.path.join(fixtures, "*.jpg"))):
        a = np.asarray(Image.open(f).convert("RGB"))
        lines.append("%s %s" % (hashlib.sha256(np.ascontiguousarray(a.transpose(2, 0, 1)).tobytes()).hexdigest(),
                                os.path.basename(f)))
    if lines:
        with open(out("jpeg", "globe230k_pillow_sha256.txt"), "w") as fh:
            fh.write("\n".join(lines) + "\n")


# ------------------------------------------------------------------ NPY / NPZ (NumPy's writer)
DTYPES = ["|b1", "|u1", "|i1", "<u2", ">u2", "<i2", ">i2", "<u4", ">u4", "<i4", ">i4", "<f4", ">f4", "<f8",
          ">f8", "<i8", "<u8"]


def npy_goldens():
    for dt in DTYPES:
        name = dt.replace("<", "le_").replace(">", "be_").replace("|", "")
        for order in ("C", "F"):
            shape = (3, 4, 5)
            a = np.asarray(value(dt, 60).reshape(shape), dtype=dt, order=order)
            a = np.asfortranarray(a) if order == "F" else np.ascontiguousarray(a)
            np.save(out("npy", "%s_%s.npy" % (name, order)), a)
    for version in ((1, 0), (2, 0), (3, 0)):
        with open(out("npy", "f4_v%d.npy" % version[0]), "wb") as f:
            np.lib.format.write_array(f, value("<f4", 12).reshape(3, 4), version=version)
    np.save(out("npy", "scalar_f8.npy"), np.array(value("<f8", 1)[0]))
    np.save(out("npy", "vector_u2.npy"), value("<u2", 7))
    np.save(out("npy", "hwc_f4.npy"), value("<f4", 6 * 5 * 4).reshape(6, 5, 4))
    np.save(out("npy", "nd5_i2.npy"), value("<i2", 2 * 3).reshape(1, 1, 1, 2, 3))
    np.save(out("npy", "empty_f4.npy"), np.zeros((0, 3), "<f4"))
    # OpenSentinelMap-like archives (shapes scaled down), stored and deflated, both with zip64 extras (numpy
    # forces zip64 on every member)
    arrays = dict(gsd_10=value("<f4", 24 * 24 * 4).reshape(24, 24, 4), gsd_20=value("<f4", 12 * 12 * 6).reshape(12, 12, 6),
                  gsd_60=value("<f4", 4 * 4 * 3).reshape(4, 4, 3), scl=value("|u1", 24 * 24).reshape(24, 24),
                  bad_percent=np.array(np.float64(0.125)))
    np.savez(out("npy", "osm_stored.npz"), **arrays)
    np.savez_compressed(out("npy", "osm_deflated.npz"), **arrays)
    with zipfile.ZipFile(out("npy", "osm_deflated.npz")) as z:
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in z.infolist())


if __name__ == "__main__":
    png_goldens()
    jpeg_goldens()
    jpeg_fixture_checksums()
    npy_goldens()
    print("written under", os.path.normpath(ROOT))
