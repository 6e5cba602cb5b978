package io.devopsparadise.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.devopsparadise.testsupport.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of docs/architecture.md, on the compiled main classes of every module (each module's target/classes; the
 * build compiles them all before this module): services never use each other's code, the shared modules use none, and
 * a feature's controller does not reach into another feature's repository.
 */
@AnalyzeClasses(locations = ArchitectureTests.MainClassesOfEveryModule.class)
class ArchitectureTests {

    private static final String ROOT = "io.devopsparadise.";
    /** Each service's module and root package. */
    private static final List<String> SERVICES =
            List.of("instances", "gateway", "quality", "reports", "dashboard", "cli");

    private static final List<String> SHARED = List.of("contracts", "events", "security");
    private static final List<String> MODULES = List.of(
            "contracts",
            "event-streams",
            "service-security",
            "instance-manager",
            "bridge-gateway",
            "quality-orchestrator",
            "report-service",
            "dashboard-ui",
            "paradise-cli");

    @ArchTest
    static final ArchRule instanceManagerUsesNoOtherService = serviceUsesNoOtherService("instances");

    @ArchTest
    static final ArchRule gatewayUsesNoOtherService = serviceUsesNoOtherService("gateway");

    @ArchTest
    static final ArchRule orchestratorUsesNoOtherService = serviceUsesNoOtherService("quality");

    @ArchTest
    static final ArchRule reportServiceUsesNoOtherService = serviceUsesNoOtherService("reports");

    @ArchTest
    static final ArchRule dashboardUsesNoOtherService = serviceUsesNoOtherService("dashboard");

    @ArchTest
    static final ArchRule cliUsesNoService = serviceUsesNoOtherService("cli");

    @ArchTest
    static final ArchRule sharedModulesUseNoService = noClasses()
            .that()
            .resideInAnyPackage(packages(SHARED))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(packages(SERVICES))
            .because("contracts, event-streams and service-security are shared by every service and belong to none");

    @ArchTest
    static final ArchRule controllersStayInTheirFeature = classes()
            .that()
            .haveSimpleNameEndingWith("Controller")
            .should(new ArchCondition<JavaClass>("not depend on another feature's repository") {
                @Override
                public void check(JavaClass controller, ConditionEvents events) {
                    for (Dependency dependency : controller.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass();
                        if (isRepository(target) && !feature(target).equals(feature(controller))) {
                            events.add(SimpleConditionEvent.violated(
                                    dependency,
                                    controller.getName() + " (feature " + feature(controller)
                                            + ") uses the repository " + target.getName() + " of feature "
                                            + feature(target) + ": "
                                            + dependency.getDescription()));
                        }
                    }
                }
            })
            .because("a feature owns its storage; another feature asks its service");

    private static ArchRule serviceUsesNoOtherService(String service) {
        List<String> others = SERVICES.stream().filter(s -> !s.equals(service)).toList();
        return noClasses()
                .that()
                .resideInAPackage(ROOT + service + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages(others))
                .because("services talk over their HTTP APIs and share only the contracts module");
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(name -> ROOT + name + "..").toArray(String[]::new);
    }

    private static boolean isRepository(JavaClass type) {
        return type.isAnnotatedWith("org.springframework.stereotype.Repository")
                || type.getSimpleName().endsWith("Repository");
    }

    /** io.devopsparadise.service.feature…: the service and its feature, the package right under the service's root. */
    private static String feature(JavaClass type) {
        String[] parts = type.getPackageName().split("\\.");
        return parts.length > 3 ? parts[2] + "." + parts[3] : type.getPackageName();
    }

    static final class MainClassesOfEveryModule implements LocationProvider {

        @Override
        public Set<Location> get(Class<?> testClass) {
            return MODULES.stream()
                    .map(module -> RepoPaths.root().resolve(module).resolve("target/classes"))
                    .map(MainClassesOfEveryModule::built)
                    .map(Location::of)
                    .collect(Collectors.toSet());
        }

        private static Path built(Path classes) {
            return Optional.of(classes)
                    .filter(Files::isDirectory)
                    .orElseThrow(
                            () -> new IllegalStateException("build the modules first: " + classes + " is missing"));
        }
    }
}
