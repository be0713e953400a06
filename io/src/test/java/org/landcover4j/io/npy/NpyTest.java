package org.landcover4j.io.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.DoubleRaster;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.IntRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.core.testing.Gen;
import org.landcover4j.io.DecodeLimits;

class NpyTest {
    @TempDir
    Path tmp;

    static Path resource(String name) throws Exception {
        return Path.of(NpyTest.class.getResource("/npy/" + name).toURI());
    }

    /** Element i of every golden array (see io/src/test/python/make_codec_goldens.py). */
    static double value(NpyDtype t, long i) {
        return switch (t) {
            case BOOL -> i % 3 == 0 ? 1 : 0;
            case UINT8, UINT16, UINT32, UINT64 -> (i * 7) % 251;
            case INT8 -> (byte) ((i * 7) % 251 - 100);
            case INT16, INT32, INT64 -> (i * 7) % 251 - 100;
            case FLOAT32, FLOAT64 -> i * 0.25 - 3.5;
        };
    }

    static Stream<String> goldenFiles() {
        return Stream.of("b1", "u1", "i1", "le_u2", "be_u2", "le_i2", "be_i2", "le_u4", "be_u4", "le_i4", "be_i4",
                "le_f4", "be_f4", "le_f8", "be_f8", "le_i8", "le_u8")
                .flatMap(n -> Stream.of(n + "_C.npy", n + "_F.npy"));
    }

