package org.landcover4j.io.dataset;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.dataset.Datasets;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.io.samples.SampleGenerator;
import org.landcover4j.taxonomy.Taxonomy;
import org.landcover4j.taxonomy.TaxonomyRegistry;

/** Every reader names a built-in taxonomy, and every primary-label value in the samples is a class of it. */
class TaxonomyConsistencyTest {

    @Test
    void labelValuesAreClassesOfTheNamedTaxonomy(@TempDir Path tmp) throws IOException {
        Map<String, Path> roots = SampleGenerator.writeAll(tmp);
        TaxonomyRegistry registry = TaxonomyRegistry.builtIn();
        for (var e : roots.entrySet()) {
            var ds = Datasets.open(e.getValue(), new DatasetTesting.Warnings().options());
            Taxonomy t = registry.findTaxonomy(ds.info().taxonomyId()).orElseThrow(() -> new AssertionError(
                    e.getKey() + " names taxonomy '" + ds.info().taxonomyId() + "', which is not built in"));
            TreeSet<Integer> unknown = new TreeSet<>();
            for (SampleRef r : ds.refs()) {
                if (!r.labelled()) {
                    continue;
                }
                Raster label = ds.readLabel(r).orElseThrow();
                for (double v : label.bandAsDouble(0)) {
                    int code = (int) v;
                    if (!t.contains(code) && !t.isIgnore(code)) {
                        unknown.add(code);
                    }
                }
            }
            assertTrue(unknown.isEmpty(), e.getKey() + ": values " + unknown + " are not classes of " + t.id());
        }
    }
}
