package dev.lambdainvoke.camel.springboot;

import java.time.Duration;

import dev.lambdainvoke.camel.LambdaInvokeConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

/**
 * {@code camel.component.lambda-invoke.*}: one property per option of the lambda-invoke component, with the
 * component's defaults, as camel-spring-boot's generated starters have them. Spring Boot's processor turns the field
 * comments into the IDE metadata. The component's durations (milliseconds there) are {@link Duration}s here, so that
 * 90s, 15m or PT15M bind; Camel's type converter turns them back into milliseconds.
 * ComponentConfigurationAgreementTest fails when this class and the component's option list disagree.
 */
@ConfigurationProperties(prefix = LambdaInvokeComponentConfiguration.PREFIX)
public class LambdaInvokeComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    public static final String PREFIX = "camel.component.lambda-invoke";

    /**
     * Whether to enable auto configuration of the lambda-invoke component. This is enabled by default.
     */
    private Boolean enabled;
    /**
     * The component's configuration object: a LambdaInvokeConfiguration bean (name, #name or #bean:name) used instead
     * of the one the component makes.
     */
    private LambdaInvokeConfiguration configuration;
    /**
     * Base URI of a Lambda-compatible endpoint (LocalLambda, LocalStack, a test server) instead of AWS.
     */
    private String endpointOverride;
    /**
     * The AWS region, e.g. eu-west-1. Default: the SDK's region chain (AWS_REGION, profile); with endpoint-override
     * and no region found, us-east-1.
     */
    private String region;
    /**
     * JSON text handed to the function as its client context (RequestResponse only); at most 3,583 bytes once
     * base64-encoded.
     */
    private String clientContext;
    /**
     * Fail the exchange with LambdaFunctionErrorException when the function reports an error. By default the error
     * payload becomes the body and the LambdaFunctionError header is set.
     */
    private Boolean failOnFunctionError = false;
    /**
     * RequestResponse waits for the result; Event queues the invocation (202); DryRun only checks permissions (204).
     */
    private String invocationType = "RequestResponse";
    /**
     * JSONata expression applied to the body before invoking, with $headers bound to the message headers. Inline text
     * or a resource: resource:classpath:map.jsonata, file:/path.
     */
    private String jsonata;
    /**
     * Start producers lazily, on the first message, so that a route starts even when the producer could not yet.
     */
    private Boolean lazyStartProducer = false;
    /**
     * Tail asks Lambda for the last 4 KB of the function's log (RequestResponse only); it is put in the LambdaLogTail
     * header and logged at INFO.
     */
    private String logType = "None";
    /**
     * Version or alias to invoke.
     */
    private String qualifier;
    /**
     * Invoke with InvokeWithResponseStream (RequestResponse or DryRun, not Event). The exchange continues when the
     * stream has ended; the body is a StreamCache that keeps at most Camel's spool threshold in memory and spools the
     * rest to Camel's spool directory, even where stream caching is off. The final event sets LambdaFunctionError and
     * LambdaLogTail.
     */
    private Boolean responseStreaming = false;
    /**
     * JSONata expression applied to a successful RequestResponse result before it becomes the body: the result parsed
     * as JSON is the input, $original the body before the call (parsed when it is JSON, else its text), $request the
     * payload sent, $headers the message headers (result headers included). Inline text or a resource:
     * resource:classpath:result.jsonata, file:/path. Not applied to function errors, Event or DryRun. A result that is
     * not JSON or a failed evaluation leaves the raw result as the body and fails with LambdaMappingException.
     */
    private String resultJsonata;
    /**
     * Tenant of a function with tenant isolation, sent as X-Amz-Tenant-Id: a constant, or a simple expression evaluated
     * per message when it contains ${ (e.g. ${header.tenant}). An empty, too long (over 256) or malformed value fails the
     * exchange with errorCode InvalidTenantId before sending.
     */
    private String tenantId;
    /**
     * Execution name (idempotency key) of a durable function, sent as X-Amz-Durable-Execution-Name: a constant, or a
     * simple expression evaluated on an exchange's first attempt and reused by its redeliveries. With it a Timeout is
     * retryable. The payload must be the same on every attempt.
     */
    private String durableExecutionName;
    /**
     * Whether options marked autowired (lambda-client) are looked up in the application's beans: a single bean of the
     * type is used.
     */
    private Boolean autowiredEnabled = true;
    /**
     * TCP connect timeout (2s, 500ms; a bare number is milliseconds).
     */
    private Duration connectTimeout = Duration.ofSeconds(2);
    /**
     * The SDK's HTTP client for Lambda calls: netty (default; pure Java, the JVM trust store) or crt (the AWS Common
     * Runtime client: more invocations per second, less CPU per call; needs software.amazon.awssdk:aws-crt-client and
     * software.amazon.awssdk.crt:aws-crt, trusts the operating system's trust store, has no socket read timeout).
     */
    private String httpClient = "netty";
    /**
     * A LambdaAsyncClient bean to use (name, #name or #bean:name), used as is and never closed by the component.
     * Without it, the one LambdaAsyncClient bean of the application, if there is exactly one, is used (autowiring).
     */
    private LambdaAsyncClient lambdaClient;
    /**
     * Invocations in flight per client. More exchanges wait, holding no thread, and none fails because it waited.
     */
    private Integer maxConcurrency = 64;
    /**
     * Cap on the wait a 429's Retry-After asks for before the throttled call's next redelivery (a bare number is
     * milliseconds). 0 ignores Retry-After: the route's redelivery policy alone decides.
     */
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    /**
     * Time allowed for the whole invocation once sent (90s, 15m, PT15M; a bare number is milliseconds). The HTTP read
     * timeout is raised to match.
     */
    private Duration timeout = Duration.ofMinutes(15);
    /**
     * Hosts reached directly, not through the proxy: separated by a vertical bar, an asterisk as a wildcard, as in
     * Java's http.nonProxyHosts.
     */
    private String nonProxyHosts;
    /**
     * Host of an HTTP proxy for Lambda and STS calls (with proxy-port).
     */
    private String proxyHost;
    /**
     * Port of the proxy (with proxy-host).
     */
    private Integer proxyPort;
    /**
     * How to reach the proxy itself: http or https.
     */
    private String proxyScheme = "http";
    /**
     * AWS access key id (static credentials).
     */
    private String accessKey;
    /**
     * Only with allow-header-overrides: comma-separated regular expressions, each matched in full; an entry without
     * ':' against the function a header names, an entry with ':' against function:qualifier (only these admit a
     * qualifier chosen by a header).
     */
    private String allowedFunctions;
    /**
     * Honour the per-message override headers (LambdaFunction, LambdaQualifier, ...). Off by default so that a route
     * fed by HTTP cannot let callers choose the function.
     */
    private Boolean allowHeaderOverrides = false;
    /**
     * Named profile from the shared AWS config and credentials files. Not together with static keys or use-ec2-role.
     */
    private String profile;
    /**
     * ARN of an IAM role to assume through STS with the base credentials, refreshed before it expires.
     */
    private String roleArn;
    /**
     * External id required by the role's trust policy (only with role-arn).
     */
    private String roleExternalId;
    /**
     * Session name of the assumed role, seen in CloudTrail (only with role-arn).
     */
    private String roleSessionName = "camel-lambda-invoke";
    /**
     * AWS secret access key (static credentials).
     */
    private String secretKey;
    /**
     * AWS session token, with access-key and secret-key.
     */
    private String sessionToken;
    /**
     * STS endpoint for role assumption (only with role-arn). Never taken from endpoint-override.
     */
    private String stsEndpointOverride;
    /**
     * Use the EC2 instance profile (IMDSv2) credentials. Not together with static keys or profile.
     */
    private Boolean useEc2Role = false;

    public LambdaInvokeConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(LambdaInvokeConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getEndpointOverride() {
        return endpointOverride;
    }

    public void setEndpointOverride(String endpointOverride) {
        this.endpointOverride = endpointOverride;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getClientContext() {
        return clientContext;
    }

    public void setClientContext(String clientContext) {
        this.clientContext = clientContext;
    }

    public Boolean getFailOnFunctionError() {
        return failOnFunctionError;
    }

    public void setFailOnFunctionError(Boolean failOnFunctionError) {
        this.failOnFunctionError = failOnFunctionError;
    }

    public String getInvocationType() {
        return invocationType;
    }

    public void setInvocationType(String invocationType) {
        this.invocationType = invocationType;
    }

    public String getJsonata() {
        return jsonata;
    }

    public void setJsonata(String jsonata) {
        this.jsonata = jsonata;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public String getLogType() {
        return logType;
    }

    public void setLogType(String logType) {
        this.logType = logType;
    }

    public String getQualifier() {
        return qualifier;
    }

    public void setQualifier(String qualifier) {
        this.qualifier = qualifier;
    }

    public Boolean getResponseStreaming() {
        return responseStreaming;
    }

    public void setResponseStreaming(Boolean responseStreaming) {
        this.responseStreaming = responseStreaming;
    }

    public String getResultJsonata() {
        return resultJsonata;
    }

    public void setResultJsonata(String resultJsonata) {
        this.resultJsonata = resultJsonata;
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

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(String httpClient) {
        this.httpClient = httpClient;
    }

    public LambdaAsyncClient getLambdaClient() {
        return lambdaClient;
    }

    public void setLambdaClient(LambdaAsyncClient lambdaClient) {
        this.lambdaClient = lambdaClient;
    }

    public Integer getMaxConcurrency() {
        return maxConcurrency;
    }

    public void setMaxConcurrency(Integer maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
    }

    public Duration getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(Duration maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public String getNonProxyHosts() {
        return nonProxyHosts;
    }

    public void setNonProxyHosts(String nonProxyHosts) {
        this.nonProxyHosts = nonProxyHosts;
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

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getAllowedFunctions() {
        return allowedFunctions;
    }

    public void setAllowedFunctions(String allowedFunctions) {
        this.allowedFunctions = allowedFunctions;
    }

    public Boolean getAllowHeaderOverrides() {
        return allowHeaderOverrides;
    }

    public void setAllowHeaderOverrides(Boolean allowHeaderOverrides) {
        this.allowHeaderOverrides = allowHeaderOverrides;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
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

    public String getStsEndpointOverride() {
        return stsEndpointOverride;
    }

    public void setStsEndpointOverride(String stsEndpointOverride) {
        this.stsEndpointOverride = stsEndpointOverride;
    }

    public Boolean getUseEc2Role() {
        return useEc2Role;
    }

    public void setUseEc2Role(Boolean useEc2Role) {
        this.useEc2Role = useEc2Role;
    }
}
