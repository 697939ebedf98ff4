package dev.streamsuite.fraud;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The topology and the rules are plain Kafka Streams and Java: Spring only wires them. */
class ArchitectureTest {

    @Test
    void topologyAndRulesDoNotDependOnSpring() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.streamsuite.fraud");

        noClasses()
                .that()
                .resideInAnyPackage("..fraud.topology..", "..fraud.rules..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void rulesDoNotDependOnKafka() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.streamsuite.fraud.rules");

        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..")
                .check(classes);
    }
}
