package dev.lambdainvoke.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The {@link Context} of one invocation, filled the way Lambda fills it. */
final class LocalContext implements Context {

    static final int MEMORY_LIMIT_MB = 128;

    private final String requestId;
    private final String functionName;
    private final String version;
    private final String invokedFunctionArn;
    private final String logStreamName;
    private final ClientContext clientContext;
    private final long deadlineNanos;
    private final LambdaLogger logger;
    private final String tenantId;

    LocalContext(String requestId, String functionName, String version, String invokedFunctionArn, String logStreamName,
                 ClientContext clientContext, long deadlineNanos, LambdaLogger logger) {
        this(requestId, functionName, version, invokedFunctionArn, logStreamName, clientContext, deadlineNanos, logger,
                null);
    }

    LocalContext(String requestId, String functionName, String version, String invokedFunctionArn, String logStreamName,
                 ClientContext clientContext, long deadlineNanos, LambdaLogger logger, String tenantId) {
        this.tenantId = tenantId;
        this.requestId = requestId;
        this.functionName = functionName;
        this.version = version;
        this.invokedFunctionArn = invokedFunctionArn;
        this.logStreamName = logStreamName;
        this.clientContext = clientContext;
        this.deadlineNanos = deadlineNanos;
        this.logger = logger;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return logStreamName;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    /** {@code $LATEST} or the published version that runs, also when invoked through an alias. */
    @Override
    public String getFunctionVersion() {
        return version;
    }

    /** The ARN the caller used: with the alias or version when one was given. */
    @Override
    public String getInvokedFunctionArn() {
        return invokedFunctionArn;
    }

    /** Null: Lambda sets it only for calls from the AWS Mobile SDK with Cognito credentials. */
    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return clientContext;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
    }

    @Override
    public int getMemoryLimitInMB() {
        return MEMORY_LIMIT_MB;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    /**
     * The caller's {@code X-Amz-Tenant-Id}, null without one. aws-lambda-java-core 1.2.3's Context has no such method;
     * newer ones declare {@code getTenantId()}, which this then implements. Handlers read it through
     * {@link LocalLambda#tenantId(Context)}.
     */
    public String getTenantId() {
        return tenantId;
    }
}