    @ParameterizedTest
    @MethodSource("goldenFiles")
    void readsEveryDtypeByteOrderAndMemoryOrderAsNumpyWroteIt(String name) throws Exception {
        Path f = resource(name);
        NdArray a = Npy.read(f);
        assertArrayEquals(new int[] {3, 4, 5}, a.shape());
        assertEquals(name.endsWith("_F.npy"), a.isFortranOrder());
        assertEquals(name.startsWith("be_") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, a.byteOrder());
        NpyDtype t = a.dtype();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 5; k++) {
                    assertEquals(value(t, i * 20 + j * 5 + k), a.getDouble(i, j, k), name + " at " + i + "," + j + "," + k);
                }
            }
        }
        double[] all = a.toDoubleArray();
        for (int i = 0; i < 60; i++) {
            assertEquals(value(t, i), all[i], name);
        }
        if (t.rasterType().isEmpty()) {
            assertThrows(IllegalStateException.class, a::asRaster);
            var e = assertThrows(InvalidDataException.class, () -> Npy.readRaster(f));
            assertTrue(e.getMessage().contains("no raster type"), e.getMessage());
            return;
        }
        // channels last: (H=3, W=4, C=5); channels first: (C=3, H=4, W=5)
        Raster last = a.asRaster(NdArray.Layout.CHANNELS_LAST);
        Raster first = a.asRaster(NdArray.Layout.CHANNELS_FIRST);
        assertEquals(List.of(5, 3, 4), List.of(last.bands(), last.height(), last.width()));
        assertEquals(List.of(3, 4, 5), List.of(first.bands(), first.height(), first.width()));
        assertEquals(t.rasterType().orElseThrow(), last.dataType());
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                for (int c = 0; c < 5; c++) {
                    assertEquals(value(t, y * 20 + x * 5 + c), last.getDouble(c, y, x), name);
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 5; x++) {
                    assertEquals(value(t, c * 20 + y * 5 + x), first.getDouble(c, y, x), name);
                }
            }
        }
        assertSame(last, Npy.readRaster(f));
        assertSame(first, Npy.readRaster(f, NdArray.Layout.CHANNELS_FIRST, DecodeLimits.defaults()));
    }

    @ParameterizedTest
    @MethodSource("goldenFiles")
    void writesByteIdenticalToNumpy(String name) throws Exception {
        Path f = resource(name);
        Path out = tmp.resolve(name);
        Npy.write(out, Npy.read(f));
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(out), name);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void readsFormatVersionsOneTwoThree(int version) throws Exception {
        Path f = resource("f4_v" + version + ".npy");
        NpyHeader h = Npy.probe(f);
        assertEquals(version, h.majorVersion());
        assertEquals("<f4", h.descr());
        assertEquals(List.of(3, 4), h.shape());
        NdArray a = Npy.read(f);
        for (int i = 0; i < 12; i++) {
            assertEquals(i * 0.25 - 3.5, a.getDouble(i / 4, i % 4));
        }
        Raster r = Npy.readRaster(f);
        assertEquals(1, r.bands());
        assertEquals(4, r.width());
        assertEquals(0.25 * 5 - 3.5, r.getDouble(0, 1, 1));
    }

    @Test
    void readsScalarsVectorsAndSqueezesLeadingOnes() throws Exception {
        NdArray s = Npy.read(resource("scalar_f8.npy"));
        assertEquals(0, s.ndim());
        assertEquals(1, s.size());
        assertEquals(-3.5, s.getDouble());
        Raster sr = s.asRaster();
        assertEquals(List.of(1, 1, 1), List.of(sr.bands(), sr.height(), sr.width()));
        assertEquals(-3.5, sr.getDouble(0, 0, 0));

        Raster v = Npy.readRaster(resource("vector_u2.npy"));
        assertEquals(List.of(1, 1, 7), List.of(v.bands(), v.height(), v.width()));
        assertEquals(DataType.UINT16, v.dataType());
        assertEquals(42, v.getDouble(0, 0, 6));

        NdArray nd = Npy.read(resource("nd5_i2.npy"));
        assertArrayEquals(new int[] {1, 1, 1, 2, 3}, nd.shape());
        Raster ndr = nd.asRaster();                       // leading 1s dropped down to 3 axes: (1, 2, 3) = H, W, C
        assertEquals(List.of(3, 1, 2), List.of(ndr.bands(), ndr.height(), ndr.width()));
        assertEquals(value(NpyDtype.INT16, 5), ndr.getDouble(2, 0, 1));

        Raster hwc = Npy.readRaster(resource("hwc_f4.npy"));
        assertEquals(List.of(4, 6, 5), List.of(hwc.bands(), hwc.height(), hwc.width()));
        assertInstanceOf(FloatRaster.class, hwc);
        assertEquals(value(NpyDtype.FLOAT32, (2 * 5 + 3) * 4 + 1), hwc.getDouble(1, 2, 3));
    }

    @Test
    void emptyArraysReadButHaveNoRaster() throws Exception {
        NdArray e = Npy.read(resource("empty_f4.npy"));
        assertEquals(0, e.size());
        assertArrayEquals(new int[] {0, 3}, e.shape());
        assertThrows(IllegalStateException.class, e::asRaster);
        var ex = assertThrows(InvalidDataException.class, () -> Npy.readRaster(resource("empty_f4.npy")));
        assertTrue(ex.getMessage().contains("no elements"), ex.getMessage());
    }

    @ParameterizedTest
    @EnumSource(DataType.class)
    void rasterRoundTripsThroughBothLayoutsAndFiles(DataType type) throws IOException {
        Gen gen = Gen.seeded(type.ordinal() + 77);
        for (int bands : new int[] {1, 3, 4}) {
            Raster r = random(gen, type, bands, gen.between(1, 9), gen.between(1, 9));
            for (NdArray.Layout layout : NdArray.Layout.values()) {
                NdArray a = NdArray.fromRaster(r, layout);
                assertEquals(bands == 1 ? 2 : 3, a.ndim());
                assertSame(r, a.asRaster(layout));
                Path f = tmp.resolve("rt.npy");
                Npy.write(f, a);
                assertSame(r, Npy.readRaster(f, layout, DecodeLimits.defaults()));
                assertSame(r, Npy.read(f).asRaster(layout));
            }
        }
    }

    /** The streaming scatter gives the same raster whatever the chunk boundaries (mid-element, mid-pixel). */
    @ParameterizedTest
    @EnumSource(DataType.class)
    void scatterIsIndependentOfChunkBoundaries(DataType type) throws Exception {
        Gen gen = Gen.seeded(900 + type.ordinal());
        for (int rep = 0; rep < 6; rep++) {
            int c = gen.between(1, 5);
            Raster r = random(gen, type, c, gen.between(1, 13), gen.between(1, 17));
            NdArray.Layout layout = gen.chance(0.5) ? NdArray.Layout.CHANNELS_LAST : NdArray.Layout.CHANNELS_FIRST;
            NdArray a = NdArray.fromRaster(r, layout);
            boolean big = gen.chance(0.5);
            boolean fortran = gen.chance(0.5);
            NdArray b = reorder(a, big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, fortran);
            RasterScatter s = RasterScatter.of(b.header(), layout, DecodeLimits.defaults(), null, "");
            byte[] bytes = new byte[(int) b.header().dataBytes()];
            b.data().get(bytes);
            for (int p = 0; p < bytes.length; ) {
                int n = Math.min(bytes.length - p, gen.between(1, 41));
                s.accept(bytes, p, n);
                p += n;
            }
            assertSame(r, s.raster());
            assertSame(r, b.asRaster(layout));
        }
    }

    /** The same logical array in another byte order and memory order. */
    static NdArray reorder(NdArray a, ByteOrder order, boolean fortran) {
        int[] shape = a.shape();
        int item = a.dtype().itemSize();
        int n = (int) a.size();
        ByteBuffer src = a.data();
        ByteBuffer dst = ByteBuffer.allocate(n * item).order(order);
        int nd = shape.length;
        int[] idx = new int[nd];
        for (int i = 0; i < n; i++) {                  // i: C-order logical index
            long f = 0;
            long stride = 1;
            for (int ax = 0; ax < nd; ax++) {
                f += idx[ax] * stride;
                stride *= shape[ax];
            }
            int to = (int) (fortran ? f : i) * item;
            switch (item) {
                case 1 -> dst.put(to, src.get(i));
                case 2 -> dst.putShort(to, src.getShort(i * 2));
                case 4 -> dst.putInt(to, src.getInt(i * 4));
                default -> dst.putLong(to, src.getLong(i * 8));
            }
            for (int ax = nd - 1; ax >= 0; ax--) {
                if (++idx[ax] < shape[ax]) {
                    break;
                }
                idx[ax] = 0;
            }
        }
        return NdArray.of(a.dtype(), fortran, dst, shape);
    }

    @Test
    void largeArraysAreMemoryMappedAndReadTheSame() throws IOException {
        Gen gen = Gen.seeded(5);
        Raster r = random(gen, DataType.FLOAT32, 4, 96, 96);   // 147 KiB > the mapping threshold
        NdArray a = NdArray.fromRaster(r, NdArray.Layout.CHANNELS_LAST);
        Path f = tmp.resolve("big.npy");
        Npy.write(f, a);
        NdArray m = Npy.read(f);
        assertTrue(m.data().isDirect(), "expected a mapped buffer");
        assertSame(r, m.asRaster());
        assertSame(r, Npy.readRaster(f));
    }

    @Test
    void factoriesValidate() {
        assertThrows(IllegalArgumentException.class, () -> NdArray.ofFloats(new float[5], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> NdArray.ofShorts(NpyDtype.UINT8, new short[2], 2));
        NdArray a = NdArray.ofInts(NpyDtype.UINT32, new int[] {-1, 7}, 2);
        assertEquals(4294967295.0, a.getDouble(0));
        assertEquals("NdArray[<u4 (2,)]", a.toString());
        NdArray l = NdArray.ofLongs(NpyDtype.UINT64, new long[] {-1}, 1);
        assertEquals(18446744073709551615.0, l.getDouble(0));
        assertThrows(IndexOutOfBoundsException.class, () -> a.getDouble(2));
        assertThrows(IllegalArgumentException.class, () -> a.getDouble(0, 0));
    }

    // ------------------------------------------------------------------ hostile input

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    static byte[] npy(int major, String dict, int dataBytes) {
        byte[] text = (dict + "\n").getBytes(StandardCharsets.UTF_8);
        int lenBytes = major == 1 ? 2 : 4;
        ByteBuffer b = ByteBuffer.allocate(8 + lenBytes + text.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(NpyFormat.MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            b.putShort((short) text.length);
        } else {
            b.putInt(text.length);
        }
        b.put(text);
        return b.array();
    }

    static Stream<Object[]> badHeaders() {
        return Stream.of(
            new Object[] {npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1000, 1000), }", 16), "declares"},
            new Object[] {npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2147483647, 2147483647), }", 0),
                "64-bit"},
            new Object[] {npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (-1, 3), }", 0), "0..2147483647"},
            new Object[] {npy(1, "{'descr': '<c8', 'fortran_order': False, 'shape': (3,), }", 24), "not supported"},
            new Object[] {npy(1, "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (3,), }", 24),
                "structured"},
            new Object[] {npy(1, "{'descr': '<f4', 'fortran_order': 0, 'shape': (3,), }", 12), "fortran_order"},
            new Object[] {npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), 'x': 1}", 12), "keys"},
            new Object[] {npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,", 12), "malformed"},
            new Object[] {npy(1, "{'descr': '<f4' 'fortran_order': False}", 12), "malformed"},
            new Object[] {npy(1, "[" .repeat(40), 0), "malformed"},
            new Object[] {npy(1, "{'descr': '|f4', 'fortran_order': False, 'shape': (3,), }", 12), "byte order"},
            new Object[] {npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }", 0),
                "malformed"},
            new Object[] {npy(4, "{}", 0), "version 4.0"},
            new Object[] {new byte[0], "empty"},
            new Object[] {"PK\3\4 not numpy".getBytes(StandardCharsets.ISO_8859_1), "not an .npy"},
            new Object[] {new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1}, "preamble"},
            new Object[] {new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0x7F}, "exceeds the limit"},
            new Object[] {new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) 0xFF, 0x7F, '{'}, "declares"},
            new Object[] {utf8BadV3(), "UTF-8"});
    }

    private static byte[] utf8BadV3() {
        byte[] b = npy(3, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), } ", 4);
        b[12 + 5] = (byte) 0xC3;          // a lone lead byte inside the header
        b[12 + 6] = (byte) 0x28;
        return b;
    }

    @ParameterizedTest
    @MethodSource("badHeaders")
    void hostileFilesFailWithTheFileAndTheProblem(byte[] bytes, String expected) throws IOException {
        Path f = write("bad.npy", bytes);
        long t0 = System.nanoTime();
        List<Call> calls = new java.util.ArrayList<>(List.of(() -> Npy.read(f), () -> Npy.readRaster(f)));
        boolean dataOnly = expected.equals("declares") && bytes.length > 12 && bytes[10] == '{';
        if (!dataOnly) {
            calls.add(() -> Npy.probe(f));       // the header itself is bad
        } else {
            Npy.probe(f);                        // the header is fine; the data is missing
        }
        for (Call call : calls) {
            var e = assertThrows(InvalidDataException.class, call::run);
            assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
            assertTrue(e.getMessage().contains(expected), e.getMessage());
        }
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "took longer than a second");
    }

    @Test
    void limitsCapTheDeclaredSizeBeforeAnythingIsAllocated() throws IOException {
        Path f = tmp.resolve("ok.npy");
        Npy.write(f, NdArray.ofFloats(new float[256 * 256], 256, 256));
        var small = DecodeLimits.defaults().withMaxOutputBytes(1000);
        var e = assertThrows(InvalidDataException.class, () -> Npy.read(f, small));
        assertTrue(e.getMessage().contains("decode limit"), e.getMessage());
        e = assertThrows(InvalidDataException.class, () -> Npy.readRaster(f, NdArray.Layout.CHANNELS_LAST, small));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }

    @Test
    void truncatedDataIsReported() throws Exception {
        byte[] full = Files.readAllBytes(resource("le_f8_C.npy"));
        for (int cut = 0; cut < full.length; cut += 7) {
            Path f = write("cut.npy", java.util.Arrays.copyOf(full, cut));
            assertThrows(InvalidDataException.class, () -> Npy.read(f), "cut at " + cut);
            assertThrows(InvalidDataException.class, () -> Npy.readRaster(f), "cut at " + cut);
        }
    }

    @FunctionalInterface
    interface Call {
        Object run() throws IOException;
    }

    // ------------------------------------------------------------------ helpers

    static Raster random(Gen gen, DataType type, int bands, int h, int w) {
        int n = h * w;
        RasterMetadata m = RasterMetadata.of(type, bands, h, w);
        return switch (type) {
            case UINT8, INT8 -> {
                byte[][] d = new byte[bands][];
                for (int b = 0; b < bands; b++) {
                    d[b] = gen.bytes(n, -128, 127);
                }
                yield ByteRaster.wrap(m, d);
            }
            case UINT16, INT16 -> {
                short[][] d = new short[bands][];
                for (int b = 0; b < bands; b++) {
                    d[b] = gen.shorts(n, -32768, 32767);
                }
                yield ShortRaster.wrap(m, d);
            }
            case UINT32, INT32 -> {
                int[][] d = new int[bands][n];
                for (int b = 0; b < bands; b++) {
                    for (int i = 0; i < n; i++) {
                        d[b][i] = gen.between(Integer.MIN_VALUE, Integer.MAX_VALUE - 1);
                    }
                }
                yield IntRaster.wrap(m, d);
            }
            case FLOAT32 -> {
                float[][] d = new float[bands][];
                for (int b = 0; b < bands; b++) {
                    d[b] = gen.floatsWithExtremes(n);
                }
                yield FloatRaster.wrap(m, d);
            }
            case FLOAT64 -> {
                double[][] d = new double[bands][n];
                for (int b = 0; b < bands; b++) {
                    for (int i = 0; i < n; i++) {
                        d[b][i] = gen.chance(0.1) ? Double.NaN : (gen.nextDouble() - 0.5) * 1e300;
                    }
                }
                yield DoubleRaster.wrap(m, d);
            }
        };
    }

    static void assertSame(Raster want, Raster got) {
        assertEquals(want.metadata().dataType(), got.dataType());
        assertEquals(want.bands(), got.bands());
        assertEquals(want.height(), got.height());
        assertEquals(want.width(), got.width());
        for (int b = 0; b < want.bands(); b++) {
            double[] x = want.bandAsDouble(b);
            double[] y = got.bandAsDouble(b);
            for (int i = 0; i < x.length; i++) {
                assertEquals(Double.doubleToLongBits(x[i]), Double.doubleToLongBits(y[i]), "band " + b + " pixel " + i);
            }
        }
    }
}
