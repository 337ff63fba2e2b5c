package dev.lambdainvoke.camel.internal.mapping;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.LogType;

/** What to invoke for one message: the endpoint's settings, possibly overridden by headers. */
public record Invocation(String function, String qualifier, InvocationType type, LogType logType,
                         String clientContextBase64) {

    /** Lambda's payload limit for this invocation type. */
    public int payloadLimit() {
        return type == InvocationType.EVENT ? 1_048_576 : 6_291_456;
    }

    public InvokeRequest toRequest(byte[] payload) {
        return toRequest(payload, null, null);
    }

    /** With the tenant and the durable execution name, each left out when null. */
    public InvokeRequest toRequest(byte[] payload, String tenantId, String durableExecutionName) {
        InvokeRequest.Builder request = InvokeRequest.builder()
                .functionName(function)
                .invocationType(type)
                .payload(SdkBytes.fromByteArrayUnsafe(payload)); // the payload is ours alone: no defensive copy
        if (qualifier != null) {
            request.qualifier(qualifier);
        }
        if (logType == LogType.TAIL) {
            request.logType(logType);
        }
        if (clientContextBase64 != null) {
            request.clientContext(clientContextBase64);
        }
        if (tenantId != null) {
            request.tenantId(tenantId);
        }
        if (durableExecutionName != null) {
            request.durableExecutionName(durableExecutionName);
        }
        return request.build();
    }

    /** How logs name it: function and qualifier, never payloads. */
    public String describe() {
        return qualifier == null ? function : function + " (qualifier " + qualifier + ")";
    }
}
