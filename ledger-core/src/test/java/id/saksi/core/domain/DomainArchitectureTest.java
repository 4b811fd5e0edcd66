package id.saksi.core.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain's packages layer without cycles, and the aggregates do not know each other. */
class DomainArchitectureTest {
  private static final JavaClasses DOMAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("id.saksi.core.domain", "id.saksi.core.disclosure");

  @Test
  void domainPackages_areFreeOfCycles() {
    slices().matching("id.saksi.core.(*)..").should().beFreeOfCycles().check(DOMAIN);
    slices().matching("id.saksi.core.domain.(*)..").should().beFreeOfCycles().check(DOMAIN);
  }

  @Test
  void aggregates_doNotDependOnEachOther() {
    String[] aggregates = {"registry", "instrument", "pact", "caseflow"};
    for (String a : aggregates) {
      for (String b : aggregates) {
        if (!a.equals(b)) {
          noClasses()
              .that()
              .resideInAPackage("id.saksi.core.domain." + a + "..")
              .should()
              .dependOnClassesThat()
              .resideInAPackage("id.saksi.core.domain." + b + "..")
              .check(DOMAIN);
        }
      }
    }
  }

  @Test
  void domain_doesNotDependOnTheEntryLayer() {
    noClasses()
        .that()
        .resideInAPackage("id.saksi.core.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "id.saksi.core.entry..", "id.saksi.core.merkle..", "id.saksi.core.note..")
        .check(DOMAIN);
  }
}
