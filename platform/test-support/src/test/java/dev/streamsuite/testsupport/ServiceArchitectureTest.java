package dev.streamsuite.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class ServiceArchitectureTest {

    private static final String FIXTURES = "dev.streamsuite.testsupport.fixture.";

    @Test
    void aServiceOfTheTemplateShapePasses() {
        assertThatCode(() -> ServiceArchitecture.verify(classesOf("good"), FIXTURES + "good"))
                .doesNotThrowAnyException();
    }

    @Test
    void aDomainThatDependsOnKafkaFails() {
        assertThatThrownBy(() -> ServiceArchitecture.verify(classesOf("bad"), FIXTURES + "bad"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the domain is plain Java")
                .hasMessageContaining("org.apache.kafka.common.serialization.Serde");
    }

    @Test
    void aServiceWithoutATopologyPackageFails() {
        assertThatThrownBy(() -> ServiceArchitecture.verify(classesOf("partial"), FIXTURES + "partial"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("has no package 'topology'");
    }

    private static JavaClasses classesOf(String fixture) {
        return new ClassFileImporter().importPackages(FIXTURES + fixture);
    }
}
