package org.landcover4j.io.bench;

import org.openjdk.jmh.annotations.Fork;

/** {@link DeflateBench} with the scalar Adler-32 (forced with {@code -Dlandcover4j.kernels=scalar}). */
@Fork(value = 1, jvmArgsAppend = "-Dlandcover4j.kernels=scalar")
public class ScalarDeflateBench extends DeflateBench {
}
