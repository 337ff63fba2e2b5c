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

    @UriParam(label = "producer",
              description = "Tenant of a function with tenant isolation, sent as X-Amz-Tenant-Id. A constant, or a simple "
                            + "expression evaluated per message when it contains ${ (e.g. ${header.tenant}). Empty after "
                            + "evaluation, over 256 characters, with a character other than letters, digits, space, period, "
                            + "underscore, colon, slash, equals, plus, hyphen and at sign, or with a space first or last: "
                            + "the exchange fails with errorCode InvalidTenantId and nothing is sent.")
    private String tenantId;

    @UriParam(label = "producer",
              description = "Execution name (idempotency key) of a durable function, sent as X-Amz-Durable-Execution-Name. "
                            + "A constant, or a simple expression when it contains ${ (e.g. ${header.orderId}), evaluated "
                            + "on the first attempt and reused by every redelivery of the exchange; with it a Timeout is "
                            + "retryable, since Lambda runs a name once. The payload must be the same on every attempt. "
                            + "The answer's execution ARN is put in the LambdaDurableExecutionArn header.")
    private String durableExecutionName;

    @UriParam(label = "producer", defaultValue = "None", enums = "None,Tail",
              description = "Tail asks Lambda for the last 4 KB of the function's log (RequestResponse only); it is put in "
                            + "the LambdaLogTail header and logged at INFO.")
    private String logType = "None";

    @UriParam(label = "producer",
              description = "JSON text handed to the function as its client context (RequestResponse only); at most 3,583 "
                            + "bytes once base64-encoded.")
    // tooling hints: a JSON object typed by hand, shown in a multi-line JSON editor
    @Metadata(largeInput = true, inputLanguage = "json")
    private String clientContext;

    @UriParam(label = "producer",
              description = "JSONata expression applied to the body before invoking, with $headers bound to the message "
                            + "headers. Inline text or a resource: resource:classpath:map.jsonata, file:/path.")
    // tooling hints: the expression may be a file reference, and inline text gets a multi-line JSONata editor
    @Metadata(supportFileReference = true, largeInput = true, inputLanguage = "jsonata")
    private String jsonata;

    @UriParam(label = "producer",
              description = "JSONata expression applied to a successful RequestResponse result before it becomes the "
                            + "body: the result parsed as JSON is the input, $original the body before the call (parsed "
                            + "when it is JSON, else its text), $request the payload sent, $headers the message headers "
                            + "(result headers included). Inline text or a resource: resource:classpath:result.jsonata, "
                            + "file:/path. Not applied to function errors, Event or DryRun. A result that is not JSON or "
                            + "a failed evaluation leaves the raw result as the body and fails with "
                            + "LambdaMappingException.")
    // tooling hints: as for jsonata
    @Metadata(supportFileReference = true, largeInput = true, inputLanguage = "jsonata")
    private String resultJsonata;

    @UriParam(label = "producer", defaultValue = "false",
              description = "Fail the exchange with LambdaFunctionErrorException when the function reports an error. By "
                            + "default the error payload becomes the body and LambdaFunctionError is set.")
    private boolean failOnFunctionError;

    @UriParam(label = "producer", defaultValue = "false",
              description = "Invoke with InvokeWithResponseStream (RequestResponse or DryRun, not Event). The exchange "
                            + "continues when the stream has ended; the body is a StreamCache that keeps at most Camel's "
                            + "spool threshold in memory and spools the rest to Camel's spool directory, even where stream "
                            + "caching is off. The final event sets LambdaFunctionError and LambdaLogTail.")
    private boolean responseStreaming;

    @UriParam(label = "advanced", defaultValue = "15m", javaType = "java.time.Duration",
              description = "Time allowed for the whole invocation once sent. The HTTP read timeout is raised to match, so "
                            + "long functions are not cut off at the SDK's 30 s socket default.")
    private long timeout = 15 * 60 * 1000L;

    @UriParam(label = "advanced", defaultValue = "2s", javaType = "java.time.Duration",
              description = "TCP connect timeout.")
    private long connectTimeout = 2000L;

    @UriParam(label = "advanced", defaultValue = "60s", javaType = "java.time.Duration",
              description = "Cap on the wait a 429's Retry-After asks for: the next redelivery of the throttled call waits "
                            + "Retry-After, at most this long (LambdaThrottledException.getRetryAfter() still tells "
                            + "Lambda's value). The wait applies to that call's own redeliveries only, never to a later "
                            + "step once the exchange is handled. 0: Retry-After is ignored and the route's redelivery "
                            + "policy alone decides.")
    private long maxRetryAfter = 60_000L;

    @UriParam(label = "advanced", defaultValue = "64",
              description = "Invocations in flight per client. More exchanges wait, holding no thread, and none fails "
                            + "because it waited.")
    private int maxConcurrency = 64;

    @UriParam(label = "advanced", defaultValue = "netty", enums = "netty,crt",
              description = "The SDK's HTTP client for Lambda calls. netty (default): pure Java, trusts the JVM trust store "
                            + "(javax.net.ssl.trustStore). crt: the AWS Common Runtime client, more invocations per second "
                            + "and less CPU per call; needs software.amazon.awssdk:aws-crt-client and "
                            + "software.amazon.awssdk.crt:aws-crt on the classpath (a native library for the platform), "
                            + "trusts the operating system's trust store instead of the JVM's, has no socket read timeout "
                            + "(timeout bounds each call), and keeps the connection of a call that timed out until Lambda "
                            + "answers. STS calls for roleArn use the JDK client either way.")
    private String httpClient = "netty";

    @UriParam(label = "security", defaultValue = "false",
              description = "Honour the per-message override headers (LambdaFunction, LambdaQualifier, ...). Off by "
                            + "default so that a route fed by HTTP cannot let callers choose the function.")
    private boolean allowHeaderOverrides;

    @UriParam(label = "security",
              description = "Only with allowHeaderOverrides: a comma-separated list of regular expressions, each matched "
                            + "in full; an entry without ':' against the function a header names (name, or ARN as written, "
                            + "without its qualifier), an entry with ':' against function:qualifier. A qualifier chosen by a "
                            + "header (LambdaQualifier, or one inside LambdaFunction) is admitted only by an entry with ':'. "
                            + "A target outside it fails the exchange with errorCode InvalidHeader and nothing is sent. The "
                            + "endpoint's own function and qualifier are not subject to it.")
    private String allowedFunctions;

    @UriParam(label = "security", secret = true, description = "AWS access key id (static credentials).")
    private String accessKey;

    @UriParam(label = "security", secret = true, description = "AWS secret access key (static credentials).")
    private String secretKey;

    @UriParam(label = "security", secret = true, description = "AWS session token, with accessKey and secretKey.")
    private String sessionToken;

    @UriParam(label = "security",
              description = "Named profile from the shared AWS config and credentials files (.aws/config and "
                            + ".aws/credentials in the user's home directory, or the files AWS_CONFIG_FILE and "
                            + "AWS_SHARED_CREDENTIALS_FILE name). The profile must exist when the endpoint starts. Not "
                            + "together with static keys or useEc2Role.")
    private String profile;

    @UriParam(label = "security", defaultValue = "false",
              description = "Use the EC2 instance profile (IMDSv2) credentials. Not together with static keys or profile.")
    private boolean useEc2Role;

    @UriParam(label = "security",
              description = "ARN of an IAM role to assume through STS with the base credentials (static keys, profile, "
                            + "useEc2Role or the SDK default chain): arn:aws:iam::123456789012:role/name. The temporary "
                            + "credentials are refreshed in the background before they expire.")
    private String roleArn;

    @UriParam(label = "security",
              description = "External id required by the role's trust policy (only with roleArn). Not a secret in AWS's "
                            + "model, but only given to the STS call.")
    private String roleExternalId;

    @UriParam(label = "security", defaultValue = "camel-lambda-invoke",
              description = "Session name of the assumed role, seen in CloudTrail (only with roleArn).")
    private String roleSessionName;

    @UriParam(label = "security",
              description = "STS endpoint for role assumption (only with roleArn), e.g. a VPC endpoint or a test server. "
                            + "Never taken from endpointOverride, which is for Lambda only.")
    private String stsEndpointOverride;

    @UriParam(label = "proxy", description = "Host of an HTTP proxy for Lambda and STS calls (with proxyPort).")
    private String proxyHost;

    @UriParam(label = "proxy", description = "Port of the proxy (with proxyHost).")
    private Integer proxyPort;

    @UriParam(label = "proxy", defaultValue = "http", enums = "http,https",
              description = "How to reach the proxy itself: http or https. Requests to Lambda are tunnelled through it "
                            + "with CONNECT and stay TLS end to end.")
    private String proxyScheme;

    @UriParam(label = "proxy",
              description = "Hosts reached directly, not through the proxy, written as for Java's http.nonProxyHosts: "
                            + "host names separated by a vertical bar, in which an asterisk matches any characters; "
                            + "matched without regard to case.")
    private String nonProxyHosts;

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

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public String getDurableExecutionName() {
        return durableExecutionName;
    }

    public void setDurableExecutionName(String durableExecutionName) {
        this.durableExecutionName = durableExecutionName;
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

    public String getResultJsonata() {
        return resultJsonata;
    }

    public void setResultJsonata(String resultJsonata) {
        this.resultJsonata = resultJsonata;
    }

    public boolean isFailOnFunctionError() {
        return failOnFunctionError;
    }

    public void setFailOnFunctionError(boolean failOnFunctionError) {
        this.failOnFunctionError = failOnFunctionError;
    }

    public boolean isResponseStreaming() {
        return responseStreaming;
    }

    public void setResponseStreaming(boolean responseStreaming) {
        this.responseStreaming = responseStreaming;
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

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    /** Cap on the wait a 429's Retry-After asks for, in milliseconds. */
    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public int getMaxConcurrency() {
        return maxConcurrency;
    }

    public void setMaxConcurrency(int maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
    }

    public String getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(String httpClient) {
        this.httpClient = httpClient;
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

    public String getAllowedFunctions() {
        return allowedFunctions;
    }

    public void setAllowedFunctions(String allowedFunctions) {
        this.allowedFunctions = allowedFunctions;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public boolean isUseEc2Role() {
        return useEc2Role;
    }

    public void setUseEc2Role(boolean useEc2Role) {
        this.useEc2Role = useEc2Role;
    }

    public String getRoleArn() {
        return roleArn;
    }

    public void setRoleArn(String roleArn) {
        this.roleArn = roleArn;
    }

    public String getRoleExternalId() {
        return roleExternalId;
    }

    public void setRoleExternalId(String roleExternalId) {
        this.roleExternalId = roleExternalId;
    }

    public String getRoleSessionName() {
        return roleSessionName;
    }

    public void setRoleSessionName(String roleSessionName) {
        this.roleSessionName = roleSessionName;
    }

    public String getStsEndpointOverride() {
        return stsEndpointOverride;
    }

    public void setStsEndpointOverride(String stsEndpointOverride) {
        this.stsEndpointOverride = stsEndpointOverride;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyScheme() {
        return proxyScheme;
    }

    public void setProxyScheme(String proxyScheme) {
        this.proxyScheme = proxyScheme;
    }

    public String getNonProxyHosts() {
        return nonProxyHosts;
    }

    public void setNonProxyHosts(String nonProxyHosts) {
        this.nonProxyHosts = nonProxyHosts;
    }

    public LambdaAsyncClient getLambdaClient() {
        return lambdaClient;
    }

    public void setLambdaClient(LambdaAsyncClient lambdaClient) {
        this.lambdaClient = lambdaClient;
    }
}
