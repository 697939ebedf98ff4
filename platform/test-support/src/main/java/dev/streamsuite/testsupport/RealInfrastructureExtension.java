package dev.streamsuite.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the shared {@link TestInfrastructure} before a test class and stops it when the
 * whole test plan is done. Test methods and constructors can take {@link KafkaBroker},
 * {@link SchemaRegistry} or {@link TestInfrastructure} parameters.
 */
public final class RealInfrastructureExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RealInfrastructureExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, NAMESPACE)
                .computeIfAbsent(StopAtEnd.class, key -> new StopAtEnd(TestInfrastructure.shared()), StopAtEnd.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        var type = parameter.getParameter().getType();
        return type == KafkaBroker.class || type == SchemaRegistry.class || type == TestInfrastructure.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        var infrastructure = TestInfrastructure.shared();
        var type = parameter.getParameter().getType();
        if (type == KafkaBroker.class) {
            return infrastructure.kafka();
        }
        if (type == SchemaRegistry.class) {
            return infrastructure.registry();
        }
        return infrastructure;
    }

    private record StopAtEnd(TestInfrastructure infrastructure) implements AutoCloseable {
        @Override
        public void close() {
            TestInfrastructure.stop();
        }
    }
}
