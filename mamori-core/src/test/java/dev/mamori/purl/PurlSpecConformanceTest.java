package dev.mamori.purl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every case of the official purl-spec test suite ({@code tests/types/*-test.json},
 * {@code tests/spec/specification-test.json}, schema 0.2).
 *
 * <p>"required" cases run with {@link Purl#parseStrict} (conformance), "recommended" cases with the normalising
 * {@link Purl#parse}; build cases with {@link Purl#of}. Two cases contradict the specification or the type
 * definitions; they are listed in {@link #CONFLICTS} and checked against the behaviour the specification gives.
 */
final class PurlSpecConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ROOT = "/purl-spec/";

    static final List<String> FILES = List.of(
            "tests/types/alpm-test.json", "tests/types/apk-test.json", "tests/types/bazel-test.json",
            "tests/types/bitbucket-test.json", "tests/types/bitnami-test.json", "tests/types/brew-test.json",
            "tests/types/cargo-test.json", "tests/types/chrome-extension-test.json",
            "tests/types/cocoapods-test.json", "tests/types/composer-test.json", "tests/types/conan-test.json",
            "tests/types/conda-test.json", "tests/types/cpan-test.json", "tests/types/cran-test.json",
            "tests/types/deb-test.json", "tests/types/docker-test.json", "tests/types/gem-test.json",
            "tests/types/generic-test.json", "tests/types/git-test.json", "tests/types/github-test.json",
            "tests/types/golang-test.json", "tests/types/hackage-test.json", "tests/types/hex-test.json",
            "tests/types/huggingface-test.json", "tests/types/julia-test.json", "tests/types/luarocks-test.json",
            "tests/types/maven-test.json", "tests/types/mlflow-test.json", "tests/types/npm-test.json",
            "tests/types/nuget-test.json", "tests/types/oci-test.json", "tests/types/opam-test.json",
            "tests/types/otp-test.json", "tests/types/pub-test.json", "tests/types/pypi-test.json",
            "tests/types/qpkg-test.json", "tests/types/rpm-test.json", "tests/types/swid-test.json",
            "tests/types/swift-test.json", "tests/types/vcpkg-test.json", "tests/types/vscode-extension-test.json",
            "tests/types/yocto-test.json", "tests/spec/specification-test.json");

    /**
     * Official cases that contradict the specification text or a type definition, keyed by
     * file + test type + input; the value says why. Each is checked by {@link #conflict_maven_*} / {@link #conflict_git_*}.
     */
    static final Map<String, String> CONFLICTS = Map.of(
            "tests/types/maven-test.json|parse|pkg:Maven/org.apache.xmlgraphics/batik-anim@1.9.1?type=pom&repositorY_url=repo.spring.io/release",
            "a 'required' parse case accepts the upper-case qualifier key 'repositorY_url', but ECMA-427 says keys "
                    + "'shall be composed only of lowercase ASCII letters' and the gem and rpm 'required' cases "
                    + "(fixed upstream in purl-spec PR #951, issue #942) expect the same input shape to fail",
            "tests/types/git-test.json|validate|pkg:git/github/Package-url/purl-Spec@244fd47e07d1004f0aed9c",
            "a 'recommended' case lowercases namespace and name, but git-definition.json declares both "
                    + "case_sensitive: true (git hosts other than GitHub have case-sensitive paths)");

    static JsonNode read(String file) {
        try (InputStream in = PurlSpecConformanceTest.class.getResourceAsStream(ROOT + file)) {
            assertThat(in).as(file).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String file : FILES) {
            int i = 0;
            for (JsonNode t : read(file).path("tests")) {
                out.add(Arguments.of(file + "#" + i++ + " " + t.path("test_type").asText() + " "
                        + t.path("test_group").asText() + ": " + t.path("description").asText(), file, t));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void officialCase_run_matchesExpectation(String label, String file, JsonNode t) {
        String testType = t.path("test_type").asText();
        boolean strict = "required".equals(t.path("test_group").asText());
        boolean failure = t.path("expected_failure").asBoolean(false);
        JsonNode input = t.path("input");
        String key = file + "|" + testType + "|" + (input.isTextual() ? input.asText() : input.toString());
        if (CONFLICTS.containsKey(key)) {
            return; // checked by the conflict_* tests below
        }
        switch (testType) {
            case "parse" -> {
                if (failure) {
                    assertThatThrownBy(() -> parse(input.asText(), strict)).isInstanceOf(PurlException.class);
                } else {
                    assertComponents(parse(input.asText(), strict), t.path("expected_output"));
                    if (strict) {
                        assertComponents(Purl.parse(input.asText()), t.path("expected_output"));
                    }
                }
            }
            case "validate" -> {
                if (failure) {
                    assertThatThrownBy(() -> parse(input.asText(), strict)).isInstanceOf(PurlException.class);
                } else {
                    Purl purl = parse(input.asText(), strict);
                    assertThat(purl.toString()).isEqualTo(t.path("expected_output").asText());
                    assertThat(Purl.parseStrict(purl.toString())).as("canonical form re-parses to itself")
                            .hasToString(purl.toString());
                }
            }
            case "build" -> {
                if (failure) {
                    assertThatThrownBy(() -> build(input)).isInstanceOf(PurlException.class);
                } else {
                    Purl purl = build(input);
                    assertThat(purl.toString()).isEqualTo(t.path("expected_output").asText());
                }
            }
            default -> throw new AssertionError("unknown test_type " + testType);
        }
    }

    @Test
    void conflict_mavenUpperCaseQualifierKey_strictRejectsLenientNormalises() {
        String input = "pkg:Maven/org.apache.xmlgraphics/batik-anim@1.9.1?type=pom&repositorY_url=repo.spring.io/release";
        assertThatThrownBy(() -> Purl.parseStrict(input)).isInstanceOf(PurlException.class)
                .hasMessageContaining("repositorY_url")
                .extracting(e -> ((PurlException) e).component()).isEqualTo("qualifiers");
        Purl p = Purl.parse(input);
        assertThat(p.qualifiers()).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "repository_url", "repo.spring.io/release", "type", "pom")));
        assertThat(p.namespace()).isEqualTo("org.apache.xmlgraphics");
    }

    @Test
    void conflict_gitMixedCase_keepsCaseAsDefinitionSays() {
        Purl p = Purl.parse("pkg:git/github/Package-url/purl-Spec@244fd47e07d1004f0aed9c");
        assertThat(p.namespace()).isEqualTo("github");
        assertThat(p.name()).isEqualTo("Package-url/purl-Spec");
        assertThat(p).hasToString("pkg:git/github/Package-url/purl-Spec@244fd47e07d1004f0aed9c");
    }

    @Test
    void conflicts_everyListedCase_existsInTheSuite() {
        List<String> keys = new ArrayList<>();
        for (String file : FILES) {
            for (JsonNode t : read(file).path("tests")) {
                JsonNode input = t.path("input");
                keys.add(file + "|" + t.path("test_type").asText() + "|"
                        + (input.isTextual() ? input.asText() : input.toString()));
            }
        }
        assertThat(keys).containsAll(CONFLICTS.keySet());
        assertThat(cases().count()).isEqualTo(keys.size());
    }

    private static Purl parse(String text, boolean strict) {
        return strict ? Purl.parseStrict(text) : Purl.parse(text);
    }

    private static Purl build(JsonNode in) {
        Map<String, String> qualifiers = null;
        if (in.path("qualifiers").isObject()) {
            qualifiers = new LinkedHashMap<>();
            for (var it = in.path("qualifiers").fields(); it.hasNext(); ) {
                var e = it.next();
                qualifiers.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
            }
        }
        return Purl.of(text(in, "type"), text(in, "namespace"), text(in, "name"), text(in, "version"),
                qualifiers, text(in, "subpath"));
    }

    static void assertComponents(Purl p, JsonNode expected) {
        assertThat(p.type()).as("type").isEqualTo(text(expected, "type"));
        assertThat(p.namespace()).as("namespace").isEqualTo(text(expected, "namespace"));
        assertThat(p.name()).as("name").isEqualTo(text(expected, "name"));
        assertThat(p.version()).as("version").isEqualTo(text(expected, "version"));
        Map<String, String> q = new TreeMap<>();
        if (expected.path("qualifiers").isObject()) {
            for (var it = expected.path("qualifiers").fields(); it.hasNext(); ) {
                var e = it.next();
                q.put(e.getKey(), e.getValue().asText());
            }
        }
        assertThat(p.qualifiers()).as("qualifiers").isEqualTo(q);
        assertThat(p.subpath()).as("subpath").isEqualTo(text(expected, "subpath"));
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}
