package dev.lambdainvoke.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code InvokeWithResponseStream} ({@code POST /2021-11-15/functions/{FunctionName}/response-streaming-invocations})
 * as Lambda does: 200 with a chunked {@code application/vnd.amazon.eventstream} body of {@code PayloadChunk} events
 * (what a {@code RequestStreamHandler} writes, as it writes it; another handler's JSON result as one chunk) and the final
 * {@code InvokeComplete} event ({@code ErrorCode} and {@code ErrorDetails} for a failed invocation, {@code LogResult}
 * with {@code X-Amz-Log-Type: Tail}). DryRun: 204; Event is not a streamed invocation type (400). Errors found before
 * the handler runs answer as for Invoke.
 */
final class StreamingInvokeHandler implements HttpHandler {

    /** Where the host routes these calls ({@link com.sun.net.httpserver.HttpServer} contexts match by prefix). */
    static final String CONTEXT = "/2021-11-15/";

    private static final Logger LOG = LoggerFactory.getLogger(StreamingInvokeHandler.class);
    private static final Pattern STREAMING_PATH =
            Pattern.compile("/2021-11-15/functions/([^/]+)/response-streaming-invocations/?");

    private final FunctionRegistry functions;
    private final InvocationRunner runner;
    private final Arns arns;

    StreamingInvokeHandler(FunctionRegistry functions, InvocationRunner runner, Arns arns) {
        this.functions = functions;
        this.runner = runner;
        this.arns = arns;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        PayloadChunkStream stream = null;
        try {
            InvokeCall call = InvokeRequestReader.read(exchange, requestId, STREAMING_PATH);
            if (call.kind() == InvocationKind.EVENT) {
                throw LambdaApiError.invalidParameter(
                        "Unsupported invocation type 'Event' for a streamed invocation: use RequestResponse or DryRun");
            }
            DeployedFunction.Target target = functions.resolve(call.function());
            if (target.handler() instanceof TenantHandlers && call.tenantId() == null) {
                throw LambdaApiError.invalidParameter("Function " + target.function().name() + " has tenant isolation: "
                                                      + "the invocation must name a tenant (X-Amz-Tenant-Id)");
            }
            if (call.kind() == InvocationKind.DRY_RUN) {
                HttpAnswer.empty(204).send(exchange, requestId);
                return;
            }
            stream = new PayloadChunkStream(() -> sendHead(exchange, requestId, target.version()));
            InvocationResult result = await(runner.invokeNow(invocation(call, target), stream), requestId);
            stream.finish(EventStreamFrame.invokeComplete(completion(result, call.tail())));
            LOG.debug("Streamed invoke {} of {}: {}", requestId, call.function().name(),
                    result.functionError() == null ? "complete" : result.functionError());
        } catch (LambdaApiError error) {
            if (stream == null || !stream.headSent()) {
                HttpAnswer.error(error).send(exchange, requestId);
            } // else the event stream has begun: closing it without its final event is how the caller learns
        } catch (IOException e) {
            LOG.debug("Streamed invoke {}: the caller left before the end ({})", requestId, e.toString());
        } catch (RuntimeException bug) {
            LOG.warn("LocalLambda could not answer streamed request {}", requestId, bug);
            if (stream == null || !stream.headSent()) {
                HttpAnswer.error(LambdaApiError.service("LocalLambda failed: " + bug)).send(exchange, requestId);
            }
        } finally {
            exchange.close();
        }
    }

    private LocalInvocation invocation(InvokeCall call, DeployedFunction.Target target) {
        return new LocalInvocation(call.requestId(), target,
                arns.function(call.function().name(), call.function().qualifier()), call.payload(), call.clientContext(),
                call.tenantId());
    }

    private static OutputStream sendHead(HttpExchange exchange, String requestId, String version) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.amazon.eventstream");
        exchange.getResponseHeaders().set("X-Amz-Executed-Version", version);
        exchange.sendResponseHeaders(200, 0); // 0: a chunked body of unknown length
        return exchange.getResponseBody();
    }

    /** The InvokeComplete event's fields: only those that apply, as Lambda leaves the others out. */
    private static byte[] completion(InvocationResult result, boolean tail) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (result.functionError() != null) {
            fields.put("ErrorCode", result.functionError());
            fields.put("ErrorDetails", new String(result.payload(), StandardCharsets.UTF_8));
        }
        if (tail) {
            fields.put("LogResult", LogTail.base64(result.log()));
        }
        try {
            return LambdaJson.PLAIN.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings cannot fail to serialize", e);
        }
    }

    private static InvocationResult await(Future<InvocationResult> result, String requestId)
            throws LambdaApiError {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LambdaApiError.service("LocalLambda is closing");
        } catch (ExecutionException | CancellationException e) {
            throw LambdaApiError.service("LocalLambda closed before invocation " + requestId + " ended");
        }
    }
}
