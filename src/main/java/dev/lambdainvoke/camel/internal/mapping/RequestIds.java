package dev.lambdainvoke.camel.internal.mapping;

import software.amazon.awssdk.http.SdkHttpResponse;

/** Reads the request id from the HTTP answer itself: the SDK's response metadata says "UNKNOWN" when there is none. */
final class RequestIds {

    private RequestIds() {
    }

    static String of(SdkHttpResponse response) {
        if (response == null) {
            return null;
        }
        return response.firstMatchingHeader("x-amzn-RequestId")
                .or(() -> response.firstMatchingHeader("x-amz-request-id"))
                .orElse(null);
    }
}
