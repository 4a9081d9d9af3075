package dev.mamori.version;

/**
 * PyPI: PEP 440 with packaging 21.3's legacy fallback, the order OSV's PyPI ecosystem and pip before 24.1 use.
 *
 * <p>PEP 440 versions are ordered as {@code packaging.version.Version} orders them (epochs, trailing zeros ignored,
 * {@code .devN < aN < bN < rcN < release < .postN}, local labels after the public version; see
 * {@link PypiVersion}). Any other non-blank text (the "legacy" versions old setuptools accepted, such as
 * {@code 0.7.10p1}, {@code 0.1-bulbasaur} or {@code 2013-01-21T20:33:09+0100}) is a legacy version as in
 * packaging 21.3's {@code parse()}: epoch -1, so below every PEP 440 version, and ordered among legacy versions by
 * {@code LegacyVersion}'s key (see {@link PypiLegacyVersion}). Blank text is invalid, and so is text that packaging
 * reads as PEP 440 only through Unicode case folding. Ranges are PEP 440 specifier sets ({@link PypiSpecifierSet});
 * packaging 21.3's {@code LegacySpecifier} is not supported, so a specifier must be PEP 440.
 */
final class PypiScheme implements VersionScheme {
    static final PypiScheme INSTANCE = new PypiScheme();

    private PypiScheme() {}

    @Override
    public String name() {
        return "pypi";
    }

    @Override
    public int compare(String a, String b) {
        PypiVersion va = PypiVersion.tryParse(a);
        PypiVersion vb = PypiVersion.tryParse(b);
        if (va != null && vb != null) {
            return Integer.signum(va.compareTo(vb));
        }
        PypiLegacyVersion la = va == null ? PypiLegacyVersion.parse(a) : null;
        PypiLegacyVersion lb = vb == null ? PypiLegacyVersion.parse(b) : null;
        if (la == null) {
            return 1;
        }
        if (lb == null) {
            return -1;
        }
        return Integer.signum(la.compareTo(lb));
    }

    @Override
    public void validate(String version) {
        if (PypiVersion.tryParse(version) == null) {
            PypiLegacyVersion.parse(version);
        }
    }

    @Override
    public VersionRange parseRange(String nativeRange) {
        return PypiSpecifierSet.parse(nativeRange);
    }
}
