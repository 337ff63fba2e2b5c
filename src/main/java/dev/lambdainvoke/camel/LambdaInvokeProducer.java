package dev.lambdainvoke.camel;

import dev.lambdainvoke.camel.client.InvocationNotSentException;
import dev.lambdainvoke.camel.client.LambdaInvoker;
import dev.lambdainvoke.camel.mapping.ErrorTranslator;
import dev.lambdainvoke.camel.mapping.Invocation;
import dev.lambdainvoke.camel.mapping.ResponseMapper;
import dev.lambdainvoke.camel.mapping.ResultHeaders;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Maps the exchange to a request, invokes without blocking, and completes the exchange from the SDK's answer. Every
 * exchange is completed exactly once: with the result, or with a {@link LambdaInvokeException}.
 */
public class LambdaInvokeProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(LambdaInvokeProducer.class);

    private final LambdaInvokeEndpoint endpoint;
    private ResponseMapper responses;

    public LambdaInvokeProducer(LambdaInvokeEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        responses = new ResponseMapper(endpoint.getConfiguration().isFailOnFunctionError(), LOG);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Invocation invocation;
        LambdaInvoker invoker;
        try {
            invoker = endpoint.invoker();
            ResultHeaders.clear(exchange.getMessage());
            RedeliveryDelay.clearOwn(exchange);
            invocation = endpoint.invocations().resolve(exchange);
        } catch (InvocationNotSentException stopped) {
            exchange.setException(ErrorTranslator.notSent(stopped, endpoint.getFunction(), exchange));
            callback.done(true);
            return true;
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        long started = System.nanoTime();
        // the payload is mapped when the gate admits the call, so waiting exchanges hold no payload bytes; a mapping
        // failure then fails the call like any other, and nothing is sent
        invoker.invoke(() -> request(exchange, invocation)).whenComplete((response, failure) -> {
            try {
                complete(exchange, invocation, response, failure, started);
            } catch (Throwable unexpected) {
                exchange.setException(unexpected);
            } finally {
                callback.done(false);
            }
        });
        return false;
    }

    private void complete(Exchange exchange, Invocation invocation, InvokeResponse response, Throwable failure,
                          long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (failure != null) {
            LambdaInvokeException error = ErrorTranslator.translate(failure, invocation, exchange);
            if (error instanceof LambdaThrottledException throttled) {
                RedeliveryDelay.set(exchange, throttled.getRetryAfter());
            }
            LOG.debug("Invoked {} type={} failed in {} ms: status={} code={} retryable={} requestId={}",
                    invocation.describe(), invocation.type(), millis, error.getStatusCode(), error.getErrorCode(),
                    error.isRetryable(), error.getRequestId());
            exchange.setException(error);
            return;
        }
        LOG.debug("Invoked {} type={} in {} ms: status={} functionError={} requestId={}", invocation.describe(),
                invocation.type(), millis, response.statusCode(), response.functionError(),
                exchange.getMessage().getHeader(LambdaInvokeConstants.REQUEST_ID));
        try {
            responses.apply(response, invocation, exchange);
        } catch (LambdaFunctionErrorException e) {
            exchange.setException(e);
        }
    }

    private InvokeRequest request(Exchange exchange, Invocation invocation) throws LambdaInvokeException {
        byte[] payload = endpoint.payloadMapper().toPayload(exchange, invocation.function());
        checkSize(payload, invocation, exchange);
        return invocation.toRequest(payload);
    }

    private static void checkSize(byte[] payload, Invocation invocation, Exchange exchange)
            throws LambdaInvokeException {
        if (payload.length > invocation.payloadLimit()) {
            throw new LambdaInvokeException("Payload of " + payload.length + " bytes is over Lambda's limit of "
                                            + invocation.payloadLimit() + " bytes for " + invocation.type()
                                            + " invocations; nothing was sent",
                    exchange, null, invocation.function(), 0, LambdaInvokeException.PAYLOAD_TOO_LARGE, null, false);
        }
    }
}
