package dev.mamori.risk;

/** What kind of problem a weakness is, because the remedy differs: redesign, patch, or settings. */
public enum WeaknessClass {
    DESIGN, CODE, CONFIGURATION, UNKNOWN;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
