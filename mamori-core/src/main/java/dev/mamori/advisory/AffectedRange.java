package dev.mamori.advisory;

import dev.mamori.version.EventRange;

/**
 * One OSV range: its type ({@code SEMVER}, {@code ECOSYSTEM} or {@code GIT}), its events and, for GIT, the repository.
 * GIT ranges are kept but never evaluated against package versions: they need commit data.
 */
public record AffectedRange(String type, EventRange events, String repo) {
    public boolean isGit() {
        return "GIT".equals(type);
    }
}
