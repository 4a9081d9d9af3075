package dev.mamori.sbom;

/**
 * A person or organisation named in an SBOM: a supplier, manufacturer, author or SBOM creator.
 *
 * @param name  the name as written (may be null when only an email or URL is given)
 * @param email an email address, or null
 * @param url   a URL (for a SWID entity: its {@code regid}), or null
 * @param kind  whether the document says it is a person or an organisation
 */
public record Party(String name, String email, String url, Kind kind) {

    /** What the document says the party is. */
    public enum Kind { PERSON, ORGANIZATION, UNSPECIFIED }

    public Party {
        kind = kind == null ? Kind.UNSPECIFIED : kind;
    }

    public static Party named(String name) {
        return new Party(name, null, null, Kind.UNSPECIFIED);
    }

    public static Party organization(String name) {
        return new Party(name, null, null, Kind.ORGANIZATION);
    }

    public static Party person(String name) {
        return new Party(name, null, null, Kind.PERSON);
    }

    /** True when it carries nothing at all. */
    public boolean isEmpty() {
        return blank(name) && blank(email) && blank(url);
    }

    /** The name, else the email, else the URL. */
    public String label() {
        return !blank(name) ? name : !blank(email) ? email : url;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
