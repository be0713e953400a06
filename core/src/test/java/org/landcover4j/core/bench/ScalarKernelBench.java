package org.landcover4j.core.bench;

import org.openjdk.jmh.annotations.Fork;

/** {@link KernelBench} on the scalar reference (forced with {@code -Dlandcover4j.kernels=scalar}). */
@Fork(value = 1, jvmArgsAppend = "-Dlandcover4j.kernels=scalar")
public class ScalarKernelBench extends KernelBench {

    @Override
    boolean vector() {
        return false;
    }
}
