package dev.lambdainvoke.examples.quarkus;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a String field of a test to receive the base URI of the LocalLambda that {@link LocalLambdaResource} runs. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface LocalLambdaEndpoint {
}
