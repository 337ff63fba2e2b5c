package dev.lambdainvoke.camel.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The set-up of {@link WireMockLambdaTest} classes. Before the class: starts the {@link WireMockLambda} and sets it into
 * static fields of that type (and, with {@code PER_CLASS}, a harness into static {@code CamelHarness} fields). Before each
 * test, ahead of the class's own {@code @BeforeEach} methods (which add stubs and routes on top): resets the stubs and
 * journal, and with {@code PER_TEST} starts a harness into the instance {@code CamelHarness} fields. After each test, after
 * the class's own {@code @AfterEach} methods: closes every instance {@code CamelHarness} field still set (also the ones the
 * test started itself) and clears it. After the class, JUnit closes what the class store holds.
 */
public final class WireMockLambdaExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WireMockLambdaExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        WireMockLambda lambda = lambda(context);
        Class<?> testClass = context.getRequiredTestClass();
        HarnessFields.set(testClass, null, WireMockLambda.class, lambda);
        if (camelMode(context) == WireMockLambdaTest.Camel.PER_CLASS) {
            CamelHarness camel = context.getStore(NAMESPACE).getOrComputeIfAbsent(CamelHarness.class,
                    key -> Closing.of(HarnessFields.start(lambda.endpoint())), Closing.class).harness;
            HarnessFields.set(testClass, null, CamelHarness.class, camel);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        lambda(context).reset();
        if (camelMode(context) == WireMockLambdaTest.Camel.PER_TEST) {
            HarnessFields.startHarness(context, lambda(context).endpoint());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        HarnessFields.closeHarnesses(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WireMockLambda.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return lambda(context);
    }

    /** The class's WireMock Lambda, started on first use; stored at the class level so that nested classes share it. */
    private static WireMockLambda lambda(ExtensionContext context) {
        ExtensionContext classLevel = context;
        while (classLevel.getParent().flatMap(ExtensionContext::getTestClass).isPresent()) {
            classLevel = classLevel.getParent().get();
        }
        return classLevel.getStore(NAMESPACE).getOrComputeIfAbsent(WireMockLambda.class,
                key -> Closing.of(new WireMockLambda()), Closing.class).lambda;
    }

    private static WireMockLambdaTest.Camel camelMode(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            var annotation = c.getTestClass().flatMap(type -> AnnotationSupport.findAnnotation(type, WireMockLambdaTest.class));
            if (annotation.isPresent()) {
                return annotation.get().camel();
            }
        }
        return WireMockLambdaTest.Camel.NONE;
    }

    /** Lets JUnit close what the class store holds when the class is done. */
    private static final class Closing implements ExtensionContext.Store.CloseableResource {
        final WireMockLambda lambda;
        final CamelHarness harness;

        private Closing(WireMockLambda lambda, CamelHarness harness) {
            this.lambda = lambda;
            this.harness = harness;
        }

        static Closing of(WireMockLambda lambda) {
            return new Closing(lambda, null);
        }

        static Closing of(CamelHarness harness) {
            return new Closing(null, harness);
        }

        @Override
        public void close() {
            if (harness != null) {
                harness.close();
            }
            if (lambda != null) {
                lambda.close();
            }
        }
    }
}
