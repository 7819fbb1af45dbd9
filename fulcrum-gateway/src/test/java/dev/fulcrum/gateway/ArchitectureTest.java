package dev.fulcrum.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

  @Test
  void internalPackagesStayInsideTheirModule() {
    noClasses().that().resideOutsideOfPackage("dev.fulcrum.inference..")
        .should().dependOnClassesThat().resideInAPackage("dev.fulcrum.inference.internal..")
        .check(classes);
  }
}
