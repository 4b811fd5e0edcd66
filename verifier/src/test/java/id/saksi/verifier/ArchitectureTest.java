package id.saksi.verifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The verifier trusts nothing but ledger-core and the log's key: no framework, no service code. */
class ArchitectureTest {
  private static final JavaClasses VERIFIER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("id.saksi.verifier");

  @Test
  void verifier_doesNotDependOnSpringOrAxon() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "org.axonframework..", "jakarta..")
        .because("the verifier must run standalone, offline, on ledger-core only")
        .check(VERIFIER);
  }

  @Test
  void verifier_doesNotDependOnTheService() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("id.saksi.api..")
        .because("the verifier must not trust the operator's code")
        .check(VERIFIER);
  }

  @Test
  void verifier_isNotEmpty() {
    assertThat(VERIFIER.size()).isGreaterThan(0);
  }
}
