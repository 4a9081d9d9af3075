package dev.mamori.sbom.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

final class LicenseExpressionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MIT|MIT",
        "GPL-2.0+|GPL-2.0+",
        "MIT OR Apache-2.0|MIT OR Apache-2.0",
        "(MIT OR Apache-2.0) AND BSD-3-Clause|(MIT OR Apache-2.0) AND BSD-3-Clause",
        "MIT AND Apache-2.0 OR BSD-3-Clause|MIT AND Apache-2.0 OR BSD-3-Clause",
        "GPL-2.0-only WITH Classpath-exception-2.0|GPL-2.0-only WITH Classpath-exception-2.0",
        "LicenseRef-my-licence|LicenseRef-my-licence",
        "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2|DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2",
        "  ( ( MIT ) )  |MIT",
        "Apache-2.0 WITH AdditionRef-x OR MIT|Apache-2.0 WITH AdditionRef-x OR MIT",
    })
    void parse_validExpression_roundTripsToCanonicalText(String text, String canonical) {
        assertThat(LicenseExpression.parse(text)).hasToString(canonical);
    }

    @Test
    void parse_precedence_withBindsTighterThanAndTighterThanOr() {
        LicenseExpression e = LicenseExpression.parse("A OR B AND C WITH X");
        assertThat(e).isInstanceOf(LicenseExpression.Or.class);
        LicenseExpression.Or or = (LicenseExpression.Or) e;
        assertThat(or.left()).isEqualTo(new LicenseExpression.SimpleLicense("A", false));
        assertThat(or.right()).isInstanceOf(LicenseExpression.And.class);
        assertThat(((LicenseExpression.And) or.right()).right()).isInstanceOf(LicenseExpression.WithException.class);
        assertThat(e.licenses()).extracting(LicenseExpression.SimpleLicense::id).containsExactly("A", "B", "C");
        assertThat(e.exceptions()).isEqualTo(List.of("X"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "MIT OR", "AND MIT", "(MIT", "MIT)", "MIT Apache-2.0", "MIT and Apache-2.0",
        "MIT with Classpath-exception-2.0", "(MIT OR Apache-2.0) WITH X", "LicenseRef-", "LicenseRef-a+", "MIT/X11",
        "DocumentRef-a:MIT", "MIT WITH", "MIT WITH (X)", "()"})
    void parse_malformedExpression_throwsNamingThePlace(String text) {
        assertThatThrownBy(() -> LicenseExpression.parse(text)).isInstanceOf(LicenseExpressionException.class)
                .hasMessageNotContaining("null");
    }

    @Test
    void parse_lowerCaseOperator_saysOperatorsAreUpperCase() {
        assertThatThrownBy(() -> LicenseExpression.parse("MIT or Apache-2.0"))
                .hasMessageContaining("operators are upper case: write 'OR'").hasMessageContaining("character 5");
    }

    @Test
    void parse_deepNesting_isRefusedNotOverflowed() {
        String deep = "(".repeat(5000) + "MIT" + ")".repeat(5000);
        assertThatThrownBy(() -> LicenseExpression.parse(deep)).isInstanceOf(LicenseExpressionException.class)
                .hasMessageContaining("nest deeper");
    }

    @Test
    void licenseList_knowsIdsExceptionsDeprecationAndCase() {
        assertThat(SpdxLicenseList.version()).isEqualTo("3.28.0");
        assertThat(SpdxLicenseList.isLicenseId("Apache-2.0")).isTrue();
        assertThat(SpdxLicenseList.isLicenseId("apache-2.0")).isFalse();
        assertThat(SpdxLicenseList.licenseIdIgnoringCase("apache-2.0")).hasValue("Apache-2.0");
        assertThat(SpdxLicenseList.isExceptionId("Classpath-exception-2.0")).isTrue();
        assertThat(SpdxLicenseList.isDeprecated("GPL-2.0")).isTrue();
        assertThat(SpdxLicenseList.isDeprecated("GPL-2.0-only")).isFalse();
    }
}
