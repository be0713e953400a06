package org.landcover4j.core.split;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SplitHashTest {

    /**
     * Golden values computed by an independent Python implementation of the definition on {@link SplitHash}:
     * <pre>
     * M = 2**64 - 1
     * def mix(z): z &= M; z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & M; z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & M; return z ^ (z >> 31)
     * def fnv(s): h = 0xcbf29ce484222325; [h := ((h ^ b) * 0x100000001b3) & M for b in s.encode('utf-8')]; return h
     * def hsh(seed, key): return mix(fnv(key) ^ mix(seed + 0x9e3779b97f4a7c15))
     * </pre>
     * If this test fails, existing split files would be reassigned: do not "fix" the expected values.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|''|-5855150139360134068|0.6825916749338469",
        "0|aachen_1|291209227124426687|0.015786483834806297",
        "42|aachen_1|1624672886173482107|0.08807369363837914",
        "42|data_3|6134762162431544399|0.3325661232095075",
        "-1|ROIs1158_spring_s2_124_p100|-9032503544594793097|0.5103470016983652",
        "7|Zürich_3|-190489155108902927|0.9896735622097999",
        "7|東京_1|7594487280097555020|0.4116979803997649",
        "7|\uD83D\uDE00|4757426846777493866|0.2579006261358511",
    })
    void matchesTheIndependentReference(long seed, String key, long hash, double unit) {
        assertEquals(hash, SplitHash.hash(seed, key));
        assertEquals(unit, SplitHash.unit(seed, key));
    }
}
