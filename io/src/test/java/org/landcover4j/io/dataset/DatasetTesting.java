package org.landcover4j.io.dataset;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.CRC32;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.raster.Raster;

/** Helpers shared by the dataset reader tests. */
public final class DatasetTesting {
    private DatasetTesting() {
    }

    /** Collects warnings as "source: message" lines. */
    public static final class Warnings {
        public final List<String> lines = new CopyOnWriteArrayList<>();

        public DatasetOptions options() {
            return DatasetOptions.defaults().withWarnings((s, m) -> lines.add(s + ": " + m));
        }

        @Override
        public String toString() {
            return String.join("\n", lines);
        }
    }

    /** A CRC over the exact sample bits of every band of a raster (NaN payloads included). */
    public static long checksum(Raster r) {
        CRC32 crc = new CRC32();
        for (int b = 0; b < r.bands(); b++) {
            double[] v = r.bandAsDouble(b);
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(v.length * 8);
            for (double d : v) {
                buf.putLong(Double.doubleToRawLongBits(d));
            }
            crc.update(buf.array());
        }
        return crc.getValue();
    }

    /** Cuts a file to a third of its length (a truncated download). */
    public static void truncate(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(b, b.length / 3));
    }

    /** Copies a folder tree. */
    public static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes a folder tree. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
