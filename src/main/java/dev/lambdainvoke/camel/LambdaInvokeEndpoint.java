package dev.lambdainvoke.camel;

import java.util.Map;

import dev.lambdainvoke.camel.internal.LambdaInvokeBinding;
import dev.lambdainvoke.camel.internal.client.ClientLease;
import dev.lambdainvoke.camel.internal.client.ClientSettings;
import dev.lambdainvoke.camel.internal.client.InvocationNotSentException;
import dev.lambdainvoke.camel.internal.client.LambdaInvoker;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Invoke an AWS Lambda function without blocking a thread, with optional JSONata request mapping.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "lambda-invoke", title = "AWS Lambda Invoke",
             syntax = "lambda-invoke:function", producerOnly = true,
             category = { Category.CLOUD, Category.SERVERLESS }, headersClass = LambdaInvokeConstants.class)
public class LambdaInvokeEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    @UriPath(description = "The function: name, name:alias, name:version, a full ARN or a partial ARN "
                           + "(123456789012:function:name).")
    @Metadata(required = true)
    private String function;

    @UriParam
    private LambdaInvokeConfiguration configuration;

    // built when the endpoint starts
    private LambdaInvokeBinding binding;
    private ClientLease client;

    public LambdaInvokeEndpoint(String uri, LambdaInvokeComponent component, LambdaInvokeConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public LambdaInvokeComponent getComponent() {
        return (LambdaInvokeComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new LambdaInvokeProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("lambda-invoke only sends: use it in to(...), not from(...)");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        binding = LambdaInvokeBinding.of(function, configuration, getCamelContext(), LambdaInvokeProducer.LOG);
        ClientSettings settings = ClientSettings.of(configuration); // checked even for a user's client
        client = configuration.getLambdaClient() != null
                ? getComponent().getClients().acquire(configuration.getLambdaClient(), settings.maxConcurrency())
                : getComponent().getClients().acquire(settings);
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null) {
            client.close();
            client = null;
        }
        super.doStop();
    }

    /** How this endpoint's exchanges become requests and its answers messages; built when it starts. */
    LambdaInvokeBinding binding() {
        return binding;
    }

    /** The invoker of a started endpoint; before start and after stop, nothing can be sent. */
    LambdaInvoker invoker() {
        ClientLease lease = client;
        if (lease == null) {
            throw new InvocationNotSentException("the endpoint " + getEndpointBaseUri() + " is not started (or has stopped)");
        }
        return lease.invoker();
    }

    @Override
    public String getServiceUrl() {
        String override = configuration.getEndpointOverride();
        if (override != null && !override.isBlank()) {
            return override.trim();
        }
        String region = configuration.getRegion();
        return region == null || region.isBlank() ? "lambda (SDK default region)" : "lambda." + region.trim() + ".amazonaws.com";
    }

    @Override
    public String getServiceProtocol() {
        return "aws-lambda";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return configuration.getQualifier() == null
                ? Map.of("function", function)
                : Map.of("function", function, "qualifier", configuration.getQualifier());
    }

    public String getFunction() {
        return function;
    }

    /** The function: name, name:alias, name:version or ARN. */
    public void setFunction(String function) {
        this.function = function;
    }

    public LambdaInvokeConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(LambdaInvokeConfiguration configuration) {
        this.configuration = configuration;
    }
}
