package dev.lambdainvoke.camel.support;

import java.net.URI;

import org.apache.camel.Exchange;

/**
 * Run by WithoutCrtOnTheClassPathTest in a class loader that has no CRT jars: what an application without them sees.
 * Takes and returns only JDK types, which both class loaders share.
 */
public final class WithoutCrtProbe {

    private WithoutCrtProbe() {
    }

    /** The body of a netty invocation of {@code orders} at {@code lambda}, then why a crt endpoint did not start. */
    public static String[] run(String lambda) throws Exception {
        URI endpoint = URI.create(lambda);
        String body;
        try (CamelHarness camel = CamelHarness.against(endpoint)) {
            Exchange result = camel.send("lambda-invoke:orders", "{}");
            if (result.getException() != null) {
                throw result.getException();
            }
            body = result.getMessage().getBody(String.class);
        }
        Throwable failure = CamelHarness.startFailure(endpoint, "lambda-invoke:orders?httpClient=crt");
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return new String[] { body, messages.toString() };
    }
}
