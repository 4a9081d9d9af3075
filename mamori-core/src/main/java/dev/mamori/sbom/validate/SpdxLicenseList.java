package dev.mamori.sbom.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.input.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The SPDX License List (licences and exceptions) bundled with Mamori: version {@link #version()}, loaded once on
 * first use from {@code dev/mamori/sbom/validate/spdx/licenses.json.gz} and {@code exceptions.json.gz} (CC-BY-3.0).
 */
public final class SpdxLicenseList {

    private record Data(String version, Map<String, String> licenses, Map<String, String> exceptions, Set<String> deprecated) {}

    private static final class Holder {
        static final Data DATA = load();
    }

    private SpdxLicenseList() {}

    /** The licence list version, e.g. {@code 3.28.0}. */
    public static String version() {
        return Holder.DATA.version();
    }

    /** True when {@code id} is a licence id on the list, spelt exactly (deprecated ids included). */
    public static boolean isLicenseId(String id) {
        return id != null && id.equals(Holder.DATA.licenses().get(id.toLowerCase(Locale.ROOT)));
    }

    /** True when {@code id} is an exception id on the list, spelt exactly. */
    public static boolean isExceptionId(String id) {
        return id != null && id.equals(Holder.DATA.exceptions().get(id.toLowerCase(Locale.ROOT)));
    }

    /** True when {@code id} is a deprecated licence or exception id (e.g. {@code GPL-2.0}, {@code GPL-2.0+}). */
    public static boolean isDeprecated(String id) {
        return id != null && Holder.DATA.deprecated().contains(id);
    }

    /** The list's spelling of a licence id matched without regard to case ({@code mit} → {@code MIT}). */
    public static Optional<String> licenseIdIgnoringCase(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(Holder.DATA.licenses().get(id.toLowerCase(Locale.ROOT)));
    }

    /** The list's spelling of an exception id matched without regard to case. */
    public static Optional<String> exceptionIdIgnoringCase(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(Holder.DATA.exceptions().get(id.toLowerCase(Locale.ROOT)));
    }

    private static Data load() {
        Map<String, String> licenses = new HashMap<>();
        Map<String, String> exceptions = new HashMap<>();
        Set<String> deprecated = new HashSet<>();
        JsonNode l = read("licenses.json.gz");
        for (JsonNode n : l.path("licenses")) {
            String id = n.path("licenseId").asText();
            licenses.put(id.toLowerCase(Locale.ROOT), id);
            if (n.path("isDeprecatedLicenseId").asBoolean(false)) {
                deprecated.add(id);
            }
        }
        JsonNode e = read("exceptions.json.gz");
        for (JsonNode n : e.path("exceptions")) {
            String id = n.path("licenseExceptionId").asText();
            exceptions.put(id.toLowerCase(Locale.ROOT), id);
            if (n.path("isDeprecatedLicenseId").asBoolean(false)) {
                deprecated.add(id);
            }
        }
        return new Data(l.path("licenseListVersion").asText(), Map.copyOf(licenses), Map.copyOf(exceptions), Set.copyOf(deprecated));
    }

    private static JsonNode read(String name) {
        String path = "/dev/mamori/sbom/validate/spdx/" + name;
        try (InputStream raw = SpdxLicenseList.class.getResourceAsStream(path)) {
            if (raw == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            try (InputStream in = new GZIPInputStream(raw)) {
                return JsonInput.mapper().readTree(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
