package dev.lambdainvoke.local;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
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
    private final DurableExecutions durableExecutions = new DurableExecutions();

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
        if (target.handler() instanceof TenantHandlers && call.tenantId() == null) {
            throw LambdaApiError.invalidParameter("Function " + target.function().name() + " has tenant isolation: "
                                                  + "the invocation must name a tenant (X-Amz-Tenant-Id)");
        }
        LocalInvocation invocation = new LocalInvocation(call.requestId(), target,
                arns.function(call.function().name(), call.function().qualifier()), call.payload(), call.clientContext(),
                call.tenantId());
        String durableName = call.kind() == InvocationKind.DRY_RUN ? null : call.durableExecutionName();
        DurableExecutions.Execution durable = null;
        switch (call.kind()) {
            case DRY_RUN:
                return HttpAnswer.empty(204);
            case EVENT:
                if (durableName == null) {
                    runner.invokeLater(invocation);
                    return HttpAnswer.empty(202);
                }
                durable = durableExecutions.execution(target, arns.function(target.function().name()), durableName,
                        call.payload(), () -> {
                            runner.invokeLater(invocation);
                            return CompletableFuture.completedFuture(null);
                        });
                return HttpAnswer.empty(202).header("X-Amz-Durable-Execution-Arn", durable.arn());
            default:
                InvocationResult result;
                if (durableName == null) {
                    result = await(invocation.requestId(), runner.invokeNow(invocation));
                } else {
                    durable = durableExecutions.execution(target, arns.function(target.function().name()), durableName,
                            call.payload(), () -> runner.invokeNow(invocation));
                    result = await(invocation.requestId(), durable.result());
                }
                HttpAnswer answer = HttpAnswer.of(200, result.payload())
                        .header("X-Amz-Executed-Version", result.executedVersion())
                        .header("X-Amz-Function-Error", result.functionError())
                        .header("X-Amz-Durable-Execution-Arn", durable == null ? null : durable.arn());
                if (call.tail()) {
                    answer.header("X-Amz-Log-Result", LogTail.base64(result.log()));
                }
                return answer;
        }
    }

    /** Waits on this HTTP thread: the handler runs on the runner's threads and its timeout ends the wait. */
    private static InvocationResult await(String requestId, CompletableFuture<InvocationResult> result)
            throws LambdaApiError {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LambdaApiError.service("LocalLambda is closing");
        } catch (ExecutionException | CancellationException e) {
            // only close() ends an invocation without a result
            throw LambdaApiError.service("LocalLambda closed before invocation " + requestId + " ended");
        }
    }
}
