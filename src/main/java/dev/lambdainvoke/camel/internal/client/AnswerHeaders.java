package dev.lambdainvoke.camel.internal.client;

import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

/**
 * The status line and headers of one invocation's answer, once they have arrived. A failure after that is a body that
 * broke off, not a connection that failed before Lambda answered: the SDK reports both alike (Netty and CRT raise the
 * same IOExceptions), so the answer is noted as it arrives, by {@link LambdaInvokeAnswerWatch}.
 */
public final class AnswerHeaders {

    static final ExecutionAttribute<AnswerHeaders> ATTRIBUTE = new ExecutionAttribute<>("LambdaInvokeAnswerHeaders");

    private volatile SdkHttpResponse response;

    /** {@code request} carrying this holder, so that the watch can fill it in. */
    public InvokeRequest attachTo(InvokeRequest request) {
        return request.toBuilder().overrideConfiguration(o -> o.putExecutionAttribute(ATTRIBUTE, this)).build();
    }

    void arrived(SdkHttpResponse answer) {
        response = answer;
    }

    /** The answer's status and headers, or null while none has arrived. */
    public SdkHttpResponse response() {
        return response;
    }
}
