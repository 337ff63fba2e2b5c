package dev.lambdainvoke.local;

import com.amazonaws.services.lambda.runtime.ClientContext;

/**
 * One invocation to run: which version, as invoked by which ARN, with what payload.
 *
 * @param clientContext null when the caller sent none
 */
record LocalInvocation(String requestId, DeployedFunction.Target target, String invokedArn, byte[] payload,
                       ClientContext clientContext, String tenantId) {

    LocalInvocation(String requestId, DeployedFunction.Target target, String invokedArn, byte[] payload,
                    ClientContext clientContext) {
        this(requestId, target, invokedArn, payload, clientContext, null);
    }
}
