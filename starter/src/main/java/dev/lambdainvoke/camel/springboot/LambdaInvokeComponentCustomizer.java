package dev.lambdainvoke.camel.springboot;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.lambdainvoke.camel.LambdaInvokeComponent;
import dev.lambdainvoke.camel.LambdaInvokeConfiguration;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

/**
 * Applies {@code camel.component.lambda-invoke.*} to the component when Camel creates it. Only the properties that were
 * set are applied, so everything else keeps the component's default. Applies to the component named
 * {@code lambda-invoke} only: another instance registered under its own name keeps the settings it was given.
 */
public class LambdaInvokeComponentCustomizer implements ComponentCustomizer {

    static final String SCHEME = "lambda-invoke";

    private final Supplier<LambdaInvokeComponentProperties> properties;
    private final Function<String, LambdaAsyncClient> clientBeans;

    /**
     * @param properties  asked for only when the component is created (see LambdaInvokeAutoConfiguration for why)
     * @param clientBeans finds the {@code LambdaAsyncClient} bean of a given name, failing when there is none
     */
    public LambdaInvokeComponentCustomizer(Supplier<LambdaInvokeComponentProperties> properties,
                                           Function<String, LambdaAsyncClient> clientBeans) {
        this.properties = properties;
        this.clientBeans = clientBeans;
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return SCHEME.equals(name) && target instanceof LambdaInvokeComponent;
    }

    @Override
    public void configure(String name, Component target) {
        LambdaInvokeComponent component = (LambdaInvokeComponent) target;
        LambdaInvokeComponentProperties p = properties.get();
        ifSet(p.getLazyStartProducer(), component::setLazyStartProducer);
        ifSet(p.getAutowiredEnabled(), component::setAutowiredEnabled);

        LambdaInvokeConfiguration c = component.getConfiguration();
        ifSet(p.getRegion(), c::setRegion);
        ifSet(p.getEndpointOverride(), c::setEndpointOverride);
        ifSet(p.getInvocationType(), c::setInvocationType);
        ifSet(p.getQualifier(), c::setQualifier);
        ifSet(p.getLogType(), c::setLogType);
        ifSet(p.getClientContext(), c::setClientContext);
        ifSet(p.getJsonata(), c::setJsonata);
        ifSet(p.getFailOnFunctionError(), c::setFailOnFunctionError);
        // the component checks that both are positive when an endpoint starts, naming the option
        ifSet(p.getTimeout(), timeout -> c.setTimeout(timeout.toMillis()));
        ifSet(p.getConnectTimeout(), timeout -> c.setConnectTimeout(timeout.toMillis()));
        ifSet(p.getMaxRetryAfter(), max -> c.setMaxRetryAfter(max.toMillis()));
        ifSet(p.getMaxConcurrency(), c::setMaxConcurrency);
        ifSet(p.getHttpClient(), c::setHttpClient);
        ifSet(p.getAllowHeaderOverrides(), c::setAllowHeaderOverrides);
        ifSet(p.getAllowedFunctions(), c::setAllowedFunctions);
        ifSet(p.getAccessKey(), c::setAccessKey);
        ifSet(p.getSecretKey(), c::setSecretKey);
        ifSet(p.getSessionToken(), c::setSessionToken);
        ifSet(p.getProfile(), c::setProfile);
        ifSet(p.getUseEc2Role(), c::setUseEc2Role);
        ifSet(p.getRoleArn(), c::setRoleArn);
        ifSet(p.getRoleExternalId(), c::setRoleExternalId);
        ifSet(p.getRoleSessionName(), c::setRoleSessionName);
        ifSet(p.getStsEndpointOverride(), c::setStsEndpointOverride);
        ifSet(p.getProxyHost(), c::setProxyHost);
        ifSet(p.getProxyPort(), c::setProxyPort);
        ifSet(p.getProxyScheme(), c::setProxyScheme);
        ifSet(p.getNonProxyHosts(), c::setNonProxyHosts);
        ifSet(p.getLambdaClient(), reference -> c.setLambdaClient(clientBeans.apply(beanName(reference))));
    }

    /** Camel's reference syntax ({@code #bean:name}, {@code #name}) or the bare bean name. */
    static String beanName(String reference) {
        String name = reference.trim();
        if (name.startsWith("#bean:")) {
            return name.substring("#bean:".length());
        }
        return name.startsWith("#") ? name.substring(1) : name;
    }

    private static <T> void ifSet(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
