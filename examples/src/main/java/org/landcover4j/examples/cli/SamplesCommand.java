package org.landcover4j.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.landcover4j.io.samples.SampleGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code landcover samples --output DIR}: writes the project's small generated samples of all five datasets
 * (real layouts and quirks, synthetic pixels), the same bytes for the same seed on every machine.
 */
@Command(name = "samples", mixinStandardHelpOptions = true,
        description = "Write small generated samples of all five datasets (real layouts, synthetic pixels).")
public final class SamplesCommand implements Callable<Integer> {

    @Option(names = "--output", required = true, paramLabel = "DIR",
            description = "Folder to write into (one sub-folder per dataset).")
    Path output;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the synthetic pixels (default: the project's).")
    Long seed;

    @Option(names = "--real-sizes", description = "Write samples at the datasets' real sizes (larger files).")
    boolean realSizes;

    @Mixin
    JsonOutput json;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new BadInputException(output + ": not a folder");
        }
        Files.createDirectories(output);
        SampleGenerator generator = seed == null ? SampleGenerator.defaults() : SampleGenerator.withSeed(seed);
        if (realSizes) {
            generator = generator.withRealSizes();
        }
        Map<String, Path> written = generator.all(output);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("output", output.toAbsolutePath().toString());
        result.put("seed", generator.seed());
        Map<String, String> datasets = new LinkedHashMap<>();
        written.forEach((id, path) -> datasets.put(id, path.toAbsolutePath().toString()));
        result.put("datasets", datasets);
        if (!json.toStdout()) {
            System.out.println("wrote samples of " + written.size() + " datasets into " + output + " (" + generator + ")");
            written.forEach((id, path) -> System.out.printf("  %-16s %s%n", id, path));
        }
        if (json.requested()) {
            json.write(result);
        }
        return ExitCodes.OK;
    }
}
