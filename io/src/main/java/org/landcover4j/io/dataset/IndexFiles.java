package org.landcover4j.io.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.landcover4j.core.InvalidDataException;

/**
 * Reads the small text files that index a dataset (split lists, CSV tables, STAC and category JSON), turning every
 * problem into an {@link InvalidDataException} that names the file.
 *
 * <p>Stateless and thread-safe. Files larger than {@link #MAX_BYTES} are refused (the largest real index file,
 * SEN12MS's {@code train_list.txt}, is about 6 MB).
 *
 * {@snippet :
 * List<String> names = IndexFiles.lines(root.resolve("train.txt"));
 * IndexFiles.Table cells = IndexFiles.csv(root.resolve("spatial_cell_info.csv"));
 * JsonNode item = IndexFiles.json(chip.resolve("stac.json"));
 * }
 */
public final class IndexFiles {

    /** The largest index file accepted, in bytes (256 MiB). */
    public static final long MAX_BYTES = 256L << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private IndexFiles() {
    }

    /** The whole file as UTF-8 text (a leading byte-order mark removed). */
    public static String text(Path file) throws InvalidDataException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InvalidDataException(file, "is " + size + " bytes; an index file is expected to be at most "
                        + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidDataException(file, "is missing", e);
        } catch (InvalidDataException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidDataException(file, "cannot be read: " + e.getMessage(), e);
        }
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidDataException(file, "is not UTF-8 text (" + e.getMessage() + ")", e);
        }
        if (s.indexOf('\0') >= 0) {
            throw new InvalidDataException(file, "contains NUL bytes at offset " + s.indexOf('\0')
                    + "; expected a text file");
        }
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** The non-blank lines of a text file, stripped of surrounding blanks, in file order. */
    public static List<String> lines(Path file) throws InvalidDataException {
        List<String> out = new ArrayList<>();
        for (String line : text(file).split("\r\n|\n|\r")) {
            String t = line.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** Parses a JSON file. */
    public static JsonNode json(Path file) throws InvalidDataException {
        String text = text(file);
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new InvalidDataException(file, "is empty; expected a JSON document");
            }
            return node;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new InvalidDataException(file, "is not valid JSON"
                    + (loc != null ? " at line " + loc.getLineNr() + ", column " + loc.getColumnNr() : "")
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses a comma-separated file with a header row (RFC 4180: quoted fields may hold commas, quotes doubled,
     * line breaks).
     *
     * @throws InvalidDataException for an empty file or an unterminated quote
     */
    public static Table csv(Path file) throws InvalidDataException {
        String text = text(file);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                fieldStarted = true;
                quoteLine = line;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                if (fieldStarted || !field.isEmpty() || !row.isEmpty()) {
                    row.add(field.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new InvalidDataException(file, "line " + quoteLine + ": quoted field is never closed");
        }
        if (fieldStarted || !field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new InvalidDataException(file, "is empty; expected a header row and data rows");
        }
        List<String> header = rows.get(0).stream().map(String::strip).toList();
        return new Table(file, header, List.copyOf(rows.subList(1, rows.size())));
    }

    /**
     * A parsed CSV table: header names and data rows, read by column name.
     *
     * @param file   the file it came from (for messages)
     * @param header column names, stripped
     * @param rows   data rows as parsed (rows may be shorter or longer than the header)
     */
    public record Table(Path file, List<String> header, List<List<String>> rows) {

        /** Copies the lists. */
        public Table {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }

        /** The index of a column, or -1 when absent (exact name first, then ignoring case). */
        public int column(String name) {
            int i = header.indexOf(name);
            if (i >= 0) {
                return i;
            }
            for (int j = 0; j < header.size(); j++) {
                if (header.get(j).equalsIgnoreCase(name)) {
                    return j;
                }
            }
            return -1;
        }

        /**
         * The index of a required column.
         *
         * @throws InvalidDataException naming the column and listing the header when it is absent
         */
        public int requireColumn(String name) throws InvalidDataException {
            int i = column(name);
            if (i < 0) {
                throw new InvalidDataException(file, "has no column '" + name + "'; header is " + header);
            }
            return i;
        }

        /** The stripped value of a cell, or the empty string when the row is too short. */
        public static String cell(List<String> row, int column) {
            return column >= 0 && column < row.size() ? row.get(column).strip() : "";
        }
    }
}
