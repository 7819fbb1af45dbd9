package dev.fulcrum.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The planes are modules and dependencies flow one way (DESIGN.md, "Modules"). */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.fulcrum");
  }

  @Test
  void coreDependsOnNoOtherPlane() {
    noClasses().that().resideInAPackage("dev.fulcrum.core..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.fulcrum.inference..",
            "dev.fulcrum.dataplane..", "dev.fulcrum.controlplane..", "dev.fulcrum.gateway..",
            "io.vertx..")
        .check(classes);
  }

  @Test
  void inferenceDependsOnlyOnCore() {
    noClasses().that().resideInAPackage("dev.fulcrum.inference..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.fulcrum.dataplane..",
            "dev.fulcrum.controlplane..", "dev.fulcrum.gateway..")
        .check(classes);
  }

  @Test
  void dataPlaneNeverCallsTheControlPlane() {
    noClasses().that().resideInAPackage("dev.fulcrum.dataplane..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.fulcrum.controlplane..",
            "dev.fulcrum.gateway..")
        .check(classes);
  }

  @Test
  void controlPlaneDependsOnlyOnCore() {
    noClasses().that().resideInAPackage("dev.fulcrum.controlplane..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.fulcrum.inference..",
            "dev.fulcrum.dataplane..", "dev.fulcrum.gateway..")
        .check(classes);
  }

  /** Each internal package and the packages it is shared with (as its package-info says). */
  @ParameterizedTest
  @CsvSource({"dev.fulcrum.inference.internal, dev.fulcrum.inference",
      "dev.fulcrum.dataplane.privacy.internal, dev.fulcrum.dataplane.privacy",
      "dev.fulcrum.controlplane.registry.internal, dev.fulcrum.controlplane"})
  void internalPackagesAreUsedOnlyWhereTheyAreShared(String internal, String sharedWith) {
    noClasses().that().resideOutsideOfPackage(sharedWith + "..")
        .should().dependOnClassesThat().resideInAPackage(internal + "..")
        .check(classes);
  }
}
