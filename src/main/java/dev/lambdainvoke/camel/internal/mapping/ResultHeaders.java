package dev.lambdainvoke.camel.internal.mapping;

import dev.lambdainvoke.camel.LambdaInvokeConstants;
import org.apache.camel.Message;

/** The headers a result sets; cleared before each invocation so none is left over from an earlier call or attempt. */
public final class ResultHeaders {

    private ResultHeaders() {
    }

    public static void clear(Message message) {
        message.removeHeader(LambdaInvokeConstants.STATUS_CODE);
        message.removeHeader(LambdaInvokeConstants.EXECUTED_VERSION);
        message.removeHeader(LambdaInvokeConstants.REQUEST_ID);
        message.removeHeader(LambdaInvokeConstants.FUNCTION_ERROR);
        message.removeHeader(LambdaInvokeConstants.LOG_TAIL);
    }
}
