package org.landcover4j.core.kernel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confusion counting that answers with the scalar reference until the SIMD twin is seen compiled, then with the
 * twin for good.
 *
 * <p>Why: Vector API code runs interpreted, or C1-compiled without intrinsics, until C2 compiles it, and then it is
 * hundreds of times slower than the scalar loop (each vector operation allocates and calls lambdas). The twin's
 * few-class path is a large method; counting the first 512 x 512 label maps with it cost about 0.3 s in
 * {@code landcover evaluate}, more than the twin saves over a few thousand maps. So, while warming, each call of
 * at least {@value #MIN_LENGTH} elements counts its first {@value #PROBE} elements with the twin (timed) and the
 * next {@value #PROBE} with the scalar code (timed), and the rest with the scalar code; once the twin's probe has
 * taken less than {@value #SLOWER_AT_MOST} times the scalar probe's time on {@value #WINS} calls it is compiled
 * (interpreted it is 100 to 1000 times slower), and every later call goes to the twin. After {@value #MAX_PROBES}
 * probes without that, the scalar code stays. Counts are exact either way: both implementations count every
 * element once and are tested to agree.
 *
 * <p>Thread safety: the switch is a volatile flag; the probe counters are advisory (a lost update only delays the
 * switch).
 */
final class WarmingConfusion {
    /** Elements counted by the twin, and then by the scalar code, per probe. */
    static final int PROBE = 1024;
    /** Calls on fewer elements are counted by the scalar code while warming (no probe). */
    static final int MIN_LENGTH = 4 * PROBE;
    /** The twin counts as compiled when its probe takes at most this many times the scalar probe's time. */
    static final long SLOWER_AT_MOST = 4;
    /** Probes that must show the twin compiled. */
    static final int WINS = 3;
    /** Probes after which the scalar code is kept. */
    static final int MAX_PROBES = 5000;

    private static final Logger LOG = LoggerFactory.getLogger(WarmingConfusion.class);

    private final KernelImpl scalar;
    private final KernelImpl twin;
    private final int maxProbes;
    private volatile boolean useTwin;
    private int probes;
    private int wins;

    WarmingConfusion(KernelImpl scalar, KernelImpl twin) {
        this(scalar, twin, MAX_PROBES);
    }

    /** With another probe budget (for tests). */
    WarmingConfusion(KernelImpl scalar, KernelImpl twin, int maxProbes) {
        this.scalar = scalar;
        this.twin = twin;
        this.maxProbes = maxProbes;
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
        if (len < MIN_LENGTH || probes >= maxProbes) {
            scalar.confusionU8(ref, refOff, pred, predOff, len, numClasses, ignore, counts);
            return;
        }
        long t0 = System.nanoTime();
        twin.confusionU8(ref, refOff, pred, predOff, PROBE, numClasses, ignore, counts);
        long t1 = System.nanoTime();
        scalar.confusionU8(ref, refOff + PROBE, pred, predOff + PROBE, PROBE, numClasses, ignore, counts);
        long t2 = System.nanoTime();
        scalar.confusionU8(ref, refOff + 2 * PROBE, pred, predOff + 2 * PROBE, len - 2 * PROBE, numClasses, ignore,
                counts);
        judge(t1 - t0, t2 - t1);
    }

    void confusionU16(short[] ref, int refOff, short[] pred, int predOff, int len, int numClasses, byte[] ignore,
                      long[] counts) {
        if (useTwin) {
            twin.confusionU16(ref, refOff, pred, predOff, len, numClasses, ignore, counts);
            return;
        }
        if (len < MIN_LENGTH || probes >= maxProbes) {
            scalar.confusionU16(ref, refOff, pred, predOff, len, numClasses, ignore, counts);
            return;
        }
        long t0 = System.nanoTime();
        twin.confusionU16(ref, refOff, pred, predOff, PROBE, numClasses, ignore, counts);
        long t1 = System.nanoTime();
        scalar.confusionU16(ref, refOff + PROBE, pred, predOff + PROBE, PROBE, numClasses, ignore, counts);
        long t2 = System.nanoTime();
        scalar.confusionU16(ref, refOff + 2 * PROBE, pred, predOff + 2 * PROBE, len - 2 * PROBE, numClasses, ignore,
                counts);
        judge(t1 - t0, t2 - t1);
    }

    private void judge(long twinNanos, long scalarNanos) {
        int p = ++probes;
        if (twinNanos <= SLOWER_AT_MOST * Math.max(scalarNanos, 1) && ++wins >= WINS) {
            useTwin = true;
            LOG.debug("confusion counting switches to {} after {} probes", twin.name(), p);
        } else if (p == maxProbes) {
            LOG.debug("confusion counting keeps the scalar code: {} probes never showed {} compiled", p,
                    twin.name());
        }
    }
}
