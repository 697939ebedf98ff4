package dev.streamsuite.testsupport;

/**
 * The broker and registry shared by all integration tests of one JVM. Started on first use;
 * stopped by {@link RealInfrastructureExtension} when the test plan ends (or, failing that,
 * by a shutdown hook), so no process outlives the test run.
 */
public final class TestInfrastructure {

    private static TestInfrastructure shared;

    private final KafkaBroker kafka;
    private final SchemaRegistry registry;

    private TestInfrastructure(KafkaBroker kafka, SchemaRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    public static synchronized TestInfrastructure shared() {
        if (shared == null) {
            var registry = SchemaRegistry.start();
            KafkaBroker kafka;
            try {
                kafka = KafkaBroker.start();
            } catch (RuntimeException e) {
                registry.close();
                throw e;
            }
            shared = new TestInfrastructure(kafka, registry);
            Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::stop, "stop-test-infrastructure"));
        }
        return shared;
    }

    static synchronized void stop() {
        if (shared != null) {
            try (var registry = shared.registry;
                    var kafka = shared.kafka) {
                shared = null;
            }
        }
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public SchemaRegistry registry() {
        return registry;
    }
}
