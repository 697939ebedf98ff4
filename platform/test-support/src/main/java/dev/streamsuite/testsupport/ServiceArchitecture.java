package dev.streamsuite.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The rules of docs/architecture.md, checked on one service's main classes. Every service has the
 * same shape under its base package:
 *
 * <ul>
 *   <li>{@code domain}: the business logic as plain Java, free of Kafka and Spring, and of the
 *       service's other packages;
 *   <li>{@code topology}: the Kafka Streams topology and its settings, free of Spring and of
 *       {@code config} and {@code api};
 *   <li>{@code config}: the Spring wiring; {@code api}, when there is one: HTTP endpoints.
 * </ul>
 *
 * No service depends on the tools (simulator, local stack, benchmarks), nor on another service.
 */
public final class ServiceArchitecture {

    private static final String[] TOOLS = {
        "dev.streamsuite.simulator..", "dev.streamsuite.localstack..", "dev.streamsuite.benchmarks.."
    };
    private static final List<String> SERVICES = List.of("fraud", "iot", "clickstream");

    private ServiceArchitecture() {}

    /**
     * @param basePackage e.g. {@code dev.streamsuite.fraud}
     */
    public static void verify(String basePackage) {
        JavaClasses service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
        verify(service, basePackage);
    }

    static void verify(JavaClasses service, String basePackage) {
        for (String layer : List.of("domain", "topology", "config")) {
            if (service.stream().noneMatch(type -> type.getPackageName().equals(basePackage + "." + layer))) {
                throw new AssertionError(basePackage + " has no package '" + layer
                        + "': every service has the same shape (docs/architecture.md)");
            }
        }
        rules(basePackage).forEach(rule -> rule.check(service));
    }

    static List<ArchRule> rules(String basePackage) {
        String domain = basePackage + ".domain..";
        String topology = basePackage + ".topology..";
        String config = basePackage + ".config..";
        String api = basePackage + ".api..";
        String[] otherServices = SERVICES.stream()
                .map(name -> "dev.streamsuite." + name + "..")
                .filter(other -> !other.equals(basePackage + ".."))
                .toArray(String[]::new);
        return List.of(
                noClasses()
                        .that()
                        .resideInAPackage(domain)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage("org.apache.kafka..", "org.springframework..", topology, config, api)
                        .because("the domain is plain Java, unit-tested without Kafka"),
                noClasses()
                        .that()
                        .resideInAPackage(topology)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage("org.springframework..", config, api)
                        .because("the topology is plain Kafka Streams; Spring only registers it"),
                noClasses()
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(TOOLS)
                        .because("tools depend on services, never the other way"),
                noClasses()
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(otherServices)
                        .because("services talk to each other only through Kafka topics"));
    }
}
