package dev.lambdainvoke.camel;

import java.util.Map;

import dev.lambdainvoke.camel.internal.client.CredentialSettings;
import dev.lambdainvoke.camel.internal.client.LambdaClientCache;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * Creates {@code lambda-invoke:} endpoints. Options set here are inherited by every endpoint; the component owns the
 * SDK clients it builds and closes them.
 */
@Component("lambda-invoke")
public class LambdaInvokeComponent extends DefaultComponent {

    @Metadata(description = "Options shared by all endpoints of this component.")
    private LambdaInvokeConfiguration configuration = new LambdaInvokeConfiguration();

    private final LambdaClientCache clients = new LambdaClientCache();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        LambdaInvokeConfiguration inherited = configuration.copy();
        // SPEC: a credential source set on the endpoint replaces the component's, rather than conflicting with it
        CredentialSettings.replaceInheritedBase(inherited, parameters);
        LambdaInvokeEndpoint endpoint = new LambdaInvokeEndpoint(uri, this, inherited);
        endpoint.setFunction(remaining);
        PlaceholderEscape.bindLiterally(parameters, inherited);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public LambdaInvokeConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(LambdaInvokeConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The clients this component built and shares among its endpoints. */
    public LambdaClientCache getClients() {
        return clients;
    }

    @Override
    protected void doStop() throws Exception {
        clients.closeAll();
        super.doStop();
    }
}
