package dev.lambdainvoke.camel;

import java.time.Duration;

import dev.lambdainvoke.camel.internal.client.AnswerHeaders;
import dev.lambdainvoke.camel.internal.client.InvocationNotSentException;
import dev.lambdainvoke.camel.internal.client.LambdaInvoker;
import dev.lambdainvoke.camel.internal.mapping.ErrorTranslator;
import dev.lambdainvoke.camel.internal.mapping.Invocation;
import dev.lambdainvoke.camel.internal.mapping.ResponseMapper;
import dev.lambdainvoke.camel.internal.mapping.ResultHeaders;
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
    private Duration maxRetryAfter;
    /** The role the endpoint's credentials assume, for messages when assuming it fails; null without one. */
    private String roleArn;

    public LambdaInvokeProducer(LambdaInvokeEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        LambdaInvokeConfiguration config = endpoint.getConfiguration();
        if (config.getMaxRetryAfter() < 0) {
            throw new IllegalArgumentException("Option 'maxRetryAfter' must not be negative, was "
                                               + config.getMaxRetryAfter() + " ms");
        }
        maxRetryAfter = Duration.ofMillis(config.getMaxRetryAfter());
        roleArn = config.getLambdaClient() == null ? config.getRoleArn() : null;
        RedeliveryDelay.register(endpoint.getCamelContext());
        responses = new ResponseMapper(config.isFailOnFunctionError(), LOG);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Invocation invocation;
        LambdaInvoker invoker;
        try {
            // first: an exchange that fails here must not carry the results of an earlier call
            ResultHeaders.clear(exchange.getMessage());
            RedeliveryDelay.clearOwn(exchange);
            invoker = endpoint.invoker();
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
        InvocationTiming timing = new InvocationTiming();
        AnswerHeaders answer = new AnswerHeaders();
        // the payload is mapped when the gate admits the call, so waiting exchanges hold no payload bytes; a mapping
        // failure then fails the call like any other, and nothing is sent
        invoker.invoke(() -> {
            timing.admitted();
            return answer.attachTo(request(exchange, invocation));
        }).whenComplete((response, failure) -> {
            try {
                complete(exchange, invocation, response, failure, timing, answer);
            } catch (Throwable unexpected) {
                exchange.setException(unexpected);
            } finally {
                callback.done(false);
            }
        });
        return false;
    }

    private void complete(Exchange exchange, Invocation invocation, InvokeResponse response, Throwable failure,
                          InvocationTiming timing, AnswerHeaders answer) {
        long inMillis = timing.sentMillis(); // taken on the answer, before any mapping of it
        long waitedMillis = timing.waitedMillis();
        if (failure != null) {
            LambdaInvokeException error = ErrorTranslator.translate(failure, invocation, exchange, answer.response(),
                    roleArn);
            if (error instanceof LambdaThrottledException throttled) {
                RedeliveryDelay.set(exchange, throttled, maxRetryAfter);
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("Invoked {} type={} failed in {} ms waited={} ms: status={} code={} retryable={} requestId={}{}",
                        invocation.describe(), invocation.type(), inMillis, waitedMillis,
                        error.getStatusCode(), error.getErrorCode(), error.isRetryable(), error.getRequestId(),
                        timing.wasAdmitted() ? "" : " (never sent)");
            }
            exchange.setException(error);
            return;
        }
        try {
            responses.apply(response, invocation, exchange);
        } catch (LambdaInvokeException e) {
            exchange.setException(e);
        }
        if (LOG.isDebugEnabled()) {
            // after the mapping, which sets the request id header from the answer
            LOG.debug("Invoked {} type={} in {} ms waited={} ms: status={} functionError={} requestId={}",
                    invocation.describe(), invocation.type(), inMillis, waitedMillis,
                    response.statusCode(), response.functionError(),
                    exchange.getMessage().getHeader(LambdaInvokeConstants.REQUEST_ID));
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
