package dev.mamori.cpe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The formatted-string and URI bindings of NISTIR 7695 §6, with the examples of §6.1.2.3, §6.1.3.3, §6.2.2.3 and
 * §6.2.3.3 (written down from the specification), quoting and percent-encoding cases, errors, and round trips.
 */
final class CpeBindingTest {

    private static String wfn(String part, String vendor, String product, String version, String update,
                              String edition, String language, String swEdition, String targetSw, String targetHw,
                              String other) {
        return "wfn:[part=" + part + ",vendor=" + vendor + ",product=" + product + ",version=" + version
                + ",update=" + update + ",edition=" + edition + ",language=" + language + ",sw_edition=" + swEdition
                + ",target_sw=" + targetSw + ",target_hw=" + targetHw + ",other=" + other + "]";
    }

    // ---------------------------------------------------------------- NISTIR 7695 examples, formatted string

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            // §6.2.3.3 example 1
            "cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*|"
                    + "wfn:[part=\"a\",vendor=\"microsoft\",product=\"internet_explorer\",version=\"8\\.0\\.6001\",update=\"beta\",edition=ANY,language=ANY,sw_edition=ANY,target_sw=ANY,target_hw=ANY,other=ANY]",
            // example 2: wildcards
            "cpe:2.3:a:microsoft:internet_explorer:8.*:sp?:*:*:*:*:*:*|"
                    + "wfn:[part=\"a\",vendor=\"microsoft\",product=\"internet_explorer\",version=\"8\\.*\",update=\"sp?\",edition=ANY,language=ANY,sw_edition=ANY,target_sw=ANY,target_hw=ANY,other=ANY]",
            // example 3: NA and extended attributes
            "cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*|"
                    + "wfn:[part=\"a\",vendor=\"hp\",product=\"insight_diagnostics\",version=\"7\\.4\\.0\\.1570\",update=NA,edition=ANY,language=ANY,sw_edition=\"online\",target_sw=\"win2003\",target_hw=\"x64\",other=ANY]",
            // example 4
            "cpe:2.3:a:hp:openview_network_manager:7.51:*:*:*:*:linux:*:*|"
                    + "wfn:[part=\"a\",vendor=\"hp\",product=\"openview_network_manager\",version=\"7\\.51\",update=ANY,edition=ANY,language=ANY,sw_edition=ANY,target_sw=\"linux\",target_hw=ANY,other=ANY]",
            // example 5: quoted backslash and dollar
            "cpe:2.3:a:foo\\\\bar:big\\$money_2010:*:*:*:*:special:ipod_touch:80gb:*|"
                    + "wfn:[part=\"a\",vendor=\"foo\\\\bar\",product=\"big\\$money_2010\",version=ANY,update=ANY,edition=ANY,language=ANY,sw_edition=\"special\",target_sw=\"ipod_touch\",target_hw=\"80gb\",other=ANY]",
    })
    void formattedString_nistir7695Examples_unbindAndBindBack(String fs, String wfn) {
        Cpe cpe = Cpe.parse(fs);
        assertThat(cpe.toWfn()).isEqualTo(wfn);
        assertThat(cpe.toFormattedString()).isEqualTo(fs);
        assertThat(cpe).hasToString(fs);
    }

    // ---------------------------------------------------------------- NISTIR 7695 examples, URI

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // §6.1.2.3 examples 1–5 (bind) — and unbinding gives the same WFN back
            "cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*|cpe:/a:microsoft:internet_explorer:8.0.6001:beta",
            "cpe:2.3:a:microsoft:internet_explorer:8.*:sp?:*:*:*:*:*:*|cpe:/a:microsoft:internet_explorer:8.%02:sp%01",
            "cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*|cpe:/a:hp:insight_diagnostics:7.4.0.1570:-:~~online~win2003~x64~",
            "cpe:2.3:a:hp:openview_network_manager:7.51:*:*:*:*:linux:*:*|cpe:/a:hp:openview_network_manager:7.51::~~~linux~~",
            "cpe:2.3:a:foo\\\\bar:big\\$money_manager_2010:*:*:*:*:special:ipod_touch:80gb:*|cpe:/a:foo%5cbar:big%24money_manager_2010:::~~special~ipod_touch~80gb~",
            // §7 conversions
            "cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:*:*:*:online:win2003:x64:*|cpe:/a:hp:insight_diagnostics:7.4.0.1570::~~online~win2003~x64~",
            "cpe:2.3:o:microsoft:windows_xp:*:sp2:professional:en-us:*:*:*:*|cpe:/o:microsoft:windows_xp::sp2:professional:en-us",
            "cpe:2.3:a:miyagawa:plack\\:\\:middleware\\:\\:session\\:\\:cookie:*:*:*:*:*:perl:*:*|cpe:/a:miyagawa:plack%3a%3amiddleware%3a%3asession%3a%3acookie:::~~~perl~~",
            "cpe:2.3:a:wpvivid:migration\\,_backup\\,_staging:*:*:*:*:*:wordpress:*:*|cpe:/a:wpvivid:migration%2c_backup%2c_staging:::~~~wordpress~~",
            "cpe:2.3:h:*:*:*:*:*:*:*:*:*:*|cpe:/h",
            "cpe:2.3:*:*:*:*:*:*:*:*:*:*:*|cpe:/",
    })
    void uri_nistir7695Examples_bindAndUnbind(String fs, String uri) {
        Cpe cpe = Cpe.parse(fs);
        assertThat(cpe.toUri()).isEqualTo(uri);
        assertThat(Cpe.parseUri(uri)).isEqualTo(cpe);
        assertThat(Cpe.parse(uri).toFormattedString()).isEqualTo(fs);
    }

    @Test
    void uri_unbindExample2_percentEncodedSpecialsAreQuotedLiterals() {
        // §6.1.3.3 example 2: %2a and %3f are quoted characters, not wildcards
        Cpe cpe = Cpe.parseUri("cpe:/a:microsoft:internet_explorer:8.%2a:sp%3f");
        assertThat(cpe.version().wfn()).isEqualTo("8\\.\\*");
        assertThat(cpe.version().hasWildcards()).isFalse();
        assertThat(cpe.update().wfn()).isEqualTo("sp\\?");
        assertThat(cpe).hasToString("cpe:2.3:a:microsoft:internet_explorer:8.\\*:sp\\?:*:*:*:*:*:*");
    }

    @Test
    void uri_unbindExample3_percent01And02AreWildcards() {
        Cpe cpe = Cpe.parseUri("cpe:/a:microsoft:internet_explorer:8.%02:sp%01");
        assertThat(cpe.version().wfn()).isEqualTo("8\\.*");
        assertThat(cpe.update().wfn()).isEqualTo("sp?");
        assertThat(cpe.version().hasWildcards()).isTrue();
    }

    @Test
    void uri_unbindExamples4And5_packedEdition() {
        Cpe four = Cpe.parseUri("cpe:/a:hp:insight_diagnostics:7.4.0.1570::~~online~win2003~x64~");
        assertThat(four.toWfn()).isEqualTo(wfn("\"a\"", "\"hp\"", "\"insight_diagnostics\"", "\"7\\.4\\.0\\.1570\"",
                "ANY", "ANY", "ANY", "\"online\"", "\"win2003\"", "\"x64\"", "ANY"));
        Cpe five = Cpe.parseUri("cpe:/a:hp:openview_network_manager:7.51:-:~~~linux~~");
        assertThat(five.update()).isEqualTo(CpeValue.NA);
        assertThat(five.targetSw().text()).isEqualTo("linux");
        assertThat(five.edition()).isEqualTo(CpeValue.ANY);
        assertThat(five.swEdition()).isEqualTo(CpeValue.ANY);
    }

    @Test
    void uri_unbindExample7_tildeOutsideEditionIsQuoted() {
        Cpe cpe = Cpe.parseUri("cpe:/a:foo~bar:big%7emoney_2010");
        assertThat(cpe.vendor().wfn()).isEqualTo("foo\\~bar");
        assertThat(cpe.product().wfn()).isEqualTo("big\\~money_2010");
        assertThat(cpe.toUri()).isEqualTo("cpe:/a:foo%7ebar:big%7emoney_2010");
        assertThat(cpe).hasToString("cpe:2.3:a:foo\\~bar:big\\~money_2010:*:*:*:*:*:*:*:*");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // §6.1.3.3 example 6: %07 is not a legal encoding
            "cpe:/a:foo%5cbar:big%24money_2010%07:::~~special~ipod_touch~80gb~|product",
            // example 8: %02 embedded
            "cpe:/a:foo:bar:12.%02.1234|version",
            "cpe:/a:foo:bar:1.0:%01x%01y|update",
            "cpe:/a:foo:bar:1.0:beta:~a~b|edition",
            "cpe:/a:foo:bar:1.0:beta:~a~b~c~d~e~f|edition",
            "cpe:/a:foo:bar:1:2:3:en:extra|language",
            "cpe:/a:foo!:bar|vendor",
            "cpe:/a:foo:bar%zz|product",
            "cpe:/x:foo:bar|part",
            "cpe:/a:foo:bar:1:::english|language",
            "cpe:/a:foo bar|vendor",
    })
    void uri_invalid_namesTheComponent(String uri, String component) {
        assertThatThrownBy(() -> Cpe.parseUri(uri)).isInstanceOf(CpeException.class)
                .satisfies(e -> assertThat(((CpeException) e).component()).isEqualTo(component));
    }

    // ---------------------------------------------------------------- quoting and escaping

    @Test
    void formattedString_escapedColons_doNotSplit() {
        Cpe cpe = Cpe.parse("cpe:2.3:a:tokuhirom:http\\:\\:session2:*:*:*:*:*:perl:*:*");
        assertThat(cpe.product().text()).isEqualTo("http::session2");
        assertThat(cpe.targetSw().text()).isEqualTo("perl");
    }

    @Test
    void formattedString_escapedBackslashBeforeColon_splits() {
        // "foo\\" is a quoted backslash; the colon after it separates fields
        Cpe cpe = Cpe.parse("cpe:2.3:a:foo\\\\:bar:*:*:*:*:*:*:*:*");
        assertThat(cpe.vendor().text()).isEqualTo("foo\\");
        assertThat(cpe.product().text()).isEqualTo("bar");
    }

    @Test
    void formattedString_quotedDotHyphenUnderscore_areWrittenBare() {
        Cpe cpe = Cpe.parse("cpe:2.3:a:x\\_y:z:1\\.0\\-rc1:*:*:*:*:*:*:*");
        assertThat(cpe.version().wfn()).isEqualTo("1\\.0\\-rc1");
        assertThat(cpe.vendor().wfn()).isEqualTo("x_y");
        assertThat(cpe).hasToString("cpe:2.3:a:x_y:z:1.0-rc1:*:*:*:*:*:*:*");
    }

    @Test
    void formattedString_unquotedPunctuation_isQuotedAsUnbindValueFsDoes() {
        Cpe cpe = Cpe.parse("cpe:2.3:a:foo:bar+baz:1.0/2:*:*:*:*:*:*:*");
        assertThat(cpe.product().wfn()).isEqualTo("bar\\+baz");
        assertThat(cpe.version().text()).isEqualTo("1.0/2");
        assertThat(cpe).hasToString("cpe:2.3:a:foo:bar\\+baz:1.0\\/2:*:*:*:*:*:*:*");
    }

    @Test
    void formattedString_caseIsKept_uriIsLowercased() {
        assertThat(Cpe.parse("cpe:2.3:a:Microsoft:IE:*:*:*:*:*:*:*:*").vendor().text()).isEqualTo("Microsoft");
        assertThat(Cpe.parse("CPE:/A:Microsoft:IE").vendor().text()).isEqualTo("microsoft");
        assertThat(Cpe.parse("CPE:2.3:A:x:y:*:*:*:*:*:*:*:*").part().text()).isEqualTo("a");
    }

    @Test
    void literalHyphen_isKeptApartFromNa_inBothBindings() {
        Cpe cpe = Cpe.of("a", "x", "y", "-");
        assertThat(cpe.version().isValue()).isTrue();
        assertThat(cpe.toFormattedString()).isEqualTo("cpe:2.3:a:x:y:\\-:*:*:*:*:*:*:*");
        assertThat(cpe.toUri()).isEqualTo("cpe:/a:x:y:%2d");
        assertThat(Cpe.parse(cpe.toFormattedString())).isEqualTo(cpe);
        assertThat(Cpe.parse(cpe.toUri())).isEqualTo(cpe);
        assertThat(Cpe.parse("cpe:2.3:a:x:y:-:*:*:*:*:*:*:*").version()).isEqualTo(CpeValue.NA);
        assertThat(Cpe.parse("cpe:/a:x:y:-").version()).isEqualTo(CpeValue.NA);
    }

    @Test
    void literal_specialCharacters_areQuotedNotWildcards() {
        CpeValue v = CpeValue.literal("a*b?c");
        assertThat(v.wfn()).isEqualTo("a\\*b\\?c");
        assertThat(v.hasWildcards()).isFalse();
        assertThat(v.text()).isEqualTo("a*b?c");
        assertThat(CpeBinding.bindValueFs(v)).isEqualTo("a\\*b\\?c");
        assertThat(CpeBinding.bindValueUri(v)).isEqualTo("a%2ab%3fc");
    }

    @Test
    void wfnValue_loneStar_isAny() {
        assertThat(CpeValue.wfn("*")).isSameAs(CpeValue.ANY);
        assertThat(Cpe.parseUri("cpe:/a:x:%02").product()).isSameAs(CpeValue.ANY);
    }

    @Test
    void wfnValue_leadingAndTrailingWildcards_areRecorded() {
        CpeValue v = CpeValue.wfn("??foo\\.bar*");
        assertThat(v.hasWildcards()).isTrue();
        assertThat(v.text()).isEqualTo("??foo.bar*");
        assertThat(v.begins()).isEqualTo(2);
        assertThat(v.ends()).isEqualTo(-1);
        assertThat(v.core()).isEqualTo("foo.bar");
    }

    @Test
    void toUri_extendedAttributesOnlyOther_packs() {
        Cpe cpe = Cpe.parse("cpe:2.3:a:x:y:1:*:*:*:*:*:*:special");
        assertThat(cpe.toUri()).isEqualTo("cpe:/a:x:y:1::~~~~~special");
        assertThat(Cpe.parse(cpe.toUri())).isEqualTo(cpe);
    }

    @Test
    void get_byAttributeName_returnsValue() {
        Cpe cpe = Cpe.parse("cpe:2.3:a:hp:insight:7.4:-:*:*:online:win2003:x64:*");
        assertThat(cpe.get("sw_edition").text()).isEqualTo("online");
        assertThat(cpe.get("update")).isEqualTo(CpeValue.NA);
        assertThatThrownBy(() -> cpe.get("colour")).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- errors

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "foo|prefix",
            "cpe:2.2:a:x:y|prefix",
            "cpe:2.3:a:x|product",
            "cpe:2.3:a:x:y:1:*:*:*:*:*:*|other",
            "cpe:2.3:a:x:y:1:*:*:*:*:*:*:*:*|other",
            "cpe:2.3:x:y:z:*:*:*:*:*:*:*:*|part",
            "cpe:2.3:ab:y:z:*:*:*:*:*:*:*:*|part",
            "cpe:2.3:a::z:*:*:*:*:*:*:*:*|vendor",
            "cpe:2.3:a:x:y:1.*.0:*:*:*:*:*:*:*|version",
            "cpe:2.3:a:x:y:1?0:*:*:*:*:*:*:*|version",
            "cpe:2.3:a:x:y:**:*:*:*:*:*:*:*|version",
            "cpe:2.3:a:x:y:?:*:*:*:*:*:*:*|version",
            "cpe:2.3:a:x:y:*?1:*:*:*:*:*:*:*|version",
            "cpe:2.3:a:x:y:1 0:*:*:*:*:*:*:*|version",
            "cpe:2.3:a:x:y:1:r\u00e9:*:*:*:*:*:*|update",
            "cpe:2.3:a:x:y:1:*:*:english:*:*:*:*|language",
            "cpe:2.3:a:x:y:1:*:*:en*:*:*:*:*|language",
            "cpe:2.3:a:x:y:1:*:*:*:*:*:*:x\\|other",
            "cpe:2.3:a:x:y:1:*:*:*:a*b:*:*:*|sw_edition",
            "cpe:2.3:a:x:y:1:*:*:*:*:w\\ x:*:*|target_sw",
            "cpe:2.3:a:x:y:1:*:*:*:*:*:*\u0001:*|target_hw",
            "cpe:2.3:a:x:y:1:*:e*e:*:*:*:*:*|edition",
    })
    void formattedString_invalid_namesTheComponent(String fs, String component) {
        assertThatThrownBy(() -> Cpe.parse(fs)).isInstanceOf(CpeException.class)
                .satisfies(e -> {
                    assertThat(((CpeException) e).component()).isEqualTo(component);
                    assertThat(e.getMessage()).isNotBlank();
                });
    }

    @Test
    void wfnValue_unquotedPunctuation_isRejected() {
        assertThatThrownBy(() -> CpeValue.wfn("a.b")).isInstanceOf(CpeException.class).hasMessageContaining("unquoted '.'");
        assertThatThrownBy(() -> CpeValue.wfn("")).isInstanceOf(CpeException.class);
    }

    // ---------------------------------------------------------------- round trips

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    private static final String PLAIN = "abcxyz0189_";
    private static final String PUNCT = "!\"#$%&'()+,./:;<=>@[\\]^`{|}~-";

    /** Random names: FS → parse and URI → parse give the same WFN; FS and URI convert into each other (§7). */
    @ParameterizedTest
    @MethodSource("seeds")
    void roundTrip_randomNames_bothBindingsPreserveTheWfn(long seed) {
        Random r = new Random(seed);
        CpeValue[] v = new CpeValue[11];
        v[0] = List.of(CpeValue.ANY, CpeValue.wfn("a"), CpeValue.wfn("o"), CpeValue.wfn("h")).get(r.nextInt(4));
        for (int i = 1; i < 11; i++) {
            v[i] = i == 6 ? language(r) : value(r);
        }
        Cpe cpe = Cpe.fromValues(v);
        String fs = cpe.toFormattedString();
        String uri = cpe.toUri();
        assertThat(Cpe.parse(fs)).as(fs).isEqualTo(cpe);
        assertThat(Cpe.parse(uri)).as(uri).isEqualTo(cpe);
        assertThat(Cpe.parse(uri).toFormattedString()).isEqualTo(fs);
        assertThat(Cpe.parse(fs).toUri()).isEqualTo(uri);
    }

    private static CpeValue language(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> CpeValue.ANY;
            case 1 -> CpeValue.NA;
            case 2 -> CpeValue.wfn("en");
            default -> CpeValue.wfn("de\\-at");
        };
    }

    /** Lower-case values (the URI binding lowercases), with quoted punctuation and edge wildcards. */
    private static CpeValue value(Random r) {
        int kind = r.nextInt(10);
        if (kind == 0) {
            return CpeValue.ANY;
        }
        if (kind == 1) {
            return CpeValue.NA;
        }
        StringBuilder w = new StringBuilder();
        if (kind == 2) {
            w.append(r.nextBoolean() ? "*" : "?".repeat(1 + r.nextInt(3)));
        }
        for (int n = 1 + r.nextInt(6); n > 0; n--) {
            if (r.nextInt(3) == 0) {
                w.append('\\').append(PUNCT.charAt(r.nextInt(PUNCT.length())));
            } else {
                w.append(PLAIN.charAt(r.nextInt(PLAIN.length())));
            }
        }
        if (kind == 3) {
            w.append(r.nextBoolean() ? "*" : "?".repeat(1 + r.nextInt(3)));
        }
        return CpeValue.wfn(w.toString());
    }
}
