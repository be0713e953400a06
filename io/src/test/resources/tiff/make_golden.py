#!/usr/bin/python3
"""Writes the small golden GeoTIFFs in this folder with GDAL, and expected.json with GDAL's view of each one
(type, shape, every pixel value, nodata, geotransform, EPSG code, band descriptions, colour table, overviews).

Regenerate (Debian: apt-get install python3-gdal python3-numpy):
    cd io/src/test/resources/tiff && /usr/bin/python3 make_golden.py
The files are deterministic for a given GDAL version; GDAL 3.6.2 made the committed ones."""
import json, os
import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240611)
W, H = 19, 11          # odd sizes: partial tiles and strips everywhere


def field(dtype, bands, lo, hi):
    """Smooth-ish values with noise, so predictors and compressors have something to do."""
    out = []
    for b in range(bands):
        base = np.add.outer(np.arange(H) * 3, np.arange(W) * 2) + b * 7
        noise = rng.integers(0, 5, (H, W))
        v = lo + (base + noise) % max(1, (hi - lo))
        out.append(v.astype(dtype))
    return np.stack(out)


def floats(dtype, bands):
    out = []
    for b in range(bands):
        v = (np.add.outer(np.arange(H) * 0.37, np.arange(W) * -1.25) + rng.normal(0, 3, (H, W)) + b * 100)
        out.append(v.astype(dtype))
    a = np.stack(out)
    a[0, 0, 0] = np.nan
    a[0, 1, 1] = np.inf
    a[0, 2, 2] = -np.inf
    a[0, 3, 3] = -0.0
    return a


def write(name, arr, opts, epsg=32630, gt=(399960.0, 10.0, 0.0, 1400040.0, 0.0, -10.0), nodata=None,
          descriptions=None, colors=None, gdal_type=None, point=False):
    path = os.path.join(HERE, name)
    if os.path.exists(path):
        os.remove(path)
    bands, h, w = arr.shape
    t = gdal_type or gdal.GetDataTypeByName({"uint8": "Byte", "int8": "Byte", "uint16": "UInt16", "int16": "Int16",
                                              "uint32": "UInt32", "int32": "Int32", "float32": "Float32",
                                              "float64": "Float64"}[str(arr.dtype)])
    mem = gdal.GetDriverByName("MEM").Create("", w, h, bands, t)
    if gt is not None:
        mem.SetGeoTransform(gt)
    if epsg is not None:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        mem.SetProjection(srs.ExportToWkt())
    if point:
        mem.SetMetadataItem("AREA_OR_POINT", "Point")
    for b in range(bands):
        band = mem.GetRasterBand(b + 1)
        band.WriteArray(arr[b].view(np.uint8) if str(arr.dtype) == "int8" else arr[b])
        if nodata is not None:
            band.SetNoDataValue(nodata)
        if descriptions:
            band.SetDescription(descriptions[b])
    if colors:
        ct = gdal.ColorTable()
        for i, c in enumerate(colors):
            ct.SetColorEntry(i, c)
        mem.GetRasterBand(1).SetRasterColorTable(ct)
    driver = "COG" if opts and opts[0] == "COG" else "GTiff"
    co = opts[1:] if driver == "COG" else opts
    gdal.GetDriverByName(driver).CreateCopy(path, mem, options=co)
    return path


def describe(path):
    ds = gdal.Open(path)
    b1 = ds.GetRasterBand(1)
    dtype = gdal.GetDataTypeName(b1.DataType)
    md = b1.GetMetadata("IMAGE_STRUCTURE")
    np_type = {"Byte": "uint8", "UInt16": "uint16", "Int16": "int16", "UInt32": "uint32", "Int32": "int32",
               "Float32": "float32", "Float64": "float64"}[dtype]
    if md.get("PIXELTYPE") == "SIGNEDBYTE":
        np_type = "int8"
    values = []
    for i in range(ds.RasterCount):
        a = ds.GetRasterBand(i + 1).ReadAsArray()
        if np_type == "int8":
            a = a.astype(np.uint8).view(np.int8)
        values.append([float(x) if np_type.startswith("float") else int(x) for x in a.ravel()])
    srs = ds.GetSpatialRef()
    epsg = None
    if srs is not None:
        srs.AutoIdentifyEPSG()
        code = srs.GetAuthorityCode(None)
        epsg = int(code) if code else None
    nd = b1.GetNoDataValue()
    ct = b1.GetColorTable()
    ovs = []
    for k in range(b1.GetOverviewCount()):
        o = b1.GetOverview(k)
        ovs.append({"width": o.XSize, "height": o.YSize,
                    "band1": [float(x) if np_type.startswith("float") else int(x) for x in o.ReadAsArray().ravel()]})
    return {
        "dtype": np_type, "bands": ds.RasterCount, "width": ds.RasterXSize, "height": ds.RasterYSize,
        "values": values, "nodata": nd, "transform": list(ds.GetGeoTransform(can_return_null=True) or []) or None,
        "epsg": epsg, "descriptions": [ds.GetRasterBand(i + 1).GetDescription() for i in range(ds.RasterCount)],
        "colors": [list(ct.GetColorEntry(i)) for i in range(min(ct.GetCount(), 8))] if ct else None,
        "color_count": ct.GetCount() if ct else 0,
        "overviews": ovs,
        "structure": ds.GetMetadata("IMAGE_STRUCTURE"),
    }


files = {}
files["bigtiff_u8_deflate.tif"] = write("bigtiff_u8_deflate.tif", field(np.uint8, 2, 0, 255),
                                        ["BIGTIFF=YES", "COMPRESS=DEFLATE"])
files["planar_i16_deflate.tif"] = write("planar_i16_deflate.tif", field(np.int16, 3, -3000, 3000),
                                        ["INTERLEAVE=BAND", "COMPRESS=DEFLATE", "BLOCKYSIZE=4"], nodata=-32768)
