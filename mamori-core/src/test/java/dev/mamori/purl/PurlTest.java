package dev.mamori.purl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class PurlTest {

    @Test
    void of_pypiName_isLowercasedWithDashes() {
        assertThat(Purl.of("pypi", null, "Django_Allauth", "1.0")).hasToString("pkg:pypi/django-allauth@1.0");
    }

    @Test
    void of_upperCaseTypeAndKeys_areLowercased() {
        Purl p = Purl.of("MAVEN", "org.example", "Lib", "1.0", Map.of("Classifier", "sources"), null);
        assertThat(p).hasToString("pkg:maven/org.example/Lib@1.0?classifier=sources");
    }

    @Test
    void of_emptyQualifierValues_areDropped() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("arch", "");
        q.put("distro", null);
        q.put("epoch", "2");
        assertThat(Purl.of("rpm", "fedora", "curl", "7.5", q, null)).hasToString("pkg:rpm/fedora/curl@7.5?epoch=2");
    }

    @Test
    void of_subpathDotSegments_areDropped() {
        assertThat(Purl.of("golang", "github.com/x", "y", null, null, "/a/./b/../c/").subpath()).isEqualTo("a/b/c");
    }

    @Test
    void of_npmScope_isPercentEncodedInCanonicalForm() {
        Purl p = Purl.of("npm", "@angular", "core", "12.0.0");
        assertThat(p).hasToString("pkg:npm/%40angular/core@12.0.0");
        assertThat(p.packageKey().name()).isEqualTo("@angular/core");
    }

    @Test
    void of_gitNameWithSlashes_keepsLiteralSlashes() {
        Purl p = Purl.of("git", "codeberg.org", "forgejo/forgejo", "abc");
        assertThat(p).hasToString("pkg:git/codeberg.org/forgejo/forgejo@abc");
        assertThat(Purl.parse(p.toString())).isEqualTo(p);
    }

    @Test
    void of_otherTypeNameWithSlash_isEncoded() {
        Purl p = Purl.of("generic", null, "a/b", null);
        assertThat(p).hasToString("pkg:generic/a%2Fb");
        assertThat(Purl.parse(p.toString()).name()).isEqualTo("a/b");
    }

    @Test
    void of_swidGuidTagId_isLowercased() {
        Purl p = Purl.of("swid", null, "Fedora", "29", Map.of("tag_id", "75B8C285-FA7B-485B-B199-4745E3004D0D"), null);
        assertThat(p.qualifier("tag_id")).isEqualTo("75b8c285-fa7b-485b-b199-4745e3004d0d");
    }

    @Test
    void of_pubName_isNormalisedToUnderscores() {
        assertThat(Purl.of("pub", null, "Flutter-Test", null).name()).isEqualTo("flutter_test");
    }

    @Test
    void of_cpanNamespace_isUppercased() {
        assertThat(Purl.of("cpan", "drolsky", "DateTime", "1.55")).hasToString("pkg:cpan/DROLSKY/DateTime@1.55");
    }

    @Test
    void of_unknownType_usesGenericRules() {
        Purl p = Purl.parse("pkg:bintray/Apache/CouchDB/couchdb-mac@2.3.0");
        assertThat(p.namespace()).isEqualTo("Apache/CouchDB");
        assertThat(p.hasKnownType()).isFalse();
        assertThat(Purl.parse("pkg:maven/a/b").hasKnownType()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''|scheme",
            "maven/org/x@1|scheme",
            "pkg:|name",
            "pkg:maven|name",
            "pkg:3maven/a/b|type",
            "pkg:ma$ven/a/b|type",
            "pkg:maven/b@1|namespace",
            "pkg:cargo/ns/b|namespace",
            "pkg:maven/a/@1|name",
            "pkg:maven/a/b@|version",
            "pkg:maven/a/b@1%G0|version",
            "pkg:maven/a/b?x|qualifiers",
            "pkg:maven/a/b?1x=y|qualifiers",
            "pkg:maven/a/b?a=1&A=2|qualifiers",
            "pkg:maven/a/b?a=%FF|qualifiers",
            "pkg:maven/a%2Fx/b|namespace",
            "pkg:maven/a/b#c%2Fd|subpath",
            "pkg:swid/a/b/c/Name?tag_id=x|namespace",
            "pkg:swid/Name|qualifiers",
            "pkg:rpm/fedora/curl@1?epoch=x|qualifiers",
            "pkg:chrome-extension/dogs|name",
            "pkg:chrome-extension/dlpngalgnefjeiefhmpklpfiohadpglk@1.2-b|version",
            "pkg:cpan/URI::PackageURL|name",
    })
    void parse_invalid_namesTheComponent(String text, String component) {
        assertThatThrownBy(() -> Purl.parse(text)).isInstanceOf(PurlException.class)
                .satisfies(e -> assertThat(((PurlException) e).component()).isEqualTo(component));
    }

    @Test
    void parse_surroundingWhitespace_strictRejectsLenientStrips() {
        assertThat(Purl.parse(" pkg:npm/a@1 ")).hasToString("pkg:npm/a@1");
        assertThatThrownBy(() -> Purl.parseStrict(" pkg:npm/a@1 ")).isInstanceOf(PurlException.class);
    }

    @Test
    void parse_golangWithoutNamespace_lenientAcceptsStrictRefuses() {
        // Go's vulndb and syft/Trivy name the standard library "stdlib"; single-element module paths exist too
        Purl stdlib = Purl.parse("pkg:golang/stdlib@go1.21.5");
        assertThat(stdlib.namespace()).isNull();
        assertThat(stdlib.name()).isEqualTo("stdlib");
        assertThat(stdlib.packageKey()).isEqualTo(PackageKey.ofOsv("Go", "stdlib"));
        assertThat(Purl.parse("pkg:golang/tailscale.com@v1.32.2").packageKey())
                .isEqualTo(PackageKey.ofOsv("Go", "tailscale.com"));
        assertThatThrownBy(() -> Purl.parseStrict("pkg:golang/stdlib@go1.21.5"))
                .isInstanceOf(PurlException.class).hasMessageContaining("requires a namespace");
        // other types whose definition requires a namespace still do
        assertThatThrownBy(() -> Purl.parse("pkg:maven/guava@32.0.0")).isInstanceOf(PurlException.class);
    }

    @Test
    void parse_lowerCaseHexAndUnneededEncoding_areCanonicalised() {
        assertThat(Purl.parse("pkg:deb/debian/attr@1%3a2.4.47-2%2bb1?arch=amd%36%34"))
                .hasToString("pkg:deb/debian/attr@1:2.4.47-2%2Bb1?arch=amd64");
    }

    @Test
    void parse_unicode_isUtf8PercentEncoded() {
        Purl p = Purl.parse("pkg:generic/caf%C3%A9@1?note=%E6%97%A5");
        assertThat(p.name()).isEqualTo("café");
        assertThat(p.qualifier("note")).isEqualTo("日");
        assertThat(Purl.parse("pkg:generic/café")).hasToString("pkg:generic/caf%C3%A9");
    }

    @Test
    void parse_unencodedQuestionMarkInQualifierValue_staysInTheValue() {
        Purl p = Purl.parse("pkg:generic/x@1?download_url=https://a.example/f?x=1");
        assertThat(p.name()).isEqualTo("x");
        assertThat(p.qualifier("download_url")).isEqualTo("https://a.example/f?x=1");
        assertThat(p).hasToString("pkg:generic/x@1?download_url=https:%2F%2Fa.example%2Ff%3Fx%3D1");
    }

    @Test
    void withVersion_huggingfaceVersion_isNormalised() {
        Purl p = Purl.parse("pkg:huggingface/EleutherAI/gpt-neo");
        assertThat(p.withVersion("ABCDEF")).hasToString("pkg:huggingface/EleutherAI/gpt-neo@abcdef");
        assertThat(p.withVersion("ABCDEF").withVersion(null)).isEqualTo(p);
    }

    @Test
    void nativeVersion_rpmEpochQualifier_isFoldedIn() {
        assertThat(Purl.parse("pkg:rpm/fedora/a@1.0-1?epoch=2").nativeVersion()).isEqualTo("2:1.0-1");
        assertThat(Purl.parse("pkg:rpm/fedora/a@3:1.0-1?epoch=2").nativeVersion()).isEqualTo("3:1.0-1");
        assertThat(Purl.parse("pkg:deb/debian/a@1:1.0-1").nativeVersion()).isEqualTo("1:1.0-1");
        assertThat(Purl.parse("pkg:deb/debian/a").nativeVersion()).isNull();
    }

    @Test
    void packageKey_pypiAndGithub_areNormalised() {
        assertThat(Purl.parse("pkg:pypi/Zope.Interface@5").packageKey()).isEqualTo(new PackageKey("pypi", "zope-interface"));
        assertThat(Purl.parse("pkg:github/Package-URL/purl-spec").packageKey().name()).isEqualTo("package-url/purl-spec");
        assertThat(Purl.parse("pkg:maven/org.a/b@1").packageKey().name()).isEqualTo("org.a:b");
    }

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /** Random components (with reserved and non-ASCII characters) survive build → canonical string → strict parse. */
    @ParameterizedTest
    @MethodSource("seeds")
    void roundTrip_randomComponents_parseOfCanonicalIsIdentity(long seed) {
        Random r = new Random(seed);
        String type = List.of("generic", "maven", "npm", "golang", "conan", "docker", "x-custom.type+1").get(r.nextInt(7));
        String namespace = switch (type) {
            case "maven", "golang" -> segments(r, 1 + r.nextInt(3));
            default -> r.nextBoolean() ? null : segments(r, 1 + r.nextInt(2));
        };
        String name = word(r);
        String version = r.nextBoolean() ? null : word(r);
        Map<String, String> qualifiers = new TreeMap<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            qualifiers.put("k" + r.nextInt(100) + List.of("", ".a", "-b", "_c").get(r.nextInt(4)), word(r));
        }
        String subpath = r.nextBoolean() ? null : segments(r, 1 + r.nextInt(3));
        Purl built = Purl.of(type, namespace, name, version, qualifiers, subpath);
        String canonical = built.toString();
        Purl parsed = Purl.parseStrict(canonical);
        assertThat(parsed).as(canonical).isEqualTo(built);
        assertThat(parsed.toString()).isEqualTo(canonical);
        assertThat(canonical.substring(canonical.indexOf('/'))).doesNotContain(" ", "+", "\u00a0");
    }

    private static final String POOL = "abcXYZ019.-_~:@/?#&=%+ !é日\u00a0*\\'\"";

    private static String word(Random r) {
        StringBuilder s = new StringBuilder();
        for (int n = 1 + r.nextInt(8); n > 0; n--) {
            s.append(POOL.charAt(r.nextInt(POOL.length())));
        }
        String w = s.toString();
        return w.equals(".") || w.equals("..") ? w + "x" : w;
    }

    private static String segments(Random r, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String w = word(r).replace("/", "");
            if (w.isEmpty() || w.equals(".") || w.equals("..")) {
                w = "s" + w;
            }
            s.append(i > 0 ? "/" : "").append(w);
        }
        return s.toString();
    }
}
