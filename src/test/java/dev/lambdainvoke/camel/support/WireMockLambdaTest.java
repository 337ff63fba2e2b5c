package dev.lambdainvoke.camel.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class with a {@link WireMockLambda}: started once for the class, reset (stubs and journal) before each test,
 * stopped after the class. It is set into the class's static {@code WireMockLambda} fields and resolves as a parameter.
 * With {@link #camel()} the class also gets a {@link CamelHarness} against it; see {@link WireMockLambdaExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(WireMockLambdaExtension.class)
public @interface WireMockLambdaTest {

    /** When the extension starts a harness against the WireMock Lambda. */
    Camel camel() default Camel.NONE;

    enum Camel {
        /** The class starts its own harnesses (with its own routes or component options); fields left open are closed. */
        NONE,
        /** A harness with no routes, new for each test, in the instance {@code CamelHarness} fields. */
        PER_TEST,
        /** One harness with no routes for the whole class, in the static {@code CamelHarness} fields. */
        PER_CLASS
    }
}