files["lzw_p2_u16.tif"] = write("lzw_p2_u16.tif", field(np.uint16, 2, 0, 65535),
                                ["COMPRESS=LZW", "PREDICTOR=2", "BLOCKYSIZE=5"], nodata=0,
                                descriptions=["B04", "B08"])
files["deflate_p3_f32_tiled.tif"] = write("deflate_p3_f32_tiled.tif", floats(np.float32, 2),
                                          ["COMPRESS=DEFLATE", "PREDICTOR=3", "TILED=YES", "BLOCKXSIZE=16",
                                           "BLOCKYSIZE=16"], nodata=float("nan"), descriptions=["VV", "VH"])
files["tiled_u32_lzw.tif"] = write("tiled_u32_lzw.tif", field(np.uint32, 1, 0, 4000000000),
                                   ["COMPRESS=LZW", "TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"], epsg=4326,
                                   gt=(-3.5, 0.001, 0.0, 40.25, 0.0, -0.001))
files["palette_u8.tif"] = write("palette_u8.tif", field(np.uint8, 1, 0, 8), ["COMPRESS=DEFLATE"], nodata=0,
                                colors=[(0, 0, 0, 255), (0, 0, 255, 255), (136, 136, 136, 255),
                                        (209, 164, 109, 255), (245, 245, 255, 255), (214, 76, 43, 255),
                                        (24, 104, 24, 255), (0, 255, 0, 255)])
files["int8_none.tif"] = write("int8_none.tif", field(np.int8, 1, -128, 127), ["PIXELTYPE=SIGNEDBYTE"],
                               nodata=-128)
files["bigendian_f64_p2.tif"] = write("bigendian_f64_p2.tif", floats(np.float64, 1),
                                      ["ENDIANNESS=BIG", "COMPRESS=DEFLATE", "PREDICTOR=2"], nodata=-9999.5)
files["packbits_i32.tif"] = write("packbits_i32.tif", field(np.int32, 2, -2000000000, 2000000000),
                                  ["COMPRESS=PACKBITS", "BLOCKYSIZE=3"], point=True)
files["bigendian_u16_lzw_tiled.tif"] = write("bigendian_u16_lzw_tiled.tif", field(np.uint16, 3, 100, 12000),
                                             ["ENDIANNESS=BIG", "COMPRESS=LZW", "PREDICTOR=2", "TILED=YES",
                                              "BLOCKXSIZE=16", "BLOCKYSIZE=16", "INTERLEAVE=BAND"])
files["rotated_f32.tif"] = write("rotated_f32.tif", floats(np.float32, 1), ["COMPRESS=DEFLATE"], epsg=32633,
                                 gt=(500000.0, 8.660254037844387, 5.0, 4650000.0, 5.0, -8.660254037844387))

# Layouts our decoder hands to the TwelveMonkeys fallback: JPEG (YCbCr and grey) and odd bit depths.
files["jpeg_ycbcr_u8.tif"] = write("jpeg_ycbcr_u8.tif", field(np.uint8, 3, 20, 230),
                                   ["COMPRESS=JPEG", "PHOTOMETRIC=YCBCR", "JPEG_QUALITY=95", "TILED=YES",
                                    "BLOCKXSIZE=16", "BLOCKYSIZE=16"])
files["jpeg_gray_u8.tif"] = write("jpeg_gray_u8.tif", field(np.uint8, 1, 20, 230), ["COMPRESS=JPEG", "JPEG_QUALITY=90"])
files["nbits1_u8.tif"] = write("nbits1_u8.tif", field(np.uint8, 1, 0, 2), ["NBITS=1"])
files["nbits12_u16_lzw.tif"] = write("nbits12_u16_lzw.tif", field(np.uint16, 2, 0, 4095), ["NBITS=12", "COMPRESS=LZW"])

# A COG with overviews: 64x48 uint16, 16x16 blocks, DEFLATE + predictor
H, W = 48, 64
files["cog_u16.tif"] = write("cog_u16.tif", field(np.uint16, 2, 0, 1000),
                             ["COG", "COMPRESS=DEFLATE", "PREDICTOR=YES", "BLOCKSIZE=16", "OVERVIEW_RESAMPLING=NEAREST"])
# A sparse file: only one tile written, the others absent (offset 0) and read as nodata
H, W = 40, 40
path = os.path.join(HERE, "sparse_u8.tif")
if os.path.exists(path):
    os.remove(path)
ds = gdal.GetDriverByName("GTiff").Create(path, W, H, 1, gdal.GDT_Byte,
                                          ["SPARSE_OK=TRUE", "TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16",
                                           "COMPRESS=DEFLATE"])
ds.SetGeoTransform((0.0, 1.0, 0.0, 0.0, 0.0, -1.0))
ds.GetRasterBand(1).SetNoDataValue(7)
ds.GetRasterBand(1).WriteArray(np.arange(256, dtype=np.uint8).reshape(16, 16), 16, 16)
ds = None
files["sparse_u8.tif"] = path

expected = {name: describe(p) for name, p in sorted(files.items())}
for name in expected:
    # JPEG decoders may differ by a few levels (libjpeg-turbo in GDAL, the JDK's decoder in TwelveMonkeys)
    expected[name]["tolerance"] = 3 if name.startswith("jpeg") else 0
with open(os.path.join(HERE, "expected.json"), "w") as f:
    f.write("{\n" + ",\n".join(json.dumps(k) + ": " + json.dumps(v, separators=(",", ":"), allow_nan=True)
                                for k, v in expected.items()) + "\n}\n")
for name in sorted(files):
    print(name, os.path.getsize(os.path.join(HERE, name)))
