package dev.mamori.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class VersionCommandTest {
    private final InputStream original = VersionCommand.stdin;

    @AfterEach
    void restore() {
        VersionCommand.stdin = original;
    }

    private static String run(String stdin, String... args) {
        VersionCommand.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MamoriCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("exit code, stderr: %s", err).isZero();
        return out.toString();
    }

    @Test
    void compare_linePerPair_withErrorsInPlace() {
        String out = run("1.0.0\t2.0.0\n2.0.0\t1.0.0\n1.0.0\t1.0.0\n\t1.0.0\nno-tab\n1.0.0-rc.1\t1.0.0\n",
                "version", "compare", "--scheme", "npm");
        assertThat(out.lines().toList()).hasSize(6);
        assertThat(out.lines().toList().subList(0, 3)).containsExactly("-1", "1", "0");
        assertThat(out.lines().toList().get(3)).startsWith("error: ");
        assertThat(out.lines().toList().get(4)).isEqualTo("error: expected two fields separated by a tab");
        assertThat(out.lines().toList().get(5)).isEqualTo("-1");
    }

    @Test
    void compare_debianTilde_sortsBeforeRelease() {
        assertThat(run("1.0~rc1-1\t1.0-1\n1:0.9\t2.0\n", "version", "compare", "--scheme", "deb").lines())
                .containsExactly("-1", "1");
    }

    @Test
    void satisfies_nativeAndVersRanges() {
        String out = run("1.5.0\tvers:npm/>=1.0.0|<2.0.0\n2.0.0\tvers:npm/>=1.0.0|<2.0.0\n1.5.0\tvers:pypi/>=1.0\n",
                "version", "satisfies", "--scheme", "npm");
        assertThat(out.lines()).containsExactly("true", "false", "error: the range is for scheme 'pypi', not 'npm'");
    }

    @Test
    void unknownScheme_isAUsageError() {
        StringWriter err = new StringWriter();
        VersionCommand.stdin = new ByteArrayInputStream(new byte[0]);
        int code = MamoriCommand.run(new String[] {"version", "compare", "--scheme", "cobol"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown version scheme 'cobol'");
    }

    @Test
    void purlCanonical_normalisesOrExplains() {
        String out = run("pkg:PyPI/Django_Rest@1.0\npkg:npm/%40angular/core@12.0.0\nnot-a-purl\n", "purl", "canonical");
        assertThat(out.lines().toList().get(0)).isEqualTo("pkg:pypi/django-rest@1.0");
        assertThat(out.lines().toList().get(1)).isEqualTo("pkg:npm/%40angular/core@12.0.0");
        assertThat(out.lines().toList().get(2)).startsWith("error: ");
    }
}
