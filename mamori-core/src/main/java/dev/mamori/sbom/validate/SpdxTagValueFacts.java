package dev.mamori.sbom.validate;

import java.util.HashSet;

/** Collects the {@link Facts} of an SPDX 2 tag-value document, located by line number. */
final class SpdxTagValueFacts {
    private SpdxTagValueFacts() {}

    static void collect(String text, Facts facts, Problems problems) {
        facts.idName = "SPDXID";
        facts.definedLicenseRefs = new HashSet<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        boolean inText = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = "line " + (i + 1);
            if (inText) {
                if (line.contains("</text>")) {
                    inText = false;
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.startsWith("#")) {
                continue;
            }
            String tag = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (value.startsWith("<text>")) {
                if (!value.contains("</text>")) {
                    inText = true;
                }
                continue;
            }
            switch (tag) {
                case "SPDXID" -> {
                    facts.define(value, where);
                    if (!value.isEmpty() && !SpdxRelationships.isSpdxId(value)) {
                        problems.error("ref.format", where, "SPDXID '" + value + "' is not SPDXRef- followed by letters, digits, '.' or '-'");
                    }
                }
                case "ExternalDocumentRef" -> {
                    String[] parts = value.split("\\s+");
                    if (parts.length > 0 && !parts[0].isEmpty()) {
                        facts.externalDocuments.add(parts[0]);
                    }
                }
                case "LicenseID" -> facts.definedLicenseRefs.add(value);
                case "Relationship" -> {
                    String[] parts = value.split("\\s+");
                    if (parts.length >= 3) {
                        facts.reference(parts[0], where, "relationship source", Severity.ERROR);
                        if (!parts[2].equals("NONE") && !parts[2].equals("NOASSERTION")) {
                            facts.reference(parts[2], where, "relationship target", Severity.ERROR);
                            SpdxRelationships.edge(facts, parts[0], parts[1], parts[2], where);
                        }
                    } else {
                        problems.error("relationship.format", where, "a Relationship is '<id> <TYPE> <id>', not '" + value + "'");
                    }
                }
                case "SnippetFromFileSPDXID" -> facts.reference(value, where, "snippetFromFile", Severity.ERROR);
                case "ExternalRef" -> {
                    String[] parts = value.split("\\s+", 3);
                    if (parts.length == 3) {
                        switch (parts[1]) {
                            case "purl" -> facts.purl(parts[2].trim(), where);
                            case "cpe22Type", "cpe23Type" -> facts.cpe(parts[2].trim(), where);
                            default -> {
                                // other reference types are not checked
                            }
                        }
                    }
                }
                case "PackageLicenseConcluded", "PackageLicenseDeclared", "PackageLicenseInfoFromFiles", "LicenseConcluded",
                     "LicenseInfoInFile", "SnippetLicenseConcluded", "LicenseInfoInSnippet" ->
                        facts.licence(value, true, true, where);
                default -> {
                    // other tags are not checked here
                }
            }
        }
    }
}
