package dev.mamori.app.cli;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.OsvReader;
import dev.mamori.app.MamoriVersion;
import dev.mamori.input.InputException;
import dev.mamori.match.AdvisoryIndex;
import dev.mamori.match.Finding;
import dev.mamori.match.Matcher;
import dev.mamori.report.CsvWriter;
import dev.mamori.report.CycloneDxReportWriter;
import dev.mamori.report.FailOn;
import dev.mamori.report.JsonWriter;
import dev.mamori.report.SarifWriter;
import dev.mamori.report.ScanAssessor;
import dev.mamori.report.ScanReport;
import dev.mamori.report.TableWriter;
import dev.mamori.report.ThreatData;
import dev.mamori.risk.CweCatalog;
import dev.mamori.risk.PriorityPolicy;
import dev.mamori.risk.RiskProfile;
import dev.mamori.purl.PackageKey;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.Component;
import dev.mamori.sbom.SbomReader;
import dev.mamori.store.AdvisoryStore;
import dev.mamori.store.Database;
import dev.mamori.store.StoredCwe;
import dev.mamori.vex.VexApplier;
import dev.mamori.vex.VexDocument;
import dev.mamori.vex.VexReader;
import dev.mamori.vex.VexStatement;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mamori scan}: SBOMs in, findings with their evidence, risk and VEX status out. Never starts Spring. */
@Command(name = "scan",
        description = {"Scan SBOMs (CycloneDX, SPDX, SWID) for known vulnerabilities in OSV advisories: files "
                + "(--advisories) or the store (--db, filled by 'mamori db import').",
            "Each finding gets a risk assessment in the product: priority, SSVC decision, weakness class, and CVSS base "
                + "score beside the environmental score (--profile applies a risk profile). VEX statements (--vex) "
                + "that say not_affected or fixed suppress findings; the output lists them with the statement."},
        mixinStandardHelpOptions = true,
        footer = {"", "--fail-on conditions (comma-separated; any of them fails the build):",
            "  any, none, low, medium, high, critical",
            "      a finding at or above that severity (unknown severity: only 'any')",
            "  kev",
            "      a vulnerability in CISA's KEV (--kev FILE, or the advisories' listings)",
            "  epss>=X, epss-percentile>=X",
            "      EPSS probability or percentile of at least X (0-1; needs --epss FILE)",
            "  ssvc=track|track*|attend|act",
            "      an SSVC decision at least that urgent (deployer tree:",
            "      ssvc=defer|scheduled|out-of-cycle|immediate)",
            "  e.g. --fail-on critical,kev,epss>=0.5,ssvc=act",
            "Findings suppressed by VEX never fail the build.",
            "", "Exit codes: 0 no finding meets --fail-on, 1 a finding meets it, 2 usage or input error."})
final class ScanCommand implements Callable<Integer> {
    /** Output formats of a scan. */
    enum Format { table, json, csv, cyclonedx, sarif }

    /** Parses {@code --fail-on}. */
    static final class FailOnConverter implements CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            try {
                return FailOn.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SBOM", description = "SBOM files to scan, in any format Mamori reads: CycloneDX 1.2–1.7 JSON/XML, SPDX 2 JSON/YAML/tag-value, SPDX 3 JSON-LD, SWID; found from the content.")
    List<Path> sboms;

    /** Where the advisories come from: files, or the store. */
    static final class AdvisorySource {
        @Option(names = "--advisories", arity = "1..*", required = true, paramLabel = "PATH",
                description = "OSV advisories: .json files, directories of them, .jsonl / .jsonl.gz files, or OSV's zip archives (all.zip).")
        List<Path> advisories;

        @Option(names = "--index", required = true, paramLabel = "FILE",
                description = "Read the advisories from an index snapshot written by 'mamori db index' (memory-mapped, "
                        + "decoded on demand: the fastest start for CI).")
        Path index;

        @Option(names = "--db", required = true,
                description = "Read the advisories from the store ('mamori db import'; see --data-dir and --database-url), "
                        + "and KEV and EPSS too unless --kev / --epss are given, and the CWE catalogue unless --cwe is given.")
        boolean db;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    AdvisorySource advisorySource;

    @Mixin
    DatabaseOptions database;

