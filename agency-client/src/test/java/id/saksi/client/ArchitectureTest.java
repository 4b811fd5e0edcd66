package id.saksi.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The agency client is ledger-core and the JDK: no framework, no service or verifier code. */
class ArchitectureTest {
  private static final JavaClasses CLIENT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("id.saksi.client");

  @Test
  void client_doesNotDependOnSpringOrAxon() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "org.axonframework..", "jakarta..")
        .because("an agency runs the client as one small jar on ledger-core")
        .check(CLIENT);
  }

  @Test
  void client_doesNotDependOnTheServiceOrTheVerifier() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("id.saksi.api..", "id.saksi.verifier..")
        .because("the client speaks the documented protocol, not the service's code")
        .check(CLIENT);
  }

  @Test
  void client_isNotEmpty() {
    assertThat(CLIENT.size()).isGreaterThan(5);
  }
}
