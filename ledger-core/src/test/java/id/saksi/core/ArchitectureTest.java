package id.saksi.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core is plain Java: the verifier trusts it, so no framework may reach into it. */
class ArchitectureTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("id.saksi.core");

  @Test
  void core_doesNotDependOnSpringOrAxon() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "org.axonframework..", "jakarta..")
        .because("ledger-core is plain Java so that the standalone verifier can trust it")
        .check(CORE);
  }

  @Test
  void core_doesNotDependOnTheServiceOrTheVerifierOrTheClient() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("id.saksi.api..", "id.saksi.verifier..", "id.saksi.client..")
        .because("ledger-core is the bottom layer")
        .check(CORE);
  }

  @Test
  void core_isNotEmpty() {
    // Guards the rules above against passing vacuously on a mistyped package name.
    org.assertj.core.api.Assertions.assertThat(CORE.size()).isGreaterThan(3);
  }
}