    @Option(names = {"-f", "--format"}, defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). cyclonedx is a CycloneDX 1.6 BOM "
                    + "with the components and their vulnerabilities (one SBOM at a time); sarif is SARIF 2.1.0.")
    Format format;

    @Option(names = "--fail-on", defaultValue = "any", paramLabel = "CONDITIONS", converter = FailOnConverter.class,
            description = "Exit 1 when a finding meets any of these comma-separated conditions (default: ${DEFAULT-VALUE}); see below. "
                    + "Findings of unknown severity count only for 'any'.")
    FailOn failOn;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--vex", arity = "1..*", paramLabel = "FILE",
            description = "VEX documents: CycloneDX VEX (JSON), OpenVEX 0.0.1 / 0.2.0, CSAF VEX. not_affected and fixed statements suppress findings.")
    List<Path> vex = new ArrayList<>();

    @Option(names = "--kev", paramLabel = "FILE", description = "CISA's Known Exploited Vulnerabilities catalogue (JSON).")
    Path kev;

    @Option(names = "--epss", paramLabel = "FILE", description = "FIRST EPSS scores (CSV, plain or gzip).")
    Path epss;

    @Option(names = "--cwe", paramLabel = "FILE", description = "MITRE's CWE catalogue (cwec_v*.xml, plain, gzip or zip) for the weakness class (else: the store's "
                    + "with --db, or unknown).")
    Path cwe;

    @Option(names = "--profile", paramLabel = "FILE", description = "Risk profile of the product (JSON, schema mamori-risk-profile/1; see docs/risk.md).")
    Path profile;

