#!/usr/bin/python3
"""Records what GDAL reports for every GeoTIFF under ../shared/datasets/fixtures into fixtures_expected.json:
type, shape, per band the GDAL checksum (as `gdalinfo -checksum`), min, max, sum and CRC32 of the little-endian
band bytes, nodata, geotransform, EPSG code and colour-table size. GeoTiffFixturesTest compares our reader with it.

Regenerate (Debian: apt-get install python3-gdal python3-numpy), from the repository root:
    /usr/bin/python3 io/src/test/resources/tiff/make_fixture_expectations.py ../shared/datasets/fixtures"""
import json, os, sys, zlib
import numpy as np
from osgeo import gdal

gdal.UseExceptions()
root = os.path.abspath(sys.argv[1])
out = {}
for dirpath, _, names in sorted(os.walk(root)):
    for n in sorted(names):
        if not n.endswith(".tif"):
            continue
        p = os.path.join(dirpath, n)
        ds = gdal.Open(p)
        bands = []
        for i in range(ds.RasterCount):
            b = ds.GetRasterBand(i + 1)
            a = b.ReadAsArray()
            bands.append({
                "checksum": b.Checksum(),
                "min": float(a.min()), "max": float(a.max()), "sum": float(a.astype(np.float64).sum()),
                "crc32": zlib.crc32(np.ascontiguousarray(a).astype(a.dtype.newbyteorder("<")).tobytes()),
                "nodata": b.GetNoDataValue(),
                "colors": b.GetColorTable().GetCount() if b.GetColorTable() else 0,
            })
        srs = ds.GetSpatialRef()
        epsg = None
        if srs is not None:
            srs.AutoIdentifyEPSG()
            code = srs.GetAuthorityCode(None)
            epsg = int(code) if code else None
        out[os.path.relpath(p, root)] = {
            "dtype": str(ds.GetRasterBand(1).ReadAsArray(0, 0, 1, 1).dtype), "bands": ds.RasterCount,
            "width": ds.RasterXSize, "height": ds.RasterYSize, "transform": list(ds.GetGeoTransform()),
            "epsg": epsg, "band": bands,
        }
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "fixtures_expected.json"), "w") as f:
    f.write("{\n" + ",\n".join(json.dumps(k) + ": " + json.dumps(v, separators=(",", ":")) for k, v in out.items())
            + "\n}\n")
print(len(out), "files")
