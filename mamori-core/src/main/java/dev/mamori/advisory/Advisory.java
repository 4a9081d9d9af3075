package dev.mamori.advisory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One advisory record as one source published it (an OSV entry, an NVD CVE, a CVE 5 record, a JVN record, one
 * vulnerability of a CSAF document). Several records about the same vulnerability are grouped by
 * {@link VulnerabilityMerger}; each keeps its own data and {@link Provenance}.
 *
 * @param id               the record's own id (GHSA-…, GO-…, CVE-…, JVNDB-…)
 * @param aliases          other ids of the same vulnerability, as the record states them
 * @param related          ids the record names as related but not identical (OSV {@code related}, the CSAF
 *                         document a vulnerability was published in)
 * @param upstream         ids this record is derived from (OSV 1.7 {@code upstream}: a distro advisory's CVEs)
 * @param summary          a one-line summary or title, or null
 * @param details          the description, or null
 * @param language         the language of summary and details (BCP 47, e.g. {@code ja}) when the source says, or null
 * @param affected         package-based statements (OSV), evaluated by the matcher
 * @param products         vendor/product statements (CVE 5, NVD, JVN, CSAF)
 * @param configurations   NVD-style CPE applicability statements
 * @param severities       severity statements, each with who made it when the source says
 * @param cwes             CWE ids ({@code CWE-79}; NVD's {@code NVD-CWE-noinfo} kept as written)
 * @param references       links with their kind
 * @param credits          credited people and organisations
 * @param ssvc             SSVC decision-point selections (CISA ADP, NVD)
 * @param kev              statements that the vulnerability is in CISA's KEV catalogue
 * @param published        when it was published, as written
 * @param modified         when it was last modified, as written
 * @param withdrawn        when the source withdrew or rejected it, or null
 * @param tlp              the Traffic Light Protocol label of the document (CSAF, JVN), or null
 * @param databaseSpecific the source's own extra data as JSON text (OSV {@code database_specific}), or null
 * @param provenance       where the record came from
 */
public record Advisory(String id, List<String> aliases, List<String> related, List<String> upstream, String summary,
                       String details, String language, List<Affected> affected, List<AffectedProduct> products,
                       List<CpeConfiguration> configurations, List<Severity> severities, List<String> cwes,
                       List<Reference> references, List<Credit> credits, List<Ssvc> ssvc, List<KevListing> kev,
                       String published, String modified, String withdrawn, String tlp, String databaseSpecific,
                       Provenance provenance) {

    public Advisory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provenance, "provenance");
        aliases = List.copyOf(aliases);
        related = List.copyOf(related);
        upstream = List.copyOf(upstream);
        affected = List.copyOf(affected);
        products = List.copyOf(products);
        configurations = List.copyOf(configurations);
        severities = List.copyOf(severities);
        cwes = List.copyOf(cwes);
        references = List.copyOf(references);
        credits = List.copyOf(credits);
        ssvc = List.copyOf(ssvc);
        kev = List.copyOf(kev);
    }

    /** A builder for a record with the given id and provenance; everything else starts empty. */
    public static Builder builder(String id, Provenance provenance) {
        return new Builder(id, provenance);
    }

    /** The file or URL the record was read from (short for {@code provenance().origin()}). */
    public String source() {
        return provenance.origin();
    }

    /** The record's id followed by its aliases. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(aliases.size() + 1);
        ids.add(id);
        for (String a : aliases) {
            if (!ids.contains(a)) {
                ids.add(a);
            }
        }
        return ids;
    }

    /** The most severe level any of the record's severities gives, or {@link SeverityLevel#UNKNOWN}. */
    public SeverityLevel severityLevel() {
        SeverityLevel best = SeverityLevel.UNKNOWN;
        for (Severity s : severities) {
            SeverityLevel level = s.level();
            if (level.compareTo(best) > 0) {
                best = level;
            }
        }
        return best;
    }

    /** Builds an {@link Advisory}; lists are copied when built. */
    public static final class Builder {
        private final String id;
        private final Provenance provenance;
        private final List<String> aliases = new ArrayList<>();
        private final List<String> related = new ArrayList<>();
        private final List<String> upstream = new ArrayList<>();
        private String summary;
        private String details;
        private String language;
        private final List<Affected> affected = new ArrayList<>();
        private final List<AffectedProduct> products = new ArrayList<>();
        private final List<CpeConfiguration> configurations = new ArrayList<>();
        private final List<Severity> severities = new ArrayList<>();
        private final List<String> cwes = new ArrayList<>();
        private final List<Reference> references = new ArrayList<>();
        private final List<Credit> credits = new ArrayList<>();
        private final List<Ssvc> ssvc = new ArrayList<>();
        private final List<KevListing> kev = new ArrayList<>();
        private String published;
        private String modified;
        private String withdrawn;
        private String tlp;
        private String databaseSpecific;

        private Builder(String id, Provenance provenance) {
            this.id = id;
            this.provenance = provenance;
        }

        /** Adds an alias unless it is the id itself or already there. */
        public Builder alias(String alias) {
            if (alias != null && !alias.isBlank() && !alias.equals(id) && !aliases.contains(alias)) {
                aliases.add(alias);
            }
            return this;
        }

        public Builder related(String relatedId) {
            if (relatedId != null && !relatedId.isBlank() && !related.contains(relatedId)) {
                related.add(relatedId);
            }
            return this;
        }

        public Builder upstream(String upstreamId) {
            if (upstreamId != null && !upstreamId.isBlank() && !upstream.contains(upstreamId)) {
                upstream.add(upstreamId);
            }
            return this;
        }

        public Builder summary(String value) {
            summary = value;
            return this;
        }

        public Builder details(String value) {
            details = value;
            return this;
        }

        public Builder language(String value) {
            language = value;
            return this;
        }

        public Builder affected(Affected value) {
            affected.add(value);
            return this;
        }

        public Builder product(AffectedProduct value) {
            products.add(value);
            return this;
        }

        public Builder configuration(CpeConfiguration value) {
            configurations.add(value);
            return this;
        }

        public Builder severity(Severity value) {
            severities.add(value);
            return this;
        }

        /** Adds a CWE id unless already there. */
        public Builder cwe(String value) {
            if (value != null && !value.isBlank() && !cwes.contains(value)) {
                cwes.add(value);
            }
            return this;
        }

        public Builder reference(Reference value) {
            references.add(value);
            return this;
        }

        public Builder credit(Credit value) {
            credits.add(value);
            return this;
        }

        public Builder ssvc(Ssvc value) {
            ssvc.add(value);
            return this;
        }

        public Builder kev(KevListing value) {
            kev.add(value);
            return this;
        }

        public Builder published(String value) {
            published = value;
            return this;
        }

        public Builder modified(String value) {
            modified = value;
            return this;
        }

        public Builder withdrawn(String value) {
            withdrawn = value;
            return this;
        }

        public Builder tlp(String value) {
            tlp = value;
            return this;
        }

        public Builder databaseSpecific(String value) {
            databaseSpecific = value;
            return this;
        }

        /** The record; its provenance's upstream-modified time is the record's {@code modified}. */
        public Advisory build() {
            Provenance p = provenance;
            if (p.upstreamModified() == null && modified != null) {
                p = new Provenance(p.source(), p.origin(), p.fetchedAt(), modified);
            }
            return new Advisory(id, aliases, related, upstream, summary, details, language, affected, products,
                    configurations, severities, cwes, references, credits, ssvc, kev, published, modified, withdrawn,
                    tlp, databaseSpecific, p);
        }
    }
}