    @Option(names = "--policy", paramLabel = "FILE", description = "Priority policy (JSON, schema mamori-priority-policy/1); default: the built-in one.")
    Path policy;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "WHEN",
            description = "Progress line on standard error: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: only on a terminal).")
    Progress.Mode progressMode;

    @Override
    public Integer call() throws IOException {
        if (failOn.needsEpss() && epss == null && !advisorySource.db) {
            throw new IllegalArgumentException("--fail-on " + failOn + " needs EPSS scores: give --epss FILE (or scan --db "
                    + "with EPSS imported)");
        }
        if (format == Format.cyclonedx && sboms.size() > 1) {
            throw new IllegalArgumentException("--format cyclonedx writes one BOM: scan one SBOM at a time (got " + sboms.size() + ")");
        }
        RiskProfile riskProfile = profile == null ? RiskProfile.unknown() : readFile(profile, in -> RiskProfile.read(in, profile.toString()));
        PriorityPolicy priorityPolicy = policy == null ? PriorityPolicy.defaults() : readFile(policy, in -> PriorityPolicy.read(in, policy.toString()));
        CweCatalog catalog = cwe == null ? null : readFile(cwe, in -> CweCatalog.readXml(in, cwe.toString()));
        List<VexStatement> statements = new ArrayList<>();
        List<String> vexWarnings = new ArrayList<>();
        for (Path v : vex) {
            VexDocument doc = VexReader.read(v);
            statements.addAll(doc.statements());
            vexWarnings.addAll(doc.warnings());
        }
        VexApplier applier = new VexApplier(statements);

        Progress progress = Progress.of(spec.commandLine().getErr(), progressMode);
        List<ScanReport> reports = new ArrayList<>();
        try (Database db = advisorySource.db ? database.open() : null) {
            AdvisoryStore store = db == null ? null : new AdvisoryStore(db);
            Function<Bom, AdvisoryIndex> indexes = store != null ? storeIndexes(store)
                    : advisorySource.index != null ? snapshotIndex(advisorySource.index) : fileIndex(progress);
            long inForce = store != null ? store.packageAdvisoryCount() : -1;
            for (Path sbom : sboms) {
                progress.phase("reading " + sbom, false);
                Bom bom = SbomReader.read(sbom);
                AdvisoryIndex index = indexes.apply(bom);
                int size = bom.allComponents().size();
                progress.phase(String.format("matching %,d components of %s", size, sbom), size > 500);
                Matcher.Result result = new Matcher(index).match(bom);
                int checked = inForce >= 0 ? (int) Math.min(inForce, Integer.MAX_VALUE) : index.advisoryCount();
                ScanReport report = new ScanReport(sbom.toString(), bom, result.componentsScanned(), checked,
                        result.findings(), result.upgrades(), result.warnings());
                if (!statements.isEmpty()) {
                    report = report.withVex(applier.apply(bom, report.findings())).withWarnings(vexWarnings);
                }
                reports.add(report);
            }
            progress.phase("assessing risk", false);
            Set<String> cves = new LinkedHashSet<>();
            reports.forEach(r -> r.findings().forEach(f -> cves.addAll(ScanAssessor.cves(f))));
            ThreatData threats = kev == null && epss == null ? ThreatData.none() : ThreatData.read(kev, epss, cves);
            if (store != null && kev == null && epss == null) {
                threats = store.threatData(cves);
            }
            List<String> riskWarnings = new ArrayList<>(threats.warnings());
            if (store != null && catalog == null) {
                Optional<StoredCwe> stored = store.cweCatalog();
                if (stored.isPresent()) {
                    catalog = stored.get().catalog();
                    if (stored.get().warning() != null) {
                        riskWarnings.add(stored.get().warning());
                    }
                }
            }
            for (int i = 0; i < reports.size(); i++) {
                ScanReport r = reports.get(i);
                reports.set(i, r.withRisk(ScanAssessor.assess(r.findings(), threats, riskProfile, catalog, priorityPolicy))
                        .withWarnings(riskWarnings));
            }
        } finally {
            progress.clear();
        }
        write(reports);
        boolean failing = false;
        for (ScanReport r : reports) {
            for (Finding f : r.findings()) {
                failing |= failOn.fails(f, r.assessment(f));
            }
        }
        return failing ? MamoriCommand.FINDINGS : MamoriCommand.OK;
    }

    /** From files: every advisory read once, into one index for all the SBOMs. */
    private static Function<Bom, AdvisoryIndex> snapshotIndex(Path file) {
        AdvisoryIndex index = dev.mamori.match.AdvisoryIndexSnapshot.read(file);
        return bom -> index;
    }

    private Function<Bom, AdvisoryIndex> fileIndex(Progress progress) {
        List<Advisory> loaded = new ArrayList<>();
        progress.phase("reading advisories", false);
        for (Path p : advisorySource.advisories) {
            OsvReader.read(p, a -> {
                loaded.add(a);
                if ((loaded.size() & 1023) == 0) {
                    progress.update(String.format("reading advisories: %,d", loaded.size()));
                }
            });
        }
        progress.phase(String.format("indexing %,d advisories", loaded.size()), loaded.size() > 50_000);
        AdvisoryIndex index = AdvisoryIndex.of(loaded);
        return bom -> index;
    }

    /**
     * From the store: per SBOM, only the advisories filed under its components' packages (the store's package index),
     * so a scan does not read the whole store. The count reported is every advisory in force that the store files
     * under a package: what the SBOM was checked against.
     */
    private Function<Bom, AdvisoryIndex> storeIndexes(AdvisoryStore store) {
        if (store.packageAdvisoryCount() == 0) {
            spec.commandLine().getErr().println("mamori: warning: the store holds no package advisories: "
                    + "import some with 'mamori db import'");
            spec.commandLine().getErr().flush();
        }
        return bom -> {
            Set<PackageKey> keys = new LinkedHashSet<>();
            for (Component c : bom.allComponents()) {
                if (c.purl() != null) {
                    keys.add(c.purl().packageKey());
                }
            }
            return AdvisoryIndex.of(store.byPackages(keys));
        };
    }

    /** KEV entries and EPSS scores of the scan's CVEs from the store (as the files would give them). */
    private static <T> T readFile(Path file, Function<InputStream, T> reader) {
        try (InputStream in = Files.newInputStream(file)) {
            return reader.apply(in);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "", "no such file");
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot read: " + e.getMessage(), e);
        }
    }

    private void write(List<ScanReport> reports) throws IOException {
        if (output != null) {
            try (PrintWriter w = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8))) {
                render(reports, w);
            }
        } else {
            render(reports, spec.commandLine().getOut());
        }
    }

    private void render(List<ScanReport> reports, PrintWriter w) {
        switch (format) {
            case table -> TableWriter.write(reports, w);
            case json -> JsonWriter.write(reports, w);
            case csv -> CsvWriter.write(reports, w);
            case cyclonedx -> CycloneDxReportWriter.write(reports.getFirst(), w);
            case sarif -> SarifWriter.write(reports, MamoriVersion.get(), w);
        }
        w.flush();
    }
}
