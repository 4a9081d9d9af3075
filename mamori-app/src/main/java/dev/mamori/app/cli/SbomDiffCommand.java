package dev.mamori.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mamori.sbom.SbomReader;
import dev.mamori.sbom.diff.ComponentChange;
import dev.mamori.sbom.diff.ComponentSummary;
import dev.mamori.sbom.diff.DiffReport;
import dev.mamori.sbom.diff.SbomDiff;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mamori sbom diff}: what changed between two releases' SBOMs. */
@Command(name = "diff",
        description = {"Compare two SBOMs (any formats Mamori reads): components added, removed, upgraded and downgraded",
                "(by the component's version scheme, with the bump size major/minor/patch where the scheme has one),",
                "licence, hash and supplier changes, and dependency edges added or removed. Components are matched by",
                "purl without version, then name+supplier, then name+group."},
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 compared, 2 usage error or unreadable input."})
final class SbomDiffCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { text, json }

    /** At most this many dependency edges are listed per direction in text; JSON has them all. */
    static final int MAX_EDGES = 50;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The older SBOM.")
    Path oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "The newer SBOM.")
    Path newFile;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws JsonProcessingException {
        DiffReport d = SbomDiff.compare(SbomReader.read(oldFile), SbomReader.read(newFile));
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(SbomValidateCommand.JSON.writeValueAsString(json(d)));
        } else {
            text(d, out);
        }
        out.flush();
        return MamoriCommand.OK;
    }

    private Map<String, Object> json(DiffReport d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("old", oldFile.toString());
        m.put("new", newFile.toString());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("added", d.added().size());
        summary.put("removed", d.removed().size());
        summary.put("upgraded", d.upgraded().size());
        summary.put("downgraded", d.downgraded().size());
        summary.put("changed", d.changed().size());
        summary.put("unchanged", d.unchanged());
        summary.put("edgesAdded", d.edgesAdded().size());
        summary.put("edgesRemoved", d.edgesRemoved().size());
        m.put("summary", summary);
        m.put("added", d.added().stream().map(SbomDiffCommand::json).toList());
        m.put("removed", d.removed().stream().map(SbomDiffCommand::json).toList());
        List<Map<String, Object>> changed = new ArrayList<>();
        for (ComponentChange c : d.changed()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("name", c.name());
            cm.put("key", c.key());
            cm.put("matchedBy", c.matchedBy());
            cm.put("oldVersion", c.oldVersion());
            cm.put("newVersion", c.newVersion());
            cm.put("direction", c.direction().label());
            cm.put("bump", c.bump() == null ? null : c.bump().label());
            cm.put("scheme", c.scheme());
            if (c.licenceChanged()) {
                cm.put("oldLicences", c.oldLicences());
                cm.put("newLicences", c.newLicences());
            }
            if (c.hashChanged()) {
                cm.put("hashesChanged", c.hashesChanged());
            }
            if (c.supplierChanged()) {
                cm.put("oldSupplier", c.oldSupplier());
                cm.put("newSupplier", c.newSupplier());
            }
            changed.add(cm);
        }
        m.put("changed", changed);
        m.put("edgesAdded", d.edgesAdded().stream().map(e -> List.of(e.from(), e.to())).toList());
        m.put("edgesRemoved", d.edgesRemoved().stream().map(e -> List.of(e.from(), e.to())).toList());
        return m;
    }

    private static Map<String, Object> json(ComponentSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("version", s.version());
        m.put("purl", s.purl());
        return m;
    }

    private void text(DiffReport d, PrintWriter out) {
        long major = d.upgraded().stream().filter(c -> c.bump() == ComponentChange.Bump.MAJOR).count();
        long minor = d.upgraded().stream().filter(c -> c.bump() == ComponentChange.Bump.MINOR).count();
        long patch = d.upgraded().stream().filter(c -> c.bump() == ComponentChange.Bump.PATCH).count();
        out.println(oldFile + " -> " + newFile + ": " + d.added().size() + " added, " + d.removed().size() + " removed, "
                + d.upgraded().size() + " upgraded (" + major + " major, " + minor + " minor, " + patch + " patch), "
                + d.downgraded().size() + " downgraded, " + d.unchanged() + " unchanged; dependency edges +"
                + d.edgesAdded().size() + " -" + d.edgesRemoved().size());
        section(out, "Upgraded", d.changed(), c -> c.direction() == ComponentChange.Direction.UPGRADE);
        section(out, "Downgraded", d.changed(), c -> c.direction() == ComponentChange.Direction.DOWNGRADE);
        section(out, "Version changed, order unknown", d.changed(), c -> c.direction() == ComponentChange.Direction.UNKNOWN);
        section(out, "Version text changed, same version", d.changed(), c -> c.direction() == ComponentChange.Direction.EQUIVALENT);
        if (!d.added().isEmpty()) {
            out.println();
            out.println("Added:");
            d.added().forEach(s -> out.println("  + " + s.label()));
        }
        if (!d.removed().isEmpty()) {
            out.println();
            out.println("Removed:");
            d.removed().forEach(s -> out.println("  - " + s.label()));
        }
        List<ComponentChange> licences = d.changed().stream().filter(ComponentChange::licenceChanged).toList();
        if (!licences.isEmpty()) {
            out.println();
            out.println("Licence changes:");
            licences.forEach(c -> out.println("  " + c.name() + ": " + c.oldLicences() + " -> " + c.newLicences()));
        }
        List<ComponentChange> sameVersionHash = d.changed().stream()
                .filter(c -> c.hashChanged() && c.direction() == ComponentChange.Direction.SAME).toList();
        if (!sameVersionHash.isEmpty()) {
            out.println();
            out.println("Hash changed at the same version (check the supply chain):");
            sameVersionHash.forEach(c -> out.println("  " + c.name() + "@" + c.newVersion() + ": " + String.join(", ", c.hashesChanged())));
        }
        List<ComponentChange> suppliers = d.changed().stream().filter(ComponentChange::supplierChanged).toList();
        if (!suppliers.isEmpty()) {
            out.println();
            out.println("Supplier changes:");
            suppliers.forEach(c -> out.println("  " + c.name() + ": " + c.oldSupplier() + " -> " + c.newSupplier()));
        }
        edges(out, "Dependency edges added:", "+", d.edgesAdded());
        edges(out, "Dependency edges removed:", "-", d.edgesRemoved());
    }

    private static void section(PrintWriter out, String title, List<ComponentChange> changes, Predicate<ComponentChange> which) {
        List<ComponentChange> list = changes.stream().filter(which).toList();
        if (list.isEmpty()) {
            return;
        }
        out.println();
        out.println(title + ":");
        for (ComponentChange c : list) {
            out.println("  " + c.name() + " " + c.oldVersion() + " -> " + c.newVersion()
                    + (c.bump() == null ? "" : " (" + c.bump().label() + ")"));
        }
    }

    private static void edges(PrintWriter out, String title, String sign, List<DiffReport.Edge> edges) {
        if (edges.isEmpty()) {
            return;
        }
        out.println();
        out.println(title);
        edges.stream().limit(MAX_EDGES).forEach(e -> out.println("  " + sign + " " + e));
        if (edges.size() > MAX_EDGES) {
            out.println("  … " + (edges.size() - MAX_EDGES) + " more (use --format json for all)");
        }
    }
}
