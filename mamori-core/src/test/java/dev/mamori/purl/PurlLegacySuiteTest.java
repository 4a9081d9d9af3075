package dev.mamori.purl;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The legacy flat purl test suite ({@code test-suite-data.json}, removed upstream in favour of the per-type
 * suites). Each case is parsed with the normalising {@link Purl#parse}: invalid ones must fail, valid ones must
 * give the listed components and canonical form.
 *
 * <p>Where the legacy data predates rules of the current specification it is checked against the current rule
 * instead: {@link #SUPERSEDED} lists those cases with the reason, {@link #OLD_ENCODING} the canonical forms that
 * left '/' unencoded in qualifier values (the current suite encodes it as %2F).
 */
final class PurlLegacySuiteTest {

    /** description → why the current specification decides otherwise. */
    static final Map<String, String> SUPERSEDED = Map.of(
            "invalid conan purl only namespace",
            "current conan-test.json (required) parses pkg:conan/openssl.org/openssl@3.0.3?arch=… — a namespace "
                    + "(now the vendor) without a channel qualifier is valid",
            "invalid conan purl only channel qualifier",
            "conan-definition.json makes user and channel independent optional qualifiers and the current suite "
                    + "accepts pkg:conan/bincrafters/cctz@2.3?channel=stable without user",
            "invalid cran purl without version",
            "cran-definition.json: version requirement optional",
            "invalid swift purl without version",
            "swift-definition.json: version requirement optional",
            "cpan module name are case sensitive",
            "cpan-definition.json: a distribution name shall not contain '::' (current cpan-test.json expects failure)",
            "cpan module name like distribution name",
            "the cpan name is now the distribution name (current cpan-test.json parses pkg:cpan/URI-PackageURL)",
            "minimal Hugging Face model",
            "huggingface-definition.json: namespace requirement required");

    static final List<String> OLD_ENCODING = List.of(
            "maven often uses qualifiers", "maven pom reference", "Hugging Face model with staging endpoint",
            "MLflow model tracked in Azure Databricks (case insensitive)",
            "MLflow model tracked in Azure ML (case sensitive)", "MLflow model with unique identifiers");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode t : PurlSpecConformanceTest.read("legacy-test-suite-data.json")) {
            out.add(Arguments.of(t.path("description").asText(), t));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void legacyCase_parse_matchesExpectationOrCurrentRule(String description, JsonNode t) {
        String input = t.path("purl").asText();
        boolean invalid = t.path("is_invalid").asBoolean();
        if (SUPERSEDED.containsKey(description)) {
            if (invalid) {
                assertThat(Purl.parse(input)).as("valid under the current rule").isNotNull();
            } else {
                assertThatThrownBy(() -> Purl.parse(input)).as("invalid under the current rule")
                        .isInstanceOf(PurlException.class);
            }
            return;
        }
        if (invalid) {
            assertThatThrownBy(() -> Purl.parse(input)).isInstanceOf(PurlException.class);
            return;
        }
        Purl p = Purl.parse(input);
        PurlSpecConformanceTest.assertComponents(p, t);
        String canonical = t.path("canonical_purl").asText();
        if (OLD_ENCODING.contains(description)) {
            assertThat(p.toString()).isNotEqualTo(canonical).contains("%2F");
            assertThat(p.toString().replace("%2F", "/")).isEqualTo(canonical);
        } else {
            assertThat(p.toString()).isEqualTo(canonical);
        }
        assertThat(Purl.parse(p.toString())).hasToString(p.toString());
    }

    @Test
    void legacyLists_everyDescription_existsInTheSuite() {
        List<String> descriptions = cases().map(a -> (String) a.get()[0]).toList();
        assertThat(descriptions).hasSize(59).containsAll(SUPERSEDED.keySet()).containsAll(OLD_ENCODING);
    }
}
