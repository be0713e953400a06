package org.landcover4j.io.arrow;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The file side of every Arrow writer: a temporary file beside the target, record batches of a fixed number of
 * rows through one reused {@link VectorSchemaRoot}, and an atomic move onto the target on {@link #commit()}.
 * Closing without committing deletes the temporary file, so a failure never leaves a partial Arrow file behind.
 */
final class ArrowSink implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final BufferAllocator allocator;
    private final VectorSchemaRoot root;
    private final OutputStream out;
    private final ArrowFileWriter writer;
    private boolean committed;
    private boolean closed;

    ArrowSink(Path target, Schema schema) throws IOException {
        this.target = Objects.requireNonNull(target, "target").toAbsolutePath();
        Path dir = this.target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException(target + ": cannot write the Arrow file: folder " + dir + " does not exist");
        }
        if (Files.isDirectory(this.target)) {
            throw new IOException(target + ": cannot write the Arrow file: it is a folder");
        }
        try {
            this.temp = Files.createTempFile(dir, "." + this.target.getFileName() + ".", ".partial");
        } catch (IOException e) {
            throw new IOException(target + ": cannot write the Arrow file: " + e.getMessage(), e);
        }
        BufferAllocator a = null;
        VectorSchemaRoot r = null;
        OutputStream o = null;
        try {
            a = new RootAllocator();
            r = VectorSchemaRoot.create(schema, a);
            o = Files.newOutputStream(temp);
            ArrowFileWriter w = new ArrowFileWriter(r, null, Channels.newChannel(o));
            w.start();
            this.allocator = a;
            this.root = r;
            this.out = o;
            this.writer = w;
        } catch (IOException | RuntimeException e) {
            closeQuietly(o);
            if (r != null) {
                r.close();
            }
            if (a != null) {
                a.close();
            }
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    VectorSchemaRoot root() {
        return root;
    }

    /** The most off-heap memory Arrow's allocator held at once so far, in bytes. */
    long peakMemory() {
        return allocator.getPeakMemoryAllocation();
    }

    /** Writes the rows filled into the root as one record batch. */
    void writeBatch(int rows) throws IOException {
        root.setRowCount(rows);
        writer.writeBatch();
    }

    /** Finishes the file and moves it onto the target. */
    void commit() throws IOException {
        if (closed) {
            throw new IllegalStateException("the writer is closed");
        }
        writer.end();
        writer.close();
        out.close();
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        close();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!committed) {
                try {
                    writer.close();
                } catch (RuntimeException ignored) {
                    // the file is being discarded
                }
                closeQuietly(out);
                Files.deleteIfExists(temp);
            }
        } finally {
            root.close();
            allocator.close();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // closing after a failure; the original failure is what matters
        }
    }
}
