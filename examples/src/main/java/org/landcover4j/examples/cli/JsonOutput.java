package org.landcover4j.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --json FILE} option shared by every command (a picocli mixin): writes the machine-readable result
 * to FILE, or to stdout for {@code -}.
 *
 * <p>Conventions (CLI.md): snake_case keys (commands build their results as ordered maps or records with
 * snake_case names), undefined values (NaN, infinities) are written as {@code null}, counts as integers.
 *
 * {@snippet :
 * @Mixin JsonOutput json;
 * ...
 * if (json.requested()) json.write(Map.of("samples", 9));
 * }
 */
public final class JsonOutput {

    @Option(names = "--json", paramLabel = "FILE", description = "Write the machine-readable result to FILE ('-' for stdout).")
    Path file;

    /** Created on first use: commands that write no JSON do not pay for Jackson's start-up (~0.2 s). */
    private static final class Holder {
        static final ObjectMapper MAPPER = createMapper();
    }

    /** The shared mapper: NaN and infinities become null, output is indented. */
    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    private static ObjectMapper createMapper() {
        SimpleModule nanAsNull = new SimpleModule("nan-as-null");
        NonFiniteAsNull serializer = new NonFiniteAsNull();
        for (Class<?> c : new Class<?>[] {Double.class, double.class, Float.class, float.class}) {
            @SuppressWarnings("unchecked")
            Class<Number> type = (Class<Number>) c;
            nanAsNull.addSerializer(type, serializer);
        }
        return new ObjectMapper().registerModule(nanAsNull).enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** Writes NaN and infinities as null (undefined), every other number as itself. */
    private static final class NonFiniteAsNull extends StdSerializer<Number> {
        private static final long serialVersionUID = 1L;

        NonFiniteAsNull() {
            super(Number.class);
        }

        @Override
        public void serialize(Number v, JsonGenerator g, SerializerProvider p) throws IOException {
            double d = v.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                g.writeNull();
            } else if (v instanceof Float f) {
                g.writeNumber(f);
            } else {
                g.writeNumber(d);
            }
        }
    }

    /** Whether {@code --json} was given. */
    public boolean requested() {
        return file != null;
    }

    /** Whether the JSON goes to stdout (then the readable summary is not printed). */
    public boolean toStdout() {
        return file != null && file.toString().equals("-");
    }

    /**
     * Writes {@code value} as JSON to the requested destination.
     *
     * @throws UncheckedIOException when the file cannot be written (exit code 1, naming the file)
     */
    public void write(Object value) {
        try {
            if (toStdout()) {
                OutputStream out = System.out;
                Holder.MAPPER.writeValue(out, value);
                System.out.println();
                System.out.flush();
            } else {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Holder.MAPPER.writeValue(file.toFile(), value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to " + file + ": " + e.getMessage(), e);
        }
    }
}
