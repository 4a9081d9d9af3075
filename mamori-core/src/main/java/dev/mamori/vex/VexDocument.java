package dev.mamori.vex;

import java.util.List;

/**
 * A VEX document as read: its statements in document order, and what in it could not be used (each naming its
 * place), e.g. a CSAF product without a package URL or CPE, or an unknown status word.
 */
public record VexDocument(String source, String format, List<VexStatement> statements, List<String> warnings) {
    public VexDocument {
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
    }
}
