package dev.mamori.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** mamori-core stays plain Java: the CLI is fast and everything is testable with no setup because of it. */
final class CoreArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mamori");

    @Test
    void core_usesNoSpringJdbcOrHttpServer() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "jakarta.servlet..", "javax.servlet..",
                        "com.sun.net.httpserver..", "org.apache.catalina..", "org.flywaydb..", "com.zaxxer..", "picocli..")
                .because("mamori-core is a plain Java library (docs/architecture.md)")
                .check(CORE);
    }

    @Test
    void core_doesNotPrintOrExit() {
        noClasses().should().callMethod(System.class, "exit", int.class)
                .because("only the CLI decides exit codes")
                .check(CORE);
    }
}
