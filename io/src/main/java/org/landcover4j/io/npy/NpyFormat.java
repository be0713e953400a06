package org.landcover4j.io.npy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landcover4j.core.InvalidDataException;

/** The {@code .npy} header: parsing (versions 1.0, 2.0, 3.0) and writing (byte-identical to NumPy's). */
final class NpyFormat {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Largest header accepted; NumPy itself refuses headers over 10,000 bytes by default. */
    static final int MAX_HEADER = 1 << 20;
    private static final int ALIGN = 64;
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    private NpyFormat() {
    }

    /**
     * Reads and parses a header from {@code in}, which is positioned at the magic string.
     *
     * @param where how to name the array in messages ("" for a file, "member 'x.npy': " inside an archive)
     */
    static NpyHeader readHeader(InputStream in, Path file, String where) throws IOException {
        byte[] pre = new byte[12];
        int n = readUpTo(in, pre, 0, 8);
        if (n == 0) {
            throw new InvalidDataException(file, where + "is empty (0 bytes), expected an .npy magic string");
        }
        boolean magicOk = n >= 6;
        for (int i = 0; magicOk && i < 6; i++) {
            magicOk = pre[i] == MAGIC[i];
        }
        if (!magicOk) {
            throw new InvalidDataException(file, where + "not an .npy array: expected magic 93 4E 55 4D 50 59 "
                    + "(\\x93NUMPY), found " + hex(pre, Math.min(n, 6)));
        }
        if (n < 8) {
            throw new InvalidDataException(file, where + "truncated: ends after " + n + " bytes, inside the .npy preamble");
        }
        int major = pre[6] & 0xFF;
        int minor = pre[7] & 0xFF;
        if (major < 1 || major > 3 || minor != 0) {
            throw new InvalidDataException(file, where + ".npy format version " + major + "." + minor
                    + " is not supported (expected 1.0, 2.0 or 3.0)");
        }
        int lenBytes = major == 1 ? 2 : 4;
        if (readUpTo(in, pre, 8, lenBytes) < lenBytes) {
            throw new InvalidDataException(file, where + "truncated: ends inside the .npy header length field");
        }
        long hlen = major == 1 ? (pre[8] & 0xFF) | (pre[9] & 0xFF) << 8
                : ByteBuffer.wrap(pre, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        if (hlen > MAX_HEADER) {
            throw new InvalidDataException(file, where + ".npy header length " + hlen + " exceeds the limit of "
                    + MAX_HEADER + " bytes");
        }
        byte[] h = new byte[(int) hlen];
        int got = readUpTo(in, h, 0, h.length);
        if (got < h.length) {
            throw new InvalidDataException(file, where + "truncated: the .npy header declares " + hlen
                    + " bytes, the data ends after " + got);
        }
        String text;
        if (major == 3) {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(h)).toString();
            } catch (CharacterCodingException e) {
                throw new InvalidDataException(file, where + ".npy 3.0 header is not valid UTF-8");
            }
        } else {
            text = new String(h, StandardCharsets.ISO_8859_1);
        }
        return parse(text, major, minor, 6 + 2 + lenBytes + hlen, file, where);
    }

    static NpyHeader parse(String text, int major, int minor, long dataOffset, Path file, String where)
            throws InvalidDataException {
        Object v = new Parser(text, file, where).top();
        if (!(v instanceof Map<?, ?> dict)) {
            throw new InvalidDataException(file, where + ".npy header is not a dict: " + abbreviate(text));
        }
        if (!dict.keySet().equals(java.util.Set.of("descr", "fortran_order", "shape"))) {
            throw new InvalidDataException(file, where + ".npy header keys are " + dict.keySet()
                    + ", expected exactly descr, fortran_order, shape");
        }
        Object descr = dict.get("descr");
        if (!(descr instanceof String d)) {
            throw new InvalidDataException(file, where + "descr " + descr
                    + " is not supported (structured dtypes are not; expected a string such as '<f4')");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new InvalidDataException(file, where + "fortran_order is " + dict.get("fortran_order")
                    + ", expected True or False");
        }
        if (!(dict.get("shape") instanceof List<?> shapeList)) {
            throw new InvalidDataException(file, where + "shape is " + dict.get("shape") + ", expected a tuple");
        }
        if (shapeList.size() > 64) {
            throw new InvalidDataException(file, where + "shape has " + shapeList.size()
                    + " dimensions, more than NumPy's limit of 64");
        }
        List<Integer> shape = new ArrayList<>(shapeList.size());
        for (Object o : shapeList) {
            if (!(o instanceof Long l) || l < 0 || l > Integer.MAX_VALUE) {
                throw new InvalidDataException(file, where + "shape " + shapeList
                        + " has a dimension that is not an integer in 0..2147483647: " + o);
            }
            shape.add(l.intValue());
        }
        char bo = d.isEmpty() ? '?' : d.charAt(0);
        String code = "<>|=".indexOf(bo) >= 0 ? d.substring(1) : d;
        NpyDtype dtype;
        try {
            dtype = NpyDtype.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException(file, where + "dtype '" + d + "' is not supported (supported: b1 i1 u1 "
                    + "i2 u2 i4 u4 i8 u8 f4 f8, any byte order)");
        }
        if (bo == '|' && dtype.itemSize() > 1) {
            throw new InvalidDataException(file, where + "dtype '" + d + "' has no byte order but "
                    + dtype.itemSize() + "-byte elements");
        }
        ByteOrder order = bo == '>' && dtype.itemSize() > 1 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        NpyHeader header = new NpyHeader(major, minor, dtype, order, fortran, shape, dataOffset);
        try {
            header.dataBytes();
        } catch (ArithmeticException e) {
            throw new InvalidDataException(file, where + "shape " + header.shapeString() + " of " + d
                    + " declares more bytes than a 64-bit count can hold");
        }
        return header;
    }

    /** The complete header bytes (magic to newline) NumPy 1.24+ writes for this array. */
    static byte[] headerBytes(String descr, boolean fortran, List<Integer> shape) {
        StringBuilder sb = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': ")
                .append(fortran ? "True" : "False").append(", 'shape': ").append(shapeRepr(shape)).append(", }");
        if (!shape.isEmpty()) {
            int axis = fortran ? shape.size() - 1 : 0;
            sb.append(" ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape.get(axis)).length())));
        }
        byte[] text = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        int hlen = text.length + 1;
        int lenBytes = 2;
        int pad = ALIGN - ((8 + lenBytes + hlen) % ALIGN);
        int major = 1;
        if (hlen + pad > 0xFFFF) {
            lenBytes = 4;
            major = 2;
            pad = ALIGN - ((8 + lenBytes + hlen) % ALIGN);
        }
        int total = 8 + lenBytes + hlen + pad;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) major).put((byte) 0);
        if (lenBytes == 2) {
            b.putShort((short) (hlen + pad));
        } else {
            b.putInt(hlen + pad);
        }
        b.put(text);
        for (int i = 0; i < pad; i++) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        return b.array();
    }

    static String shapeRepr(List<Integer> shape) {
        if (shape.size() == 1) {
            return "(" + shape.get(0) + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(shape.get(i));
        }
        return sb.append(')').toString();
    }

    static int readUpTo(InputStream in, byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int r = in.read(b, off + total, len - total);
            if (r < 0) {
                break;
            }
            total += r;
        }
        return total;
    }

    static String hex(byte[] b, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append(i == 0 ? "" : " ").append(String.format("%02X", b[i] & 0xFF));
        }
        return len == 0 ? "nothing" : sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    /** A parser for the Python literal subset NumPy headers use: dict, tuple, list, str, int, True/False. */
    private static final class Parser {
        private final String s;
        private final Path file;
        private final String where;
        private int i;
        private int depth;

        Parser(String s, Path file, String where) {
            this.s = s;
            this.file = file;
            this.where = where;
        }

        Object top() throws InvalidDataException {
            Object v = value();
            skipWs();
            if (i != s.length()) {
                throw error("unexpected text after the header dict");
            }
            return v;
        }

        private Object value() throws InvalidDataException {
            skipWs();
            if (i >= s.length()) {
                throw error("header ends early");
            }
            if (++depth > 16) {
                throw error("header nests too deeply");
            }
            try {
                char c = s.charAt(i);
                return switch (c) {
                    case '{' -> dict();
                    case '(' -> sequence(')');
                    case '[' -> sequence(']');
                    case '\'', '"' -> string();
                    default -> {
                        if (c == '-' || c >= '0' && c <= '9') {
                            yield integer();
                        }
                        if (s.startsWith("True", i)) {
                            i += 4;
                            yield Boolean.TRUE;
                        }
                        if (s.startsWith("False", i)) {
                            i += 5;
                            yield Boolean.FALSE;
                        }
                        throw error("unexpected character '" + c + "'");
                    }
                };
            } finally {
                depth--;
            }
        }

        private Map<String, Object> dict() throws InvalidDataException {
            i++;
            Map<String, Object> m = new LinkedHashMap<>();
            while (true) {
                skipWs();
                if (peek() == '}') {
                    i++;
                    return m;
                }
                Object k = value();
                if (!(k instanceof String key)) {
                    throw error("dict key " + k + " is not a string");
                }
                skipWs();
                expect(':');
                Object v = value();
                if (m.put(key, v) != null) {
                    throw error("key '" + key + "' appears twice");
                }
                skipWs();
                if (peek() == ',') {
                    i++;
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private List<Object> sequence(char close) throws InvalidDataException {
            i++;
            List<Object> list = new ArrayList<>();
            while (true) {
                skipWs();
                if (peek() == close) {
                    i++;
                    return list;
                }
                if (list.size() >= 64) {
                    throw error("sequence has more than 64 items");
                }
                list.add(value());
                skipWs();
                if (peek() == ',') {
                    i++;
                } else if (peek() != close) {
                    throw error("expected ',' or '" + close + "'");
                }
            }
        }

        private String string() throws InvalidDataException {
            char q = s.charAt(i++);
            StringBuilder sb = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == q) {
                    return sb.toString();
                }
                if (c == '\\' && i < s.length()) {
                    c = s.charAt(i++);
                }
                sb.append(c);
                if (sb.length() > 256) {
                    throw error("string longer than 256 characters");
                }
            }
            throw error("unterminated string");
        }

        private Long integer() throws InvalidDataException {
            int start = i;
            if (s.charAt(i) == '-') {
                i++;
            }
            while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
            }
            String digits = s.substring(start, i);
            if (i < s.length() && (s.charAt(i) == 'L' || s.charAt(i) == 'l')) {
                i++;                                  // Python 2 long suffix
            }
            if (digits.isEmpty() || digits.equals("-") || digits.length() > 19) {
                throw error("integer '" + digits + "' is malformed or too large");
            }
            return Long.parseLong(digits);
        }

        private void expect(char c) throws InvalidDataException {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        private char peek() throws InvalidDataException {
            if (i >= s.length()) {
                throw error("header ends early");
            }
            return s.charAt(i);
        }

        private void skipWs() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\n' || s.charAt(i) == '\t'
                    || s.charAt(i) == '\r')) {
                i++;
            }
        }

        private InvalidDataException error(String what) {
            return new InvalidDataException(file, where + ".npy header is malformed at character " + i + ": " + what
                    + " in " + abbreviate(s.strip()));
        }
    }
}
