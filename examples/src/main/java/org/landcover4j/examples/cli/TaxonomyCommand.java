package org.landcover4j.examples.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.landcover4j.taxonomy.Crosswalk;
import org.landcover4j.taxonomy.Rgb;
import org.landcover4j.taxonomy.TaxonClass;
import org.landcover4j.taxonomy.Taxonomy;
import org.landcover4j.taxonomy.TaxonomyRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code landcover taxonomy list} and {@code landcover taxonomy show ID}: the built-in class systems and crosswalks
 * (plus any loaded with {@code --taxonomy-file}), a taxonomy's tree with its colours, and a legend picture.
 */
@Command(name = "taxonomy", mixinStandardHelpOptions = true,
        description = "List and show class systems (taxonomies) and the crosswalks between them.",
        synopsisSubcommandLabel = "(list | show)",
        subcommands = {TaxonomyCommand.ListCommand.class, TaxonomyCommand.ShowCommand.class})
public final class TaxonomyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list or show");
    }

    /** The built-in registry plus the user's JSON files. */
    static TaxonomyRegistry registry(List<Path> files) throws IOException {
        TaxonomyRegistry reg = TaxonomyRegistry.builtIn();
        if (files != null) {
            for (Path f : files) {
                reg = reg.load(f);
            }
        }
        return reg;
    }

    /** Whether stdout is a terminal: the launcher's property, else the JVM's console, and never with NO_COLOR. */
    static boolean stdoutIsTerminal() {
        String env = System.getenv("NO_COLOR");
        if (env != null && !env.isEmpty()) {
            return false;
        }
        String p = System.getProperty("landcover.stdout.tty");
        if (p != null) {
            return Boolean.parseBoolean(p);
        }
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {   // Console.isTerminal() exists from Java 22; on 21 a non-null console means a terminal
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    // ---------------------------------------------------------------------------------------------------- list

    /** {@code taxonomy list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List every built-in taxonomy and crosswalk (and those of --taxonomy-file).")
    static final class ListCommand implements Callable<Integer> {
        @Mixin
        JsonOutput json;

        @Option(names = "--taxonomy-file", paramLabel = "FILE",
                description = "Also load taxonomies and crosswalks from this JSON file (repeatable).")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            TaxonomyRegistry reg = registry(files);
            if (json.requested()) {
                List<Map<String, Object>> ts = new ArrayList<>();
                for (Taxonomy t : reg.taxonomies()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", t.id());
                    m.put("name", t.name());
                    m.put("classes", t.classes().size());
                    m.put("levels", t.levels());
                    ts.add(m);
                }
                List<Map<String, Object>> cs = new ArrayList<>();
                for (Crosswalk c : reg.crosswalks()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", c.id());
                    m.put("from", c.source().id());
                    m.put("to", c.target().id());
                    cs.add(m);
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("taxonomies", ts);
                out.put("crosswalks", cs);
                json.write(out);
            }
            if (!json.toStdout()) {
                PrintStream o = System.out;
                int w = reg.taxonomies().stream().mapToInt(t -> t.id().length()).max().orElse(0);
                o.println("Taxonomies (" + reg.taxonomies().size() + "):");
                for (Taxonomy t : reg.taxonomies()) {
                    o.printf(Locale.ROOT, "  %-" + w + "s  %3d %-7s %d %-6s  %s%n", t.id(), t.classes().size(),
                            t.classes().size() == 1 ? "class," : "classes,", t.levels(),
                            t.levels() == 1 ? "level" : "levels", t.name());
                }
                o.println("Crosswalks (" + reg.crosswalks().size() + "):");
                for (Crosswalk c : reg.crosswalks()) {
                    o.println("  " + c.id());
                }
                o.println("Show one with: landcover taxonomy show ID");
            }
            return ExitCodes.OK;
        }
    }

    // ---------------------------------------------------------------------------------------------------- show

    /** {@code taxonomy show ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Show a taxonomy as a tree with its colours (colour swatches when stdout is a terminal),",
                "or a crosswalk (ID = FROM:TO) as a table. --png writes a legend picture."})
    static final class ShowCommand implements Callable<Integer> {
        @Mixin
        JsonOutput json;

        @Parameters(index = "0", paramLabel = "ID", description = "A taxonomy id (see 'taxonomy list') or a "
                + "crosswalk id FROM:TO.")
        String id;

        @Option(names = "--png", paramLabel = "FILE", description = "Write a legend picture: each class's colour "
                + "swatch and name.")
        Path png;

        @Option(names = "--taxonomy-file", paramLabel = "FILE",
                description = "Also load taxonomies and crosswalks from this JSON file (repeatable).")
        List<Path> files;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            TaxonomyRegistry reg = registry(files);
            if (id.contains(":")) {
                Crosswalk cw = reg.findCrosswalk(id).orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "unknown crosswalk '" + id + "'; see 'landcover taxonomy list'"));
                if (png != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--png draws a taxonomy's legend; give a taxonomy id, not a crosswalk");
                }
                if (json.requested()) {
                    json.write(crosswalkJson(cw));
                }
                if (!json.toStdout()) {
                    System.out.print(cw);
                }
                return ExitCodes.OK;
            }
            Taxonomy t = reg.findTaxonomy(id).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), "unknown taxonomy '" + id + "'; known: "
                    + reg.taxonomies().stream().map(Taxonomy::id).toList()));
            if (png != null) {
                writeLegend(t, png);
            }
            if (json.requested()) {
                json.write(taxonomyJson(t));
            }
            if (!json.toStdout()) {
                System.out.print(render(t, stdoutIsTerminal()));
                if (png != null) {
                    System.out.println("Legend written to " + png);
                }
            }
            return ExitCodes.OK;
        }
    }

    static Map<String, Object> taxonomyJson(Taxonomy t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", t.id());
        out.put("name", t.name());
        out.put("description", t.description());
        out.put("levels", t.levels());
        List<Map<String, Object>> classes = new ArrayList<>();
        for (TaxonClass c : t.allClasses()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", c.code());
            m.put("name", c.name());
            m.put("colour", c.colour().hex());
            m.put("level", c.level());
            m.put("parent", c.parent().isPresent() ? c.parent().getAsInt() : null);
            m.put("ignore", c.ignore());
            m.put("description", c.description());
            classes.add(m);
        }
        out.put("classes", classes);
        return out;
    }

    static Map<String, Object> crosswalkJson(Crosswalk cw) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", cw.id());
        out.put("from", cw.source().id());
        out.put("to", cw.target().id());
        out.put("fill", cw.fill());
        Map<String, Object> table = new LinkedHashMap<>();
        for (TaxonClass c : cw.source().allClasses()) {
            table.put(Integer.toString(c.code()), cw.lookup(c.code()));
        }
        out.put("table", table);
        return out;
    }

    /** The tree, one class per line; with {@code ansi}, a 24-bit colour swatch before each class. */
    static String render(Taxonomy t, boolean ansi) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.id()).append(": ").append(t.name()).append(" (").append(t.classes().size()).append(" classes, ")
                .append(t.levels()).append(t.levels() == 1 ? " level)" : " levels)").append('\n');
        List<TaxonClass> roots = t.roots();
        for (int i = 0; i < roots.size(); i++) {
            renderNode(sb, t, roots.get(i), "", i == roots.size() - 1, ansi);
        }
        for (TaxonClass c : t.ignoreClasses()) {
            sb.append("(ignore) ").append(swatch(c.colour(), ansi)).append(c.code()).append(' ').append(c.name())
                    .append(' ').append(c.colour()).append('\n');
        }
        return sb.toString();
    }

    private static void renderNode(StringBuilder sb, Taxonomy t, TaxonClass c, String prefix, boolean last,
                                   boolean ansi) {
        sb.append(prefix).append(last ? "`-- " : "|-- ").append(swatch(c.colour(), ansi)).append(c.code()).append(' ')
                .append(c.name()).append(' ').append(c.colour()).append('\n');
        List<TaxonClass> kids = t.children(c.code());
        for (int i = 0; i < kids.size(); i++) {
            renderNode(sb, t, kids.get(i), prefix + (last ? "    " : "|   "), i == kids.size() - 1, ansi);
        }
    }

    private static String swatch(Rgb c, boolean ansi) {
        return ansi ? String.format(Locale.ROOT, "\u001b[48;2;%d;%d;%dm  \u001b[0m ", c.red(), c.green(), c.blue())
                : "";
    }

    // -------------------------------------------------------------------------------------------------- legend

    private static final int PAD = 14;
    private static final int ROW = 22;
    private static final int INDENT = 22;
    private static final int SWATCH_W = 30;
    private static final int SWATCH_H = 15;

    /** Draws the legend: title, then each class (indented by level) as a swatch and "code name". */
    static BufferedImage legend(Taxonomy t) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<TaxonClass> rows = new ArrayList<>();
        collect(t, t.roots(), rows);
        rows.addAll(t.ignoreClasses());
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        Font title = font.deriveFont(Font.BOLD, 15f);
        try {
            BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            Graphics2D sg = scratch.createGraphics();
            FontMetrics fm = sg.getFontMetrics(font);
            String heading = t.name() + " (" + t.id() + ")";
            int width = sg.getFontMetrics(title).stringWidth(heading);
            for (TaxonClass c : rows) {
                width = Math.max(width, indent(c) + SWATCH_W + 8 + fm.stringWidth(text(c)));
            }
            sg.dispose();
            int gap = t.ignoreClasses().isEmpty() ? 0 : ROW / 2;
            int height = PAD * 2 + ROW + 6 + rows.size() * ROW + gap;
            BufferedImage img = new BufferedImage(width + PAD * 2, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(title);
            g.drawString(heading, PAD, PAD + 15);
            g.setFont(font);
            g.setStroke(new BasicStroke(1f));
            int y = PAD + ROW + 6;
            for (TaxonClass c : rows) {
                if (c.ignore() && gap > 0 && c == t.ignoreClasses().get(0)) {
                    y += gap;
                }
                int x = PAD + indent(c);
                g.setColor(new Color(c.colour().packed()));
                g.fillRect(x, y + (ROW - SWATCH_H) / 2, SWATCH_W, SWATCH_H);
                g.setColor(new Color(0x555555));
                g.drawRect(x, y + (ROW - SWATCH_H) / 2, SWATCH_W - 1, SWATCH_H - 1);
                g.setColor(Color.BLACK);
                g.drawString(text(c), x + SWATCH_W + 8, y + ROW / 2 + fm.getAscent() / 2 - 1);
                y += ROW;
            }
            g.dispose();
            return img;
        } catch (InternalError | UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new IllegalStateException("cannot draw text for the legend (no usable fonts in this Java "
                    + "installation; install fontconfig and a font such as DejaVu): " + e.getMessage(), e);
        }
    }

    private static void collect(Taxonomy t, List<TaxonClass> level, List<TaxonClass> out) {
        for (TaxonClass c : level) {
            out.add(c);
            collect(t, t.children(c.code()), out);
        }
    }

    private static int indent(TaxonClass c) {
        return c.ignore() ? 0 : (c.level() - 1) * INDENT;
    }

    private static String text(TaxonClass c) {
        return c.code() + "  " + c.name() + (c.ignore() ? "  (ignored)" : "");
    }

    /** Writes the legend as PNG. */
    static void writeLegend(Taxonomy t, Path file) throws IOException {
        BufferedImage img = legend(t);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer available to write " + file);
        }
    }
}
