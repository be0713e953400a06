// landcover4j JShell startup, loaded by `./landcover shell` after JShell's DEFAULT imports (java.util.*,
// java.nio.file.*, java.io.*, ...). It imports the library's main packages and defines three helpers:
//   samples()                          the generated sample datasets (id -> folder), written once to the temp folder
//   noisy(label, tax, share, seed)     a stand-in prediction: a label with a seeded share of pixels changed
//   score(reference, prediction, tax)  an EvaluationReport over the classes of a built-in taxonomy
// Try:  var ds = Datasets.open(samples().get("openearthmap"))

import org.landcover4j.core.*;
import org.landcover4j.core.raster.*;
import org.landcover4j.core.kernel.*;
import org.landcover4j.core.dataset.*;
import org.landcover4j.core.tile.*;
import org.landcover4j.core.split.*;
import org.landcover4j.taxonomy.*;
import org.landcover4j.metrics.*;
import org.landcover4j.metrics.report.*;
import org.landcover4j.metrics.consensus.*;
import org.landcover4j.metrics.agreement.*;
import org.landcover4j.metrics.area.*;
import org.landcover4j.metrics.boundary.*;
import org.landcover4j.metrics.roc.*;
import org.landcover4j.io.*;
import org.landcover4j.io.tiff.*;
import org.landcover4j.io.png.*;
import org.landcover4j.io.jpeg.*;
import org.landcover4j.io.npy.*;
import org.landcover4j.io.arrow.*;
import org.landcover4j.io.samples.*;
import org.landcover4j.io.dataset.sen12ms.*;
import org.landcover4j.io.dataset.landcovernet.*;
import org.landcover4j.io.dataset.openearthmap.*;
import org.landcover4j.io.dataset.opensentinelmap.*;
import org.landcover4j.io.dataset.globe230k.*;

/**
 * The sample datasets of SampleGenerator (dataset id -> folder), in the folder landcover4j-samples-USER under the
 * system temporary folder: written on first use (a few seconds), reused afterwards.
 */
Map<String, Path> samples() throws IOException {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "landcover4j-samples-" + System.getProperty("user.name"));
    Map<String, Path> roots = new LinkedHashMap<>();
    boolean complete = true;
    for (String id : List.of("sen12ms", "landcovernet", "openearthmap", "opensentinelmap", "globe230k")) {
        Path root = dir.resolve(id);
        roots.put(id, root);
        complete &= Files.isDirectory(root) && Datasets.detect(root).equals(Optional.of(id));
    }
    if (!complete) {
        System.out.println("|  writing the sample datasets into " + dir);
        return SampleGenerator.writeAll(dir);
    }
    return Collections.unmodifiableMap(roots);
}

/**
 * A stand-in prediction: a copy of band 0 of an 8-bit label in which a share of the pixels (drawn from seed) are set
 * to a random class of a built-in taxonomy; pixels of the taxonomy's ignore classes are left alone.
 */
ByteRaster noisy(Raster label, String taxonomyId, double share, long seed) {
    if (!(label instanceof ByteRaster b)) {
        throw new IllegalArgumentException("noisy() takes an 8-bit label, got " + label);
    }
    Taxonomy t = TaxonomyRegistry.builtIn().taxonomy(taxonomyId);
    int[] classes = t.classes().stream().mapToInt(TaxonClass::code).toArray();
    byte[] px = b.copyBand(0);
    var random = new SplittableRandom(seed);
    for (int i = 0; i < px.length; i++) {
        if (!t.isIgnore(px[i] & 0xff) && random.nextDouble() < share) {
            px[i] = (byte) classes[random.nextInt(classes.length)];
        }
    }
    return ByteRaster.wrap(b.metadata().forBands(0), px);
}

/**
 * Scores a prediction against a reference (band 0 of each) over the classes of a built-in taxonomy ("openearthmap",
 * "igbp", "landcovernet", ...); the taxonomy's ignore classes and the reference's nodata are left out.
 */
EvaluationReport score(Raster reference, Raster prediction, String taxonomyId) {
    Taxonomy t = TaxonomyRegistry.builtIn().taxonomy(taxonomyId);
    var acc = ConfusionAccumulator.builder()
            .classes(t.classes().stream().mapToInt(TaxonClass::code).toArray())
            .classNames(t.classes().stream().map(TaxonClass::name).toList())
            .ignore(t.ignoreClasses().stream().mapToLong(TaxonClass::code).toArray())
            .build();
    return EvaluationReport.of(acc.add(reference, prediction).result(), t);
}
