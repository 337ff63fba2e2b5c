package dev.lambdainvoke.camel.support;

import java.net.URI;
import java.util.Map;

import dev.lambdainvoke.camel.LambdaInvokeComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
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
        CamelContext context = new DefaultCamelContext();
        beans.forEach(context.getRegistry()::bind);
        LambdaInvokeComponent component = new LambdaInvokeComponent();
        component.getConfiguration().setEndpointOverride(endpoint.toString());
        component.getConfiguration().setRegion("us-east-1");
        component.getConfiguration().setAccessKey("test-access-key");
        component.getConfiguration().setSecretKey("test-secret-key");
        context.addComponent("lambda-invoke", component);
        for (RoutesBuilder route : routes) {
            context.addRoutes(route);
        }
        context.start();
        return new CamelHarness(context);
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
