package dev.lambdainvoke.camel.internal.client;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Notes an invocation's answer (status and headers) as it arrives, into the request's {@link AnswerHeaders}. Registered
 * for every Lambda client through the SDK's classpath file
 * ({@code software/amazon/awssdk/services/lambda/execution.interceptors}), so that a user's own {@code lambdaClient}
 * has it too; requests that carry no AnswerHeaders (anyone else's) are left alone.
 */
public final class LambdaInvokeAnswerWatch implements ExecutionInterceptor {

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        AnswerHeaders answer = attributes.getAttribute(AnswerHeaders.ATTRIBUTE);
        if (answer != null) {
            answer.arrived(context.httpResponse());
        }
    }
}
