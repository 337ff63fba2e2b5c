package dev.lambdainvoke.local;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers Invoke calls: reads the request, finds the version to run, and answers as Lambda does for the invocation type
 * (200 with the payload, 202, 204) or with Lambda's error answer. Signatures are not checked: any credentials work.
 */
final class InvokeExchangeHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InvokeExchangeHandler.class);

    private final FunctionRegistry functions;
    private final InvocationRunner runner;
    private final Arns arns;

    InvokeExchangeHandler(FunctionRegistry functions, InvocationRunner runner, Arns arns) {
        this.functions = functions;
        this.runner = runner;
        this.arns = arns;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        // as in Lambda, the request id of the answer is the invocation's AwsRequestId
        String requestId = UUID.randomUUID().toString();
        HttpAnswer answer;
        String function = null;
        try {
            InvokeCall call = InvokeRequestReader.read(exchange, requestId);
            function = call.function().name();
            answer = answer(call);
        } catch (LambdaApiError error) {
            answer = HttpAnswer.error(error);
        } catch (RuntimeException bug) {
            LOG.warn("LocalLambda could not answer request {}", requestId, bug);
            answer = HttpAnswer.error(LambdaApiError.service("LocalLambda failed: " + bug));
        }
        try {
            answer.send(exchange, requestId);
            LOG.debug("Invoke {} of {}: HTTP {}", requestId, function, answer.status());
        } catch (IOException e) {
            LOG.debug("Invoke {} of {}: the caller left before the answer ({})", requestId, function, e.toString());
        } finally {
            exchange.close();
        }
    }

    private HttpAnswer answer(InvokeCall call) throws LambdaApiError {
        DeployedFunction.Target target = functions.resolve(call.function());
        LocalInvocation invocation = new LocalInvocation(call.requestId(), target,
                arns.function(call.function().name(), call.function().qualifier()), call.payload(), call.clientContext());
        switch (call.kind()) {
            case DRY_RUN:
                return HttpAnswer.empty(204);
            case EVENT:
                runner.invokeLater(invocation);
                return HttpAnswer.empty(202);
            default:
                InvocationResult result = await(invocation);
                HttpAnswer answer = HttpAnswer.of(200, result.payload())
                        .header("X-Amz-Executed-Version", result.executedVersion())
                        .header("X-Amz-Function-Error", result.functionError());
                if (call.tail()) {
                    answer.header("X-Amz-Log-Result", LogTail.base64(result.log()));
                }
                return answer;
        }
    }

    /** Waits on this HTTP thread: the handler runs on the runner's threads and its timeout ends the wait. */
    private InvocationResult await(LocalInvocation invocation) throws LambdaApiError {
        try {
            return runner.invokeNow(invocation).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LambdaApiError.service("LocalLambda is closing");
        } catch (ExecutionException | CancellationException e) {
            // only close() ends an invocation without a result
            throw LambdaApiError.service("LocalLambda closed before invocation " + invocation.requestId() + " ended");
        }
    }
}
