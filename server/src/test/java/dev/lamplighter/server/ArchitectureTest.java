package dev.lamplighter.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module and package rules of DESIGN.md, checked on the main code of every module. */
class ArchitectureTest {
  private static final String ROOT = "dev.lamplighter";
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void modules_formNoCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void jdbc_isUsedOnlyInTheStore() {
    only("java.sql..", "..store..").check(classes);
  }

  @Test
  void httpFramework_isUsedOnlyInApiConsoleAndServer() {
    only("io.javalin..", "..api..", "..console..", "..server..").check(classes);
    only("org.eclipse.jetty..", "..api..", "..console..", "..server..").check(classes);
  }

  @Test
  void netty_isUsedOnlyInBrokerGatewayRelayAndAgent() {
    only("io.netty..", "..broker..", "..gateway..", "..relay..", "..agent..").check(classes);
  }

  @Test
  void lucene_isUsedOnlyInTheIndex() {
    only("org.apache.lucene..", "..index..").check(classes);
  }

  @Test
  void adapters_seeOnlyPublicDomainApis_neverInternalsPortsOrTheStore() {
    noClasses()
        .that()
        .resideInAnyPackage(
            ROOT + ".api..", ROOT + ".console..", ROOT + ".gateway..", ROOT + ".relay..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..internal..", "..spi..", ROOT + ".store..")
        .check(classes);
  }

  @Test
  void internalPackages_areUsedOnlyInsideTheirModule() {
    for (String module :
        List.of(
            "core",
            "registry",
            "security",
            "index",
            "jobs",
            "shadow",
            "tunnels",
            "store",
            "api",
            "server")) {
      noClasses()
          .that()
          .resideOutsideOfPackage(ROOT + "." + module + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(ROOT + "." + module + ".internal..")
          .check(classes);
    }
  }

  @Test
  void domainModules_knowNoSqlOrHttp_andCarryNoJsonMapping() {
    noClasses()
        .that()
        .resideInAnyPackage(
            ROOT + ".core..",
            ROOT + ".registry..",
            ROOT + ".security..",
            ROOT + ".index..",
            ROOT + ".jobs..",
            ROOT + ".shadow..",
            ROOT + ".tunnels..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.fasterxml.jackson.annotation..",
            "java.sql..",
            "io.javalin..",
            ROOT + ".store..",
            ROOT + ".api..",
            ROOT + ".server..")
        .check(classes);
  }

  @Test
  void jsonParsing_inTheDomain_isOnlyForPolicyJobAndShadowDocumentsAndChangeLogStates() {
    // Shadows are JSON documents by definition: the whole shadow module works on Jackson's trees.
    noClasses()
        .that()
        .resideInAnyPackage(
            ROOT + ".core..",
            ROOT + ".registry..",
            ROOT + ".security..",
            ROOT + ".index..",
            ROOT + ".jobs..",
            ROOT + ".tunnels..")
        .and()
        .resideOutsideOfPackage(ROOT + ".security.policy..")
        .and()
        .doNotHaveFullyQualifiedName(ROOT + ".index.internal.ChangeStates")
        .and()
        .doNotHaveFullyQualifiedName(ROOT + ".index.internal.query.ShadowJson")
        .and()
        .doNotHaveFullyQualifiedName(ROOT + ".jobs.internal.JobDocuments")
        .and()
        .doNotHaveFullyQualifiedName(ROOT + ".jobs.internal.MembershipStates")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.fasterxml.jackson..")
        .check(classes);
  }

  @Test
  void domainServices_takeTimeAndRandomnessFromInjectedSources() {
    noClasses()
        .that()
        .resideInAnyPackage(
            ROOT + ".registry..",
            ROOT + ".security.internal..",
            ROOT + ".jobs..",
            ROOT + ".shadow..",
            ROOT + ".tunnels..")
        .should()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(java.util.UUID.class, "randomUUID")
        .orShould()
        .callConstructor(java.util.Random.class)
        .orShould()
        .callConstructor(java.security.SecureRandom.class)
        .check(classes);
  }

  @Test
  void testFixtures_areNeverUsedByMainCode() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".testkit..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".testkit..")
        .check(classes);
  }

  @Test
  void everyMainPackage_hasAPackageInfo() throws IOException {
    Path projectRoot = Path.of("..").toAbsolutePath().normalize();
    try (Stream<Path> files = Files.walk(projectRoot)) {
      List<Path> missing =
          files
              .filter(p -> p.toString().contains("/src/main/java/"))
              .filter(p -> p.toString().endsWith(".java"))
              .map(Path::getParent)
              .distinct()
              .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
              .map(projectRoot::relativize)
              .toList();
      assertThat(missing).as("main packages without package-info.java").isEmpty();
    }
  }

  private static ArchRule only(String dependency, String... allowedPackages) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(allowedPackages)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(dependency)
        .allowEmptyShould(true);
  }
}
