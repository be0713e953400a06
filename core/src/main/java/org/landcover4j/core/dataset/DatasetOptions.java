package org.landcover4j.core.dataset;

import java.util.Objects;
import org.landcover4j.core.ProgressListener;
import org.landcover4j.core.WarningListener;

/**
 * How a dataset is opened: where warnings go and who hears about the progress of enumeration.
 *
 * <p>Immutable. The defaults log warnings through SLF4J and report no progress. The listeners are also used when
 * samples are read (a sample whose source scenes are missing warns then), so they must be thread-safe when the
 * dataset is read from several threads.
 *
 * {@snippet :
 * var warnings = new java.util.concurrent.CopyOnWriteArrayList<String>();
 * var options = DatasetOptions.defaults().withWarnings((src, msg) -> warnings.add(src + ": " + msg));
 * var ds = Datasets.open(Path.of("samples/opensentinelmap"), options);
 * }
 *
 * @param warnings receives every skip and oddity, one line each
 * @param progress receives progress of long enumerations
 */
public record DatasetOptions(WarningListener warnings, ProgressListener progress) {

    /** Validates non-null listeners. */
    public DatasetOptions {
        Objects.requireNonNull(warnings, "warnings (use WarningListener.ignore())");
        Objects.requireNonNull(progress, "progress (use ProgressListener.none())");
    }

    /** Warnings logged through SLF4J, no progress reports. */
    public static DatasetOptions defaults() {
        return new DatasetOptions(WarningListener.logging(), ProgressListener.none());
    }

    /** A copy with another warning listener. */
    public DatasetOptions withWarnings(WarningListener listener) {
        return new DatasetOptions(listener, progress);
    }

    /** A copy with another progress listener. */
    public DatasetOptions withProgress(ProgressListener listener) {
        return new DatasetOptions(warnings, listener);
    }
}
