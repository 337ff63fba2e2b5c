package dev.lambdainvoke.local;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The payloads of a failed invocation ({@code X-Amz-Function-Error: Unhandled}), in the shapes Lambda and its Java runtime
 * write: {@code errorMessage}, {@code errorType}, {@code stackTrace} and {@code cause} for a thrown exception;
 * {@code Sandbox.Timedout} for a timeout.
 */
final class FunctionErrors {

    /** Lambda's limit on a synchronous response payload. */
    static final int MAX_RESPONSE_BYTES = 6_291_556;

    private FunctionErrors() {
    }

    static byte[] thrown(Throwable error) {
        return write(describe(error, Collections.newSetFromMap(new IdentityHashMap<>())));
    }

    static byte[] timedOut(String requestId, Duration timeout) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errorType", "Sandbox.Timedout");
        body.put("errorMessage", "RequestId: " + requestId + " Error: Task timed out after " + seconds(timeout)
                                 + " seconds");
        return write(body);
    }

    static byte[] responseTooLarge(int size) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errorMessage", "Response payload size (" + size + " bytes) exceeded maximum allowed payload size ("
                                 + MAX_RESPONSE_BYTES + " bytes).");
        body.put("errorType", "Function.ResponseSizeTooLarge");
        return write(body);
    }

    /** A timeout as Lambda prints it: seconds with two decimals. */
    static String seconds(Duration timeout) {
        return String.format(Locale.ROOT, "%.2f", timeout.toMillis() / 1000.0);
    }

    /** What the runtime logs for an unhandled exception: the stack trace from the handler down. */
    static String logText(Throwable error) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println(error.getMessage() + ": " + error.getClass().getName());
        out.print(error);
        for (String frame : handlerFrames(error.getStackTrace())) {
            out.print("\n\tat " + frame);
        }
        out.flush();
        return text.toString();
    }

    private static Map<String, Object> describe(Throwable error, Set<Throwable> seen) {
        seen.add(error);
        Map<String, Object> body = new LinkedHashMap<>();
        if (error.getMessage() != null) {
            body.put("errorMessage", error.getMessage());
        }
        body.put("errorType", error.getClass().getName());
        body.put("stackTrace", handlerFrames(error.getStackTrace()));
        Throwable cause = error.getCause();
        if (cause != null && !seen.contains(cause)) {
            body.put("cause", describe(cause, seen));
        }
        return body;
    }

    /**
     * The frames from where the exception was thrown up to the handler's entry: the host's own frames below it (adapter,
     * thread pool) say nothing about the function.
     */
    static List<String> handlerFrames(StackTraceElement[] trace) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : trace) {
            if (isHostEntry(frame.getClassName())) {
                break;
            }
            frames.add(frame.toString());
        }
        return frames;
    }

    private static boolean isHostEntry(String className) {
        return className.startsWith(JsonHandlerAdapter.class.getName())
               || className.startsWith(StreamHandlerAdapter.class.getName())
               || className.startsWith(Handlers.class.getName());
    }

    private static byte[] write(Map<String, Object> body) {
        try {
            return LambdaJson.PLAIN.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error payload of strings and lists cannot fail to serialize", e);
        }
    }
}
