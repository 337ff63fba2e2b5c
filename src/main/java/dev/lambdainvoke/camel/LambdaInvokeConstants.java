package dev.lambdainvoke.camel;

import org.apache.camel.spi.Metadata;

/**
 * Names of the message headers the component reads and writes. Result headers are set only when Lambda sent the value;
 * override headers are honoured only with {@code allowHeaderOverrides=true}.
 */
public final class LambdaInvokeConstants {

    @Metadata(label = "producer", description = "HTTP status code of the Invoke call: 200, 202 (Event) or 204 (DryRun).",
              javaType = "Integer")
    public static final String STATUS_CODE = "LambdaStatusCode";

    @Metadata(label = "producer", description = "The function version that ran (X-Amz-Executed-Version).",
              javaType = "String")
    public static final String EXECUTED_VERSION = "LambdaExecutedVersion";

    @Metadata(label = "producer", description = "The AWS request id of the invocation (x-amzn-RequestId).",
              javaType = "String")
    public static final String REQUEST_ID = "LambdaRequestId";

    @Metadata(label = "producer",
              description = "Set when the function failed: Handled or Unhandled (X-Amz-Function-Error). The body then holds "
                            + "the error payload.",
              javaType = "String", enums = "Handled,Unhandled")
    public static final String FUNCTION_ERROR = "LambdaFunctionError";

    @Metadata(label = "producer",
              description = "With logType=Tail: the last 4 KB of the function's log, decoded. It may contain sensitive data.",
              javaType = "String")
    public static final String LOG_TAIL = "LambdaLogTail";

    @Metadata(label = "producer",
              description = "With durableExecutionName: the ARN of the durable execution the name started or found "
                            + "(X-Amz-Durable-Execution-Arn).",
              javaType = "String")
    public static final String DURABLE_EXECUTION_ARN = "LambdaDurableExecutionArn";

    @Metadata(label = "producer",
              description = "Override of the function to invoke (name, name:qualifier or ARN); honoured only with "
                            + "allowHeaderOverrides=true.",
              javaType = "String")
    public static final String FUNCTION = "LambdaFunction";

    @Metadata(label = "producer",
              description = "Override of the qualifier (version or alias); honoured only with allowHeaderOverrides=true.",
              javaType = "String")
    public static final String QUALIFIER = "LambdaQualifier";

    @Metadata(label = "producer",
              description = "Override of the invocation type; honoured only with allowHeaderOverrides=true.",
              javaType = "String", enums = "RequestResponse,Event,DryRun")
    public static final String INVOCATION_TYPE = "LambdaInvocationType";

    @Metadata(label = "producer", description = "Override of the log type; honoured only with allowHeaderOverrides=true.",
              javaType = "String", enums = "None,Tail")
    public static final String LOG_TYPE = "LambdaLogType";

    @Metadata(label = "producer",
              description = "Override of the client context (JSON text); honoured only with allowHeaderOverrides=true.",
              javaType = "String")
    public static final String CLIENT_CONTEXT = "LambdaClientContext";

    private LambdaInvokeConstants() {
    }
}
