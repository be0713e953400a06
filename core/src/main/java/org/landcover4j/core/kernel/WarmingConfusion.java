package org.landcover4j.core.kernel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confusion counting that answers with the scalar reference until the SIMD twin is seen compiled, then with the
 * twin for good.
 *
 * <p>Why: Vector API code runs interpreted, or C1-compiled without intrinsics, until C2 compiles it, and then it is
 * hundreds of times slower than the scalar loop (each vector operation allocates and calls lambdas). Handed whole
 * 512 x 512 label maps from the start, the twin's first three calls took 0.44 s in one measurement (the scalar
 * code's: 0.06 s), more than the twin saves over a few thousand maps. So, while warming, each call of at least
 * {@value #MIN_LENGTH} elements counts its first {@value #PROBE} elements with the twin, timed, and the rest with
 * the scalar code; once {@value #WINS} probes have taken under {@value #FAST_NANOS} ns (compiled, a probe takes about
 * ten microseconds, most of it the kernel's fixed cost per call; interpreted or C1-compiled, several hundred),
 * every later call goes to the twin. After {@value #COMMIT_AFTER} probes without that (a JVM without the launcher's JIT hint compiles the twin only once whole
 * calls run through it), every later call goes to the twin anyway, as it would without this class: a long run needs
 * the twin, and whole calls get it compiled within a few calls. Counts are exact either way: both implementations
 * count every element once and are tested to agree.
 *
 * <p>Thread safety: the switch is a volatile flag; the probe counters are advisory (a lost update only delays the
 * switch).
 */
final class WarmingConfusion {
    /** Elements counted by the twin per probe: a few vector iterations, cheap even when interpreted. */
    static final int PROBE = 128;
    /** Calls on fewer elements are counted by the scalar code while warming (no probe). */
    static final int MIN_LENGTH = 4096;
    /** A probe this fast shows the twin compiled. */
    static final long FAST_NANOS = 50_000;
    /** Fast probes needed. */
    static final int WINS = 3;
    /** Probes after which the twin answers even if no probe was fast. */
    static final int COMMIT_AFTER = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(WarmingConfusion.class);

    private final KernelImpl scalar;
    private final KernelImpl twin;
    private final int commitAfter;
    private volatile boolean useTwin;
    private int probes;
    private int wins;

    WarmingConfusion(KernelImpl scalar, KernelImpl twin) {
        this(scalar, twin, COMMIT_AFTER);
    }

    /** With another probe budget (for tests). */
    WarmingConfusion(KernelImpl scalar, KernelImpl twin, int commitAfter) {
        this.scalar = scalar;
        this.twin = twin;
        this.commitAfter = commitAfter;
    }

    /** Probes made so far. */
    int probes() {
        return probes;
    }

    /** Whether the twin now counts every call. */
    boolean usesTwin() {
        return useTwin;
    }

    void confusionU8(byte[] ref, int refOff, byte[] pred, int predOff, int len, int numClasses, byte[] ignore,
                     long[] counts) {
        if (useTwin) {
            twin.confusionU8(ref, refOff, pred, predOff, len, numClasses, ignore, counts);
            return;
        }
        if (len < MIN_LENGTH) {
            scalar.confusionU8(ref, refOff, pred, predOff, len, numClasses, ignore, counts);
            return;
        }
        long t0 = System.nanoTime();
        twin.confusionU8(ref, refOff, pred, predOff, PROBE, numClasses, ignore, counts);
        long t = System.nanoTime() - t0;
        scalar.confusionU8(ref, refOff + PROBE, pred, predOff + PROBE, len - PROBE, numClasses, ignore, counts);
        judge(t);
    }

    void confusionU16(short[] ref, int refOff, short[] pred, int predOff, int len, int numClasses, byte[] ignore,
                      long[] counts) {
        if (useTwin) {
            twin.confusionU16(ref, refOff, pred, predOff, len, numClasses, ignore, counts);
            return;
        }
        if (len < MIN_LENGTH) {
            scalar.confusionU16(ref, refOff, pred, predOff, len, numClasses, ignore, counts);
            return;
        }
        long t0 = System.nanoTime();
        twin.confusionU16(ref, refOff, pred, predOff, PROBE, numClasses, ignore, counts);
        long t = System.nanoTime() - t0;
        scalar.confusionU16(ref, refOff + PROBE, pred, predOff + PROBE, len - PROBE, numClasses, ignore, counts);
        judge(t);
    }

    private void judge(long twinNanos) {
        int p = ++probes;
        if (twinNanos < FAST_NANOS && ++wins >= WINS) {
            useTwin = true;
            LOG.debug("confusion counting switches to {} after {} probes", twin.name(), p);
        } else if (p >= commitAfter) {
            useTwin = true;
            LOG.debug("confusion counting switches to {} after {} probes without a fast one", twin.name(), p);
        }
    }
}
