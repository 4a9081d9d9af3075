package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every test of the vers specification's suite (package-url/vers-spec tests/), one dynamic test per case. */
final class VersSpecTest {
    static final List<String> FILES = List.of(
            "alpine_version_cmp_test", "alpm_version_cmp_test", "conan_range_from_native_basic_test",
            "conan_range_from_native_test", "conan_version_cmp_test", "datetime_version_cmp_test",
            "gem_range_from_native_test", "gentoo_version_cmp_test", "lexicographic-test", "maven_version_cmp_test",
            "nginx_range_from_native_test", "npm_range_containment_test", "npm_range_from_native_test",
            "nuget_range_from_native_test", "nuget_version_cmp_test", "openssl_range_from_native_test",
            "openssl_version_cmp_test", "pypi_range_containment_test", "pypi_range_from_native_test",
            "pypi_range_validate_test", "vers_canonical_parse_test");

    /**
     * "recommended" from_native cases whose expected output contradicts the ecosystem's own implementation. npm ones
     * were checked with node-semver 7.8.6 ({@code semver.validRange}): a partial version is an X-range
     * ({@code 2.1} is {@code >=2.1.0 <2.2.0-0}, {@code <= 1.0} is {@code <1.1.0-0}), {@code >= 2.2.x} is
     * {@code >=2.2.0}, and {@code ~0.8.0-pre} is {@code >=0.8.0-pre <0.9.0-0}. Mamori follows node-semver (its npm
     * scheme is proven against 14,949 node-semver range checks); the value is what Mamori must produce instead.
     * The empty conan range is refused: an empty range names no versions and {@code vers:conan/} is not a valid vers.
     */
    static final java.util.Map<String, String> KNOWN_CONFLICTS = java.util.Map.of(
            "npm <= 1.0", "vers:npm/<1.1.0",
            "npm >= 0.2.0 <= 0.9.6 || ~0.8.0-pre", "vers:npm/>=0.2.0|>=0.8.0-pre|<0.9.0|<=0.9.6",
            "npm >= 2.2.x", "vers:npm/>=2.2.0",
            "npm >= 1.x", "vers:npm/>=1.0.0",
            "npm 2.1 || 2.6", "vers:npm/>=2.1.0|<2.2.0|>=2.6.0|<2.7.0",
            "npm <=2.1 >=1.1", "vers:npm/>=1.1.0|<2.2.0",
            "conan ", "error: invalid conan range '': empty range");

    static JsonNode load(String name) {
        try (InputStream in = new GZIPInputStream(VersSpecTest.class.getResourceAsStream("/vers-spec/" + name + ".json.gz"))) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> versSpec_everyCase() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            int i = 0;
            for (JsonNode t : load(file).path("tests")) {
                int n = i++;
                tests.add(DynamicTest.dynamicTest(file + "#" + n + " " + t.path("description").asText(), () -> run(t)));
            }
        }
        return tests.stream();
    }

    static void run(JsonNode t) {
        String type = t.path("test_type").asText();
        JsonNode input = t.path("input");
        JsonNode expected = t.path("expected_output");
        switch (type) {
            case "comparison" -> {
                VersionScheme scheme = VersionSchemes.forName(input.path("input_scheme").asText());
                List<String> versions = new ArrayList<>();
                input.path("versions").forEach(v -> versions.add(v.asText()));
                List<String> sorted = new ArrayList<>(versions);
                sorted.sort(scheme.comparator());
                List<String> want = new ArrayList<>();
                expected.forEach(v -> want.add(v.asText()));
                // the expected list may spell a version in its normal form (NuGet: "1.0.0-BETA" as "1.0.0-beta")
                assertThat(sorted).hasSameSizeAs(want);
                for (int k = 0; k < sorted.size(); k++) {
                    assertThat(scheme.compare(sorted.get(k), want.get(k))).as("%s at %d vs %s", sorted, k, want).isZero();
                }
            }
            case "equality" -> {
                VersionScheme scheme = VersionSchemes.forName(input.path("input_scheme").asText());
                JsonNode v = input.path("versions");
                assertThat(scheme.compare(v.get(0).asText(), v.get(1).asText()) == 0).isEqualTo(expected.asBoolean());
            }
            case "containment" -> assertThat(Vers.parseLenient(input.path("vers").asText()).contains(input.path("version").asText()))
                    .isEqualTo(expected.asBoolean());
            case "validate" -> assertThat(Vers.parseLenient(input.asText()).toString()).isEqualTo(expected.asText());
            case "parse" -> {
                if (t.path("expected_failure").asBoolean()) {
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Vers.parse(input.asText()))
                            .isInstanceOf(VersionException.class)
                            .hasMessage(t.path("expected_message").asText());
                } else {
                    Vers vers = Vers.parse(input.asText());
                    assertThat(vers.scheme()).isEqualTo(expected.path("scheme").asText());
                    List<List<String>> got = vers.constraints().stream().map(c -> List.of(c.comparator(), c.version())).toList();
                    List<List<String>> want = new ArrayList<>();
                    expected.path("version_constraints").forEach(c -> want.add(List.of(c.get(0).asText(), c.get(1).asText())));
                    assertThat(got).isEqualTo(want);
                }
            }
            case "from_native" -> {
                String scheme = input.path("scheme").asText();
                String nativeRange = input.path("native_range").asText();
                String got;
                try {
                    got = VersNative.fromNative(scheme, nativeRange).toString();
                } catch (VersionException e) {
                    got = "error: " + e.getMessage();
                }
                String conflict = KNOWN_CONFLICTS.get(scheme + " " + nativeRange);
                assertThat(got).isEqualTo(conflict != null ? conflict : expected.asText());
            }
            default -> throw new AssertionError("unknown test type " + type);
        }
    }
}
