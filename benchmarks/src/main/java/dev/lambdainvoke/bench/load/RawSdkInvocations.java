package dev.lambdainvoke.bench.load;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** (a) What a hand-written caller does: build the request from the text, invoke, read the payload as text. */
final class RawSdkInvocations implements AsyncInvocations {

    private final LambdaAsyncClient client;
    private final String function;

    RawSdkInvocations(LambdaAsyncClient client, String function) {
        this.client = client;
        this.function = function;
    }

    @Override
    public void invoke(Completion completion) {
        client.invoke(request()).whenComplete((response, failure) -> {
            if (failure == null) {
                completion.done(check(response));
            } else {
                completion.done(failure);
            }
        });
    }

    @Override
    public String invokeOnce() {
        return client.invoke(request()).join().payload().asUtf8String();
    }

    private InvokeRequest request() {
        return InvokeRequest.builder().functionName(function).payload(SdkBytes.fromUtf8String(BenchRequest.BODY)).build();
    }

    /** Reads the answer as a caller would, and fails on an answer that is not a success. */
    private static Throwable check(InvokeResponse response) {
        String payload = response.payload().asUtf8String();
        return response.functionError() == null && !payload.isEmpty() ? null
                : new IllegalStateException("unexpected answer: " + response);
    }

    @Override
    public void close() {
        client.close();
    }
}
