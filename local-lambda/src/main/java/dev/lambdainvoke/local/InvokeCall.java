package dev.lambdainvoke.local;

import com.amazonaws.services.lambda.runtime.ClientContext;

/**
 * An Invoke request, read and checked: everything the wire said, before the function is looked up.
 *
 * @param function      the function and the qualifier to run (from the name or {@code ?Qualifier=})
 * @param tail          {@code X-Amz-Log-Type: Tail} on a synchronous call
 * @param clientContext the decoded {@code X-Amz-Client-Context} of a synchronous call; null when none was sent
 * @param tenantId      {@code X-Amz-Tenant-Id}, null when none was sent
 * @param durableExecutionName {@code X-Amz-Durable-Execution-Name}, null when none was sent
 */
record InvokeCall(String requestId, FunctionRef function, InvocationKind kind, boolean tail, ClientContext clientContext,
                  byte[] payload, String tenantId, String durableExecutionName) {

    /** Without tenant and durable execution name. */
    InvokeCall(String requestId, FunctionRef function, InvocationKind kind, boolean tail, ClientContext clientContext,
               byte[] payload) {
        this(requestId, function, kind, tail, clientContext, payload, null, null);
    }
}
