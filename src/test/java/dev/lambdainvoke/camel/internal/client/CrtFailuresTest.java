package dev.lambdainvoke.camel.internal.client;

import java.io.IOException;
import java.util.stream.IntStream;

import dev.lambdainvoke.camel.LambdaInvokeException;
import dev.lambdainvoke.camel.internal.mapping.Invocation;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.crt.CRT;
import software.amazon.awssdk.crt.http.HttpException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.LogType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRT failures ErrorClassificationTest cannot provoke over HTTP. Against peers on 127.0.0.1 every CRT error came
 * wrapped in an IOException (CRT deemed it retryable); the SDK passes the others on as a bare HttpException, and those
 * must still be classified by what they mean. The exceptions are CRT's own, made from CRT's error codes.
 */
class CrtFailuresTest {

    private static final Invocation INVOCATION = new Invocation("orders", null, InvocationType.REQUEST_RESPONSE,
            LogType.NONE, null);

    /** CRT's error code for a name (aws-c-io's and aws-c-http's codes lie between 1024 and 3071). */
    private static int code(String name) {
        return IntStream.range(1024, 3072).filter(code -> name.equals(CRT.awsErrorName(code))).findFirst()
                .orElseThrow(() -> new AssertionError("no CRT error named " + name));
    }

    private static LambdaInvokeException translate(Throwable httpFailure) {
        SdkClientException sdk = SdkClientException.builder().message("Unable to execute HTTP request").cause(httpFailure)
                .build();
        return ErrorTranslator.translate(sdk, INVOCATION, new DefaultExchange(new DefaultCamelContext()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "AWS_ERROR_HTTP_CONNECTION_CLOSED, ConnectionFailure, true",
            "AWS_ERROR_HTTP_SERVER_CLOSED, ConnectionFailure, true",
            "AWS_IO_SOCKET_CLOSED, ConnectionFailure, true",
            "AWS_IO_SOCKET_TIMEOUT, ConnectionFailure, true",
            "AWS_IO_SOCKET_CONNECTION_REFUSED, ConnectionFailure, true",
            "AWS_IO_DNS_INVALID_NAME, ConnectionFailure, true",
            "AWS_ERROR_HTTP_PROTOCOL_ERROR, ConnectionFailure, true",
            "AWS_IO_TLS_ERROR_READ_FAILURE, ConnectionFailure, true",
            "AWS_ERROR_HTTP_PROXY_CONNECT_FAILED, ConnectionFailure, true",
            "AWS_IO_TLS_ERROR_NEGOTIATION_FAILURE, ClientError, false",
            "AWS_IO_TLS_HOST_NAME_MISMATCH, ClientError, false",
            "AWS_ERROR_HTTP_INVALID_HEADER_NAME, ClientError, false",
    })
    void aBareCrtErrorIsClassifiedByItsName(String name, String errorCode, boolean retryable) {
        LambdaInvokeException e = translate(new HttpException(code(name)));

        assertThat(e.getErrorCode()).isEqualTo(errorCode);
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).contains("[" + name + "]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "AWS_IO_TLS_ERROR_NEGOTIATION_FAILURE", "AWS_IO_TLS_UNKNOWN_ROOT_CERTIFICATE",
            "AWS_IO_TLS_CERTIFICATE_EXPIRED" })
    void aTlsErrorWrappedAsRetryableIsStillANonRetryableTlsFailure(String name) {
        LambdaInvokeException e = translate(new IOException(new HttpException(code(name))));

        assertThat(e.getErrorCode()).isEqualTo(LambdaInvokeException.CLIENT_ERROR);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).contains("TLS handshake failed");
    }
}
