package dev.mamori.advisory;

import java.util.List;

/**
 * Someone an advisory credits (OSV {@code credits}, CSAF {@code acknowledgments}, CVE 5 {@code credits}).
 *
 * @param type the role as the source wrote it (OSV {@code FINDER}, {@code REMEDIATION_DEVELOPER}, …), or null
 */
public record Credit(String name, String type, List<String> contacts) {
    public Credit {
        contacts = List.copyOf(contacts);
    }
}
