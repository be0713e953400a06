package org.landcover4j.core.split;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.landcover4j.core.dataset.Split;

/**
 * Writes a {@link SplitAssignment} as split files in a dataset's own format or as a neutral CSV
 * ({@link SplitFormat} lists the files and lines).
 *
 * <p>Lines follow the assignment's order (use {@link SplitAssignment#sorted()} for files sorted by id). Every line
 * is produced before anything is written, so an id that does not fit the format fails with nothing written. Each
 * file is written to a temporary file in the target folder and then moved into place, so a failure never leaves a
 * partial split file behind (files of a set written before the failure stay complete). Excluded samples are not
 * written.
 *
 * <p>Stateless and thread-safe.
 *
 * {@snippet :
 * SplitFiles.write(assignment, SplitFormat.OPENEARTHMAP, Path.of("out"));  // out/train.txt, out/val.txt, out/test.txt
 * SplitFiles.render(assignment, SplitFormat.CSV).get("split.csv");         // "id,split\naachen_1,train\n..."
 * }
 */
public final class SplitFiles {
    private SplitFiles() {
    }

    /**
     * The files {@code format} would write, as file name to content, in writing order.
     *
     * @throws IllegalArgumentException naming the id when an id does not fit the format
     */
    public static Map<String, String> render(SplitAssignment assignment, SplitFormat format) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : fileNames(assignment, format)) {
            StringWriter w = new StringWriter();
            try {
                writeFile(assignment, format, name, w);
            } catch (IOException e) {
                throw new UncheckedIOException(e);  // a StringWriter does not throw
            }
            out.put(name, w.toString());
        }
        return out;
    }

    /**
     * Writes the split files of {@code format} into {@code dir} (created if missing), replacing existing ones.
     *
     * @return the files written, in order
     * @throws IOException              naming the file and the reason when a file or the folder cannot be written
     * @throws IllegalArgumentException naming the id when an id does not fit the format (nothing is written)
     */
    public static List<Path> write(SplitAssignment assignment, SplitFormat format, Path dir) throws IOException {
        Objects.requireNonNull(assignment, "assignment");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(dir, "dir");
        assignment.forEach((id, s) -> format.line(id));  // fail on a bad id before touching the disk
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot write split files to " + dir + ": " + reason(e), e);
        }
        List<Path> written = new ArrayList<>();
        for (String name : fileNames(assignment, format)) {
            Path target = dir.resolve(name);
            Path tmp = null;
            try {
                tmp = Files.createTempFile(dir, "." + name + ".", ".tmp");
                try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
                    writeFile(assignment, format, name, w);
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                tmp = null;
                written.add(target);
            } catch (IOException e) {
                throw new IOException("cannot write " + target + ": " + reason(e), e);
            } finally {
                if (tmp != null) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // the original failure is the one to report
                    }
                }
            }
        }
        return written;
    }

    private static List<String> fileNames(SplitAssignment a, SplitFormat f) {
        if (f.isTable()) {
            return List.of(f.fileName(Split.TRAIN));
        }
        return f.listedSplits(a.count(Split.VAL)).stream().map(f::fileName).toList();
    }

    private static void writeFile(SplitAssignment a, SplitFormat f, String name, Writer w) throws IOException {
        if (f.isTable()) {
            w.write(f.header());
            w.write('\n');
            List<String> ids = a.ids();
            for (int i = 0; i < ids.size(); i++) {
                w.write(f.line(ids.get(i)));
                w.write(',');
                w.write(f.splitName(a.splitAt(i)));
                w.write('\n');
            }
            return;
        }
        Split split = null;
        for (Split s : Split.values()) {
            if (f.fileName(s).equals(name)) {
                split = s;
            }
        }
        List<String> ids = a.ids();
        for (int i = 0; i < ids.size(); i++) {
            if (a.splitAt(i) == split) {
                w.write(f.line(ids.get(i)));
                w.write('\n');
            }
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileAlreadyExistsException x) {
            return x.getFile() + " exists and is not a folder";
        }
        if (e instanceof FileSystemException x && x.getReason() != null) {
            return x.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
