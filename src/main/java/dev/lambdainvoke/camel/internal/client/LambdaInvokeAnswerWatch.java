package dev.lambdainvoke.camel.internal.client;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

/**
 * Notes an invocation's answer (status and headers) as it arrives, into the request's {@link AnswerHeaders}. A failure
 * after that is a body that broke off, not a connection that failed before Lambda answered: the SDK reports both alike
 * (Netty and CRT raise the same IOExceptions). Registered for every Lambda client through the SDK's classpath file
 * ({@code software/amazon/awssdk/services/lambda/execution.interceptors}), so that a user's own {@code lambdaClient}
 * has it too; requests that carry no AnswerHeaders (anyone else's) are left alone.
 */
public final class LambdaInvokeAnswerWatch implements ExecutionInterceptor {

    private static final ExecutionAttribute<AnswerHeaders> ATTRIBUTE = new ExecutionAttribute<>("LambdaInvokeAnswerHeaders");

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        AnswerHeaders answer = attributes.getAttribute(ATTRIBUTE);
        if (answer != null) {
            answer.response = context.httpResponse();
        }
    }

    /** The status line and headers of one invocation's answer, once they have arrived. */
    public static final class AnswerHeaders {

        private volatile SdkHttpResponse response;

        /** {@code request} carrying this holder, so that the watch can fill it in. */
        public InvokeRequest attachTo(InvokeRequest request) {
            return request.toBuilder().overrideConfiguration(o -> o.putExecutionAttribute(ATTRIBUTE, this)).build();
        }

        /** The answer's status and headers, or null while none has arrived. */
        public SdkHttpResponse response() {
            return response;
        }
    }
}
