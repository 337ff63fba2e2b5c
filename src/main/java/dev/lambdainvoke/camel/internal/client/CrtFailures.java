package dev.lambdainvoke.camel.internal.client;

import java.lang.reflect.Method;
import java.util.Set;

import javax.net.ssl.SSLHandshakeException;

/**
 * How the SDK's CRT HTTP client reports failures, as found against peers on 127.0.0.1 (SDK 2.41, aws-crt 0.40): a
 * {@code software.amazon.awssdk.crt.http.HttpException} carrying a CRT error code, wrapped in an {@code IOException} when
 * CRT deems the error retryable, and raw when it does not; a TLS negotiation failure as an {@code SSLHandshakeException}
 * with CRT's text and no cause; a connect timeout as a {@code ConnectException}. Recognised by class name, and CRT's error
 * names read by reflection, so that nothing here loads a CRT class: on a class path without CRT there is nothing to find.
 */
final class CrtFailures {

    private static final String HTTP_EXCEPTION = "software.amazon.awssdk.crt.http.HttpException";
    private static final String CRT = "software.amazon.awssdk.crt.CRT";
    // CRT's text for AWS_IO_TLS_ERROR_NEGOTIATION_FAILURE, which the SDK puts into a new SSLHandshakeException
    private static final String TLS_NEGOTIATION_FAILED = "TLS (SSL) negotiation failed";
    // TLS errors of a connection that broke or stalled, not of a refused handshake: like Netty's SSLExceptions mid-stream
    private static final Set<String> TLS_CONNECTION_ERRORS = Set.of("AWS_IO_TLS_ERROR_WRITE_FAILURE",
            "AWS_IO_TLS_ERROR_READ_FAILURE", "AWS_IO_TLS_ALERT_NOT_GRACEFUL", "AWS_IO_TLS_CLOSED_GRACEFUL",
            "AWS_IO_TLS_CLOSED_ABORT", "AWS_IO_TLS_NEGOTIATION_TIMEOUT");

    private CrtFailures() {
    }

    /** The CRT error name (AWS_IO_SOCKET_CLOSED, ...) of the first CRT HttpException in the chain, or null. */
    static String errorName(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e.getClass().getName().equals(HTTP_EXCEPTION)) {
                return nameOf(e);
            }
        }
        return null;
    }

    private static String nameOf(Throwable httpException) {
        try {
            Class<?> type = httpException.getClass();
            int code = (Integer) type.getMethod("getErrorCode").invoke(httpException);
            Method name = Class.forName(CRT, true, type.getClassLoader()).getMethod("awsErrorName", int.class);
            return (String) name.invoke(null, code);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unreadable) {
            return null; // a name for messages and classification only: without it the failure stays unclassified
        }
    }

    /**
     * The TLS handshake was refused: an untrusted, expired or wrong certificate (CRT's own names for these, or the
     * generic negotiation failure the SDK turns into an SSLHandshakeException), or no protocol in common.
     */
    static boolean isTlsFailure(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof SSLHandshakeException && e.getCause() == null
                    && TLS_NEGOTIATION_FAILED.equals(e.getMessage())) {
                return true;
            }
        }
        String name = errorName(error);
        return name != null && name.startsWith("AWS_IO_TLS_") && !TLS_CONNECTION_ERRORS.contains(name);
    }

    /**
     * No answer was read: the connection could not be made, or it broke (closed, reset, timed out, a response that is not
     * HTTP), also where CRT deems the error not retryable and the SDK passes its exception on unwrapped.
     */
    static boolean isConnectionFailure(Throwable error) {
        String name = errorName(error);
        return name != null && (name.startsWith("AWS_IO_SOCKET_") || name.startsWith("AWS_IO_DNS_")
                                || TLS_CONNECTION_ERRORS.contains(name)
                                || name.startsWith("AWS_ERROR_HTTP_CONNECTION_")
                                || name.equals("AWS_ERROR_HTTP_SERVER_CLOSED")
                                || name.equals("AWS_ERROR_HTTP_PROTOCOL_ERROR")
                                || name.startsWith("AWS_ERROR_HTTP_PROXY_CONNECT_FAILED"));
    }

    /** CRT's connection pool found no free connection in time: the request never left. */
    static boolean isAcquireTimeout(Throwable error) {
        return "AWS_ERROR_HTTP_CONNECTION_MANAGER_ACQUISITION_TIMEOUT".equals(errorName(error));
    }
}
