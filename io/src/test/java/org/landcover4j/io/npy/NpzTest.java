package org.landcover4j.io.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.testing.Gen;
import org.landcover4j.io.DecodeLimits;

class NpzTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"osm_stored.npz", "osm_deflated.npz"})
    void readsNumpyArchivesStoredAndDeflated(String name) throws Exception {
        Path f = NpyTest.resource(name);
        try (Npz npz = Npz.open(f)) {
            assertEquals(List.of("gsd_10", "gsd_20", "gsd_60", "scl", "bad_percent"), npz.keys());
            assertEquals("<f4", npz.header("gsd_10").descr());
            assertEquals(List.of(24, 24, 4), npz.header("gsd_10").shape());
            Raster g10 = npz.readRaster("gsd_10");
            assertInstanceOf(FloatRaster.class, g10);
            assertEquals(List.of(4, 24, 24), List.of(g10.bands(), g10.height(), g10.width()));
            for (int y = 0; y < 24; y += 5) {
                for (int x = 0; x < 24; x += 3) {
                    for (int c = 0; c < 4; c++) {
                        assertEquals(NpyTest.value(NpyDtype.FLOAT32, (y * 24 + x) * 4 + c), g10.getDouble(c, y, x));
                    }
                }
            }
            NpyTest.assertSame(g10, npz.read("gsd_10").asRaster());
            Raster g20 = npz.readRaster("gsd_20");
            assertEquals(List.of(6, 12, 12), List.of(g20.bands(), g20.height(), g20.width()));
            Raster scl = npz.readRaster("scl");
            assertEquals(DataType.UINT8, scl.dataType());
            assertEquals(NpyTest.value(NpyDtype.UINT8, 24 * 3 + 7), scl.getDouble(0, 3, 7));
            NdArray bad = npz.read("bad_percent");
            assertEquals(0, bad.ndim());
            assertEquals(0.125, bad.getDouble());
            var e = assertThrows(InvalidDataException.class, () -> npz.read("gsd_30"));
            assertTrue(e.getMessage().contains("no array 'gsd_30'") && e.getMessage().contains("gsd_10"),
                    e.getMessage());
        }
        NpyTest.assertSame(Npz.readRaster(f, "gsd_60"), Npz.read(f, "gsd_60").asRaster());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void writesArchivesThatJavaUtilZipAndWeReadBack(boolean compressed) throws IOException {
        Gen gen = Gen.seeded(compressed ? 11 : 12);
        Raster g10 = NpyTest.random(gen, DataType.FLOAT32, 4, 19, 19);
        Raster scl = NpyTest.random(gen, DataType.UINT8, 1, 19, 19);
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("gsd_10", NdArray.fromRaster(g10, NdArray.Layout.CHANNELS_LAST));
        arrays.put("scl", NdArray.fromRaster(scl, NdArray.Layout.CHANNELS_LAST));
        arrays.put("bad_percent", NdArray.ofDoubles(new double[] {3.25}));
        Path f = tmp.resolve("out.npz");
        Npz.write(f, arrays, compressed);
        try (Npz npz = Npz.open(f)) {
            assertEquals(List.of("gsd_10", "scl", "bad_percent"), npz.keys());
            NpyTest.assertSame(g10, npz.readRaster("gsd_10"));
            NpyTest.assertSame(scl, npz.readRaster("scl"));
            assertEquals(3.25, npz.read("bad_percent").getDouble());
        }
        try (ZipFile z = new ZipFile(f.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                assertEquals(compressed ? ZipEntry.DEFLATED : ZipEntry.STORED, e.getMethod(), e.getName());
            }
        }
        // the streaming reader checks every CRC on its own
        try (var zin = new ZipInputStream(Files.newInputStream(f))) {
            int n = 0;
            while (zin.getNextEntry() != null) {
                zin.readAllBytes();
                n++;
            }
            assertEquals(3, n);
        }
        // each member is exactly what Npy.write writes
        var bos = new ByteArrayOutputStream();
        Npy.write(bos, arrays.get("gsd_10"));
        try (ZipFile z = new ZipFile(f.toFile())) {
            assertArrayEquals(bos.toByteArray(), z.getInputStream(z.getEntry("gsd_10.npy")).readAllBytes());
        }
    }

    @Test
    void writerRefusesUnsafeKeys() {
        var a = NdArray.ofFloats(new float[] {1}, 1);
        for (String key : new String[] {"", "../x", "a/b", "/abs", "c:d"}) {
            assertThrows(IllegalArgumentException.class, () -> Npz.write(tmp.resolve("k.npz"), Map.of(key, a), true),
                    key);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void readsZip64ArchivesAndMembers(boolean deflate) throws IOException {
        var bos = new ByteArrayOutputStream();
        Npy.write(bos, NdArray.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        byte[] npy = bos.toByteArray();
        Path f = tmp.resolve("z64.npz");
        Files.write(f, ZipBytes.zip64("a.npy", npy, deflate, npy.length));
        try (Npz npz = Npz.open(f)) {
            assertEquals(List.of("a"), npz.keys());
            Raster r = npz.readRaster("a");
            assertEquals(6.0, r.getDouble(0, 1, 2));
            assertEquals(2.0, npz.read("a").getDouble(0, 1));
        }
    }

    // ------------------------------------------------------------------ hostile input

    private static byte[] npy(NdArray a) throws IOException {
        var bos = new ByteArrayOutputStream();
        Npy.write(bos, a);
        return bos.toByteArray();
    }

    private InvalidDataException fails(byte[] zip, String key, String expected) throws IOException {
        Path f = tmp.resolve("bad.npz");
        Files.write(f, zip);
        long t0 = System.nanoTime();
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> {
            try (Npz npz = Npz.open(f)) {
                npz.readRaster(key);
            }
        });
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        if (key != null) {
            assertThrows(InvalidDataException.class, () -> {
                try (Npz npz = Npz.open(f)) {
                    npz.read(key);
                }
            });
        }
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "took more than a second");
        return e;
    }

    @Test
    void rejectsUnsafeAndRepeatedMemberNames() throws IOException {
        byte[] a = npy(NdArray.ofFloats(new float[] {1}, 1));
        fails(ZipBytes.zip(true, "../evil.npy", a), "evil", "'..' path segment");
        fails(ZipBytes.zip(true, "x/../../evil.npy", a), "evil", "'..' path segment");
        fails(ZipBytes.zip(true, "/abs.npy", a), "abs", "absolute path");
        fails(ZipBytes.zip(true, "C:evil.npy", a), "evil", "drive letter");
        fails(ZipBytes.withCentralName(ZipBytes.zip(false, "a.npy", a, "b.npy", a), "b.npy"), "b", "more than once");
    }

    @Test
    void rejectsMembersWhoseSizeDisagreesWithTheirHeader() throws IOException {
        byte[] full = npy(NdArray.ofFloats(new float[100], 10, 10));
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 40);
        fails(ZipBytes.zip(true, "a.npy", cut), "a", "declares");
        fails(ZipBytes.zip(false, "a.npy", cut), "a", "declares");
        byte[] longer = java.util.Arrays.copyOf(full, full.length + 1);
        fails(ZipBytes.zip(true, "a.npy", longer), "a", "declares");
    }

    @Test
    void stopsADeflateBombAtTheDeclaredSize() throws IOException {
        // the directory says 144 bytes (header + 4 floats), the deflate stream inflates to 48 MB
        byte[] head = npy(NdArray.ofFloats(new float[4], 4));
        byte[] body = new byte[48 << 20];
        System.arraycopy(head, 0, body, 0, head.length);
        byte[] zip = ZipBytes.zip(true, "a.npy", body);
        assertTrue(zip.length < 1 << 20, "the bomb is small: " + zip.length);
        fails(ZipBytes.withCentralSize(zip, head.length), "a", "more data than");
        // zip64 variant, lying in the extra field
        fails(ZipBytes.zip64("a.npy", body, true, head.length), "a", "more data than");
    }

    @Test
    void limitsBoundWhatAMemberMayDeclare() throws IOException {
        byte[] a = npy(NdArray.ofFloats(new float[64 * 64], 64, 64));
        Path f = tmp.resolve("l.npz");
        Files.write(f, ZipBytes.zip(true, "a.npy", a));
        try (Npz npz = Npz.open(f, DecodeLimits.defaults().withMaxOutputBytes(1000))) {
            var e = assertThrows(InvalidDataException.class, () -> npz.read("a"));
            assertTrue(e.getMessage().contains("decode limit"), e.getMessage());
            assertThrows(InvalidDataException.class, () -> npz.readRaster("a"));
        }
    }

    @Test
    void detectsCorruptedMemberData() throws IOException {
        byte[] a = npy(NdArray.ofFloats(new float[] {1, 2, 3, 4}, 4));
        byte[] zip = ZipBytes.zip(false, "a.npy", a);
        int at = indexOf(zip, a) + a.length - 3;             // a data byte of the stored member
        zip[at] ^= 0x40;
        fails(zip, "a", "CRC-32");
        byte[] def = ZipBytes.zip(true, "a.npy", npy(NdArray.ofFloats(new float[300], 300)));
        def[40] ^= 0x5A;                                      // inside the deflate stream
        Path f = tmp.resolve("c.npz");
        Files.write(f, def);
        assertThrows(InvalidDataException.class, () -> {
            try (Npz npz = Npz.open(f)) {
                npz.read("a");
            }
        });
    }

    @Test
    void rejectsWhatIsNotAZip() throws IOException {
        fails(new byte[0], "a", "empty");
        fails("PK\3\4 but nothing else".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "a", "zip");
        byte[] good = ZipBytes.zip(true, "a.npy", npy(NdArray.ofFloats(new float[50], 50)));
        for (int cut = 1; cut < good.length; cut += 9) {
            Path f = tmp.resolve("t.npz");
            Files.write(f, java.util.Arrays.copyOf(good, cut));
            assertThrows(InvalidDataException.class, () -> {
                try (Npz npz = Npz.open(f)) {
                    npz.readRaster("a");
                }
            }, "cut at " + cut);
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
