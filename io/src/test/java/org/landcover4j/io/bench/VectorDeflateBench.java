package org.landcover4j.io.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link DeflateBench} with the Vector API Adler-32 (opt-in: {@code -Dlandcover4j.adler32=vector}; JMH's warm-up
 * hides the interpreted start that makes it the slower choice for short runs).
 */
@Fork(value = 1, jvmArgsAppend = "-Dlandcover4j.adler32=vector")
public class VectorDeflateBench extends DeflateBench {
}
