package dev.mamori.version;

/**
 * PyPI: PEP 440 versions ordered as {@code packaging.version.Version} orders them (epochs, trailing zeros ignored,
 * {@code .devN < aN < bN < rcN < release < .postN}, local labels after the public version) and PEP 440 specifier
 * sets as native ranges. Text that is not PEP 440 (the "legacy" versions old setuptools accepted) is invalid.
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
        return Integer.signum(PypiVersion.parse(a).compareTo(PypiVersion.parse(b)));
    }

    @Override
    public void validate(String version) {
        PypiVersion.parse(version);
    }

    @Override
    public VersionRange parseRange(String nativeRange) {
        return PypiSpecifierSet.parse(nativeRange);
    }
}
