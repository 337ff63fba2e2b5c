package dev.lambdainvoke.camel.internal.client;

import java.util.concurrent.TimeoutException;

/**
 * Recognises the HTTP client's "no connection became free in time": the request never left, so the call may simply be
 * made again. The SDK has no type for it: Netty reports a {@link TimeoutException} with a text of its own, CRT an
 * {@code HttpException} with error {@code AWS_ERROR_HTTP_CONNECTION_MANAGER_ACQUISITION_TIMEOUT}, read here by
 * reflection so that nothing loads a CRT class.
 */
final class ConnectionAcquireTimeout {

    private static final String NETTY_TEXT = "Acquire operation took longer than";
    private static final String CRT_HTTP_EXCEPTION = "software.amazon.awssdk.crt.http.HttpException";
    private static final String CRT = "software.amazon.awssdk.crt.CRT";
    private static final String CRT_ERROR = "AWS_ERROR_HTTP_CONNECTION_MANAGER_ACQUISITION_TIMEOUT";

    private ConnectionAcquireTimeout() {
    }

    /** True when the failure, or one of its causes, is the HTTP client's connection-acquire timeout. */
    static boolean isCause(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof TimeoutException && e.getMessage() != null && e.getMessage().startsWith(NETTY_TEXT)) {
                return true;
            }
            if (e.getClass().getName().equals(CRT_HTTP_EXCEPTION)) {
                return CRT_ERROR.equals(crtErrorName(e));
            }
        }
        return false;
    }

    private static String crtErrorName(Throwable httpException) {
        try {
            Class<?> type = httpException.getClass();
            int code = (Integer) type.getMethod("getErrorCode").invoke(httpException);
            return (String) Class.forName(CRT, true, type.getClassLoader()).getMethod("awsErrorName", int.class)
                    .invoke(null, code);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unreadable) {
            return null;
        }
    }
}
