package dev.lambdainvoke.camel.support;

import java.net.URI;
import java.util.Map;
import java.util.function.Consumer;

import dev.lambdainvoke.camel.LambdaInvokeComponent;
import dev.lambdainvoke.camel.LambdaInvokeConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A Camel context whose lambda-invoke component points at a local endpoint with dummy static keys, and a template to
 * send through it. Close it after each test.
 */
public final class CamelHarness implements AutoCloseable {

    private final CamelContext context;
    private final ProducerTemplate template;

    private CamelHarness(CamelContext context) {
        this.context = context;
        this.template = context.createProducerTemplate();
    }

    /** A started context with no routes; endpoints are created on first send. */
    public static CamelHarness against(URI endpoint, RoutesBuilder... routes) throws Exception {
        return against(endpoint, Map.of(), routes);
    }

    /** As {@link #against(URI, RoutesBuilder...)}, with beans bound in the registry before the component is added. */
    public static CamelHarness against(URI endpoint, Map<String, Object> beans, RoutesBuilder... routes)
            throws Exception {
        CamelContext context = context(endpoint, beans, configuration -> {
        }, routes);
        context.start();
        return new CamelHarness(context);
    }

    /**
     * As {@link #against(URI, RoutesBuilder...)}, with the component's options adjusted first ({@code component} may
     * clear the default static keys, set a profile, a role, a proxy, ...).
     */
    public static CamelHarness configured(URI endpoint, Consumer<LambdaInvokeConfiguration> component,
                                          RoutesBuilder... routes) throws Exception {
        CamelContext context = context(endpoint, Map.of(), component, routes);
        context.start();
        return new CamelHarness(context);
    }

    /** Removes the harness's default static keys, so that another credential source can apply. */
    public static void withoutStaticKeys(LambdaInvokeConfiguration component) {
        component.setAccessKey(null);
        component.setSecretKey(null);
    }

    /**
     * Builds a context whose only route is {@code from("direct:start").to(lambdaUri)}, starts it, and returns why it did
     * not start. Fails the test when it starts. {@code component} adjusts the component's options first (on top of the
     * defaults of {@link #against}).
     */
    public static Throwable startFailure(URI endpoint, String lambdaUri, Consumer<LambdaInvokeConfiguration> component)
            throws Exception {
        CamelContext context = context(endpoint, Map.of(), component, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").to(lambdaUri);
            }
        });
        try {
            context.start();
        } catch (RuntimeException expected) {
            return expected;
        } finally {
            context.stop();
        }
        throw new AssertionError("the context started with a route to " + lambdaUri);
    }

    public static Throwable startFailure(URI endpoint, String lambdaUri) throws Exception {
        return startFailure(endpoint, lambdaUri, configuration -> {
        });
    }

    /** {@code RAW(value)}: a URI option value taken as written ({@code +}, {@code &} and spaces included). */
    public static String raw(String value) {
        return "RAW(" + value + ")";
    }

    private static CamelContext context(URI endpoint, Map<String, Object> beans,
                                        Consumer<LambdaInvokeConfiguration> adjust, RoutesBuilder... routes)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        beans.forEach(context.getRegistry()::bind);
        LambdaInvokeComponent component = new LambdaInvokeComponent();
        LambdaInvokeConfiguration configuration = component.getConfiguration();
        configuration.setEndpointOverride(endpoint.toString());
        configuration.setRegion("us-east-1");
        configuration.setAccessKey("test-access-key");
        configuration.setSecretKey("test-secret-key");
        adjust.accept(configuration);
        context.addComponent("lambda-invoke", component);
        for (RoutesBuilder route : routes) {
            context.addRoutes(route);
        }
        return context;
    }

    public CamelContext context() {
        return context;
    }

    public LambdaInvokeComponent component() {
        return context.getComponent("lambda-invoke", LambdaInvokeComponent.class);
    }

    public ProducerTemplate template() {
        return template;
    }

    /** Sends and waits for the exchange to complete; the exception, if any, stays on the returned exchange. */
    public Exchange send(String uri, Object body) {
        return template.send(uri, e -> e.getMessage().setBody(body));
    }

    public Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    @Override
    public void close() {
        context.stop();
    }
}
