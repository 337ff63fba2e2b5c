package dev.lambdainvoke.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.sun.net.httpserver.HttpExchange;

/**
 * Reads an HTTP request as Lambda's Invoke API: {@code POST /2015-03-31/functions/{FunctionName}/invocations}, its
 * headers, query and body, with the checks Lambda makes before any function runs (in this order: operation, invocation
 * and log type, function name and qualifier, payload size, JSON, client context).
 */
final class InvokeRequestReader {

    private static final Pattern TENANT_ID = Pattern.compile("[a-zA-Z0-9._:/=+\\-@ ]{1,256}");
    private static final Pattern DURABLE_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Pattern INVOKE_PATH = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations/?");

    private InvokeRequestReader() {
    }

    static InvokeCall read(HttpExchange exchange, String requestId) throws IOException, LambdaApiError {
        return read(exchange, requestId, INVOKE_PATH);
    }

    /** As {@link #read(HttpExchange, String)} for another invoke operation: {@code path}'s group 1 is the function. */
    static InvokeCall read(HttpExchange exchange, String requestId, Pattern operationPath)
            throws IOException, LambdaApiError {
        // the whole body is read first, whatever the answer: a client still sending would miss an early answer
        Body body = Body.read(exchange.getRequestBody(), InvocationKind.LARGEST_PAYLOAD);

        String path = exchange.getRequestURI().getRawPath();
        Matcher invoke = operationPath.matcher(path);
        if (!"POST".equals(exchange.getRequestMethod()) || !invoke.matches()) {
            throw LambdaApiError.unknownOperation(exchange.getRequestMethod(), path);
        }
        InvocationKind kind = InvocationKind.fromHeader(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"));
        boolean tail = isTail(exchange.getRequestHeaders().getFirst("X-Amz-Log-Type"));
        FunctionRef function = FunctionRef.parse(decode(invoke.group(1)))
                .withQueryQualifier(queryParameter(exchange.getRequestURI().getRawQuery(), "Qualifier"));

        if (body.size() > kind.payloadLimit()) {
            throw LambdaApiError.tooLarge(kind.payloadLimit());
        }
        String notJson = LambdaJson.whyNotJson(body.bytes());
        if (notJson != null) {
            throw LambdaApiError.invalidRequestContent(
                    "Could not parse request body into json: Could not parse payload into json: " + notJson);
        }
        boolean synchronous = kind == InvocationKind.REQUEST_RESPONSE;
        // like Lambda, the log tail and the client context belong to synchronous calls only
        ClientContext clientContext = synchronous
                ? LocalClientContext.decode(exchange.getRequestHeaders().getFirst("X-Amz-Client-Context")) : null;
        String tenantId = checkTenantId(exchange.getRequestHeaders().getFirst("X-Amz-Tenant-Id"));
        String durableName = checkDurableName(exchange.getRequestHeaders().getFirst("X-Amz-Durable-Execution-Name"));
        return new InvokeCall(requestId, function, kind, synchronous && tail, clientContext, body.bytes(), tenantId,
                durableName);
    }

    private static String checkTenantId(String tenantId) throws LambdaApiError {
        if (tenantId != null && !TENANT_ID.matcher(tenantId).matches()) {
            throw LambdaApiError.invalidParameter("Invalid tenant id: use 1 to 256 letters, digits, spaces or ._:/=+-@");
        }
        return tenantId;
    }

    private static String checkDurableName(String name) throws LambdaApiError {
        if (name != null && !DURABLE_NAME.matcher(name).matches()) {
            throw LambdaApiError.invalidParameter("Invalid durable execution name: use 1 to 64 letters, digits, - or _");
        }
        return name;
    }

    private static boolean isTail(String logType) throws LambdaApiError {
        if (logType == null || logType.isEmpty() || "None".equals(logType)) {
            return false;
        }
        if ("Tail".equals(logType)) {
            return true;
        }
        throw LambdaApiError.invalidParameter("Unsupported log type '" + logType + "': use None or Tail");
    }

    /** The decoded value of a query parameter, null when absent. */
    private static String queryParameter(String rawQuery, String name) throws LambdaApiError {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    /** Percent-decoding of a path segment or query part; a '+' stays a '+'. */
    private static String decode(String raw) throws LambdaApiError {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw LambdaApiError.validation("Malformed percent-encoding in '" + raw + "'");
        }
    }

    /** A request body: its first bytes (enough to hold any accepted payload) and its full size. */
    private record Body(byte[] bytes, long size) {

        static Body read(InputStream in, int keep) throws IOException {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                int room = (int) Math.max(0, Math.min(n, keep - size));
                kept.write(buffer, 0, room); // over the limit, the rest is only counted
                size += n;
            }
            return new Body(kept.toByteArray(), size);
        }
    }
}
