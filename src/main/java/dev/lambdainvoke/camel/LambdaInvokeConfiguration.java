package dev.lambdainvoke.camel;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

/**
 * Every option of the component, once. The component holds one instance; each endpoint gets a copy and applies its URI
 * parameters on top.
 */
@UriParams
public class LambdaInvokeConfiguration implements Cloneable {

    @UriParam(label = "common", description = "The AWS region, e.g. eu-west-1. Default: the SDK's region chain "
                                              + "(AWS_REGION, profile); with endpointOverride and no region found, us-east-1.")
    private String region;

    @UriParam(label = "common",
              description = "Base URI of a Lambda-compatible endpoint (LocalLambda, LocalStack, a test server) instead of AWS.")
    private String endpointOverride;

    @UriParam(label = "producer", defaultValue = "RequestResponse", enums = "RequestResponse,Event,DryRun",
              description = "RequestResponse waits for the result; Event queues the invocation (202); DryRun only checks "
                            + "permissions (204).")
    private String invocationType = "RequestResponse";

    @UriParam(label = "producer", description = "Version or alias to invoke.")
    private String qualifier;

    @UriParam(label = "producer", defaultValue = "None", enums = "None,Tail",
              description = "Tail asks Lambda for the last 4 KB of the function's log (RequestResponse only); it is put in "
                            + "the LambdaLogTail header and logged at INFO.")
    private String logType = "None";

    @UriParam(label = "producer",
              description = "JSON text handed to the function as its client context (RequestResponse only); at most 3,583 "
                            + "bytes once base64-encoded.")
    private String clientContext;

    @UriParam(label = "producer",
              description = "JSONata expression applied to the body before invoking, with $headers bound to the message "
                            + "headers. Inline text or a resource: resource:classpath:map.jsonata, file:/path.")
    private String jsonata;

    @UriParam(label = "producer", defaultValue = "false",
              description = "Fail the exchange with LambdaFunctionErrorException when the function reports an error. By "
                            + "default the error payload becomes the body and LambdaFunctionError is set.")
    private boolean failOnFunctionError;

    @UriParam(label = "advanced", defaultValue = "15m", javaType = "java.time.Duration",
              description = "Time allowed for the whole invocation once sent. The HTTP read timeout is raised to match, so "
                            + "long functions are not cut off at the SDK's 30 s socket default.")
    private long timeout = 15 * 60 * 1000L;

    @UriParam(label = "advanced", defaultValue = "2s", javaType = "java.time.Duration",
              description = "TCP connect timeout.")
    private long connectTimeout = 2000L;

    @UriParam(label = "advanced", defaultValue = "64",
              description = "Invocations in flight per client. More exchanges wait, holding no thread, and none fails "
                            + "because it waited.")
    private int maxConcurrency = 64;

    @UriParam(label = "security", defaultValue = "false",
              description = "Honour the per-message override headers (LambdaFunction, LambdaQualifier, ...). Off by "
                            + "default so that a route fed by HTTP cannot let callers choose the function.")
    private boolean allowHeaderOverrides;

    @UriParam(label = "security", secret = true, description = "AWS access key id (static credentials).")
    private String accessKey;

    @UriParam(label = "security", secret = true, description = "AWS secret access key (static credentials).")
    private String secretKey;

    @UriParam(label = "security", secret = true, description = "AWS session token, with accessKey and secretKey.")
    private String sessionToken;

    @UriParam(label = "advanced",
              description = "A LambdaAsyncClient of your own, used as is and never closed by the component. Other client "
                            + "options (region, endpointOverride, credentials, timeouts) do not apply to it.")
    @Metadata(autowired = true)
    private LambdaAsyncClient lambdaClient;

    public LambdaInvokeConfiguration copy() {
        try {
            return (LambdaInvokeConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getEndpointOverride() {
        return endpointOverride;
    }

    public void setEndpointOverride(String endpointOverride) {
        this.endpointOverride = endpointOverride;
    }

    public String getInvocationType() {
        return invocationType;
    }

    public void setInvocationType(String invocationType) {
        this.invocationType = invocationType;
    }

    public String getQualifier() {
        return qualifier;
    }

    public void setQualifier(String qualifier) {
        this.qualifier = qualifier;
    }

    public String getLogType() {
        return logType;
    }

    public void setLogType(String logType) {
        this.logType = logType;
    }

    public String getClientContext() {
        return clientContext;
    }

    public void setClientContext(String clientContext) {
        this.clientContext = clientContext;
    }

    public String getJsonata() {
        return jsonata;
    }

    public void setJsonata(String jsonata) {
        this.jsonata = jsonata;
    }

    public boolean isFailOnFunctionError() {
        return failOnFunctionError;
    }

    public void setFailOnFunctionError(boolean failOnFunctionError) {
        this.failOnFunctionError = failOnFunctionError;
    }

    public long getTimeout() {
        return timeout;
    }

    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getMaxConcurrency() {
        return maxConcurrency;
    }

    public void setMaxConcurrency(int maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
    }

    public boolean isAllowHeaderOverrides() {
        return allowHeaderOverrides;
    }

    public void setAllowHeaderOverrides(boolean allowHeaderOverrides) {
        this.allowHeaderOverrides = allowHeaderOverrides;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getSessionToken() {
        return sessionToken;
    }

    public void setSessionToken(String sessionToken) {
        this.sessionToken = sessionToken;
    }

    public LambdaAsyncClient getLambdaClient() {
        return lambdaClient;
    }

    public void setLambdaClient(LambdaAsyncClient lambdaClient) {
        this.lambdaClient = lambdaClient;
    }
}
