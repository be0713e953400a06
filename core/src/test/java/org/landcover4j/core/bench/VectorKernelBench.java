package org.landcover4j.core.bench;

import org.openjdk.jmh.annotations.Fork;

/** {@link KernelBench} on the SIMD twin (forced with {@code -Dlandcover4j.kernels=vector}; needs the module). */
@Fork(value = 1, jvmArgsAppend = "-Dlandcover4j.kernels=vector")
public class VectorKernelBench extends KernelBench {

    @Override
    boolean vector() {
        return true;
    }
}
