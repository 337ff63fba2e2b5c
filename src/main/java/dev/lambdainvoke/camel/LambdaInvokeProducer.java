package dev.lambdainvoke.camel;

import dev.lambdainvoke.camel.internal.LambdaInvokeBinding;
import dev.lambdainvoke.camel.internal.SpooledStreamBody;
import dev.lambdainvoke.camel.internal.client.StreamedAnswer;
import dev.lambdainvoke.camel.internal.client.ErrorTranslator;
import dev.lambdainvoke.camel.internal.client.InvocationNotSentException;
import dev.lambdainvoke.camel.internal.client.LambdaInvokeAnswerWatch.AnswerHeaders;
import dev.lambdainvoke.camel.internal.client.LambdaInvoker;
import dev.lambdainvoke.camel.internal.mapping.Invocation;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Binds the exchange to a request, invokes without blocking, and binds the answer back: exchange →
 * {@link LambdaInvokeBinding} → {@link LambdaInvoker} (concurrency gate, SDK client) → {@link LambdaInvokeBinding} →
 * callback. Every exchange is completed exactly once: with the result, or with a {@link LambdaInvokeException}.
 */
final class LambdaInvokeProducer extends DefaultAsyncProducer {

    /** Also the logger of the log tail and of the per-invocation DEBUG line, as the docs name it. */
    static final Logger LOG = LoggerFactory.getLogger(LambdaInvokeProducer.class);

    private final LambdaInvokeEndpoint endpoint;

    LambdaInvokeProducer(LambdaInvokeEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Call call;
        LambdaInvoker invoker;
        try {
            // first: an exchange that fails here must not carry the results of an earlier call
            LambdaInvokeBinding.clearResults(exchange);
            invoker = endpoint.invoker();
            LambdaInvokeBinding binding = endpoint.binding();
            call = new Call(binding, exchange, binding.target(exchange));
        } catch (InvocationNotSentException stopped) {
            exchange.setException(ErrorTranslator.notSent(stopped, endpoint.getFunction(), exchange));
            callback.done(true);
            return true;
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (call.binding.streaming()) {
            invokeStreaming(invoker, call, exchange, callback);
            return false;
        }
        // the payload is mapped when the gate admits the call, so waiting exchanges hold no payload bytes; a mapping
        // failure then fails the call like any other, and nothing is sent
        invoker.invoke(call::request).whenComplete((response, failure) -> {
            try {
                call.complete(response, failure);
            } catch (Throwable unexpected) {
                exchange.setException(unexpected);
            } finally {
                callback.done(false);
            }
        });
        return false;
    }

    /** As the plain path, with the answer's bytes kept as they arrive and bound once the stream has ended. */
    private static void invokeStreaming(LambdaInvoker invoker, Call call, Exchange exchange, AsyncCallback callback) {
        SpooledStreamBody body = new SpooledStreamBody(exchange);
        invoker.invokeStreaming(() -> call.binding.streamRequest(call.request(), call.invocation, exchange), body)
                .whenComplete((answer, failure) -> {
                    try {
                        call.completeStreamed(answer, body, failure);
                    } catch (Throwable unexpected) {
                        exchange.setException(unexpected);
                    } finally {
                        callback.done(false);
                    }
                });
    }

    /**
     * One exchange's invocation: its target, the answer's status line as it arrives, and when it arrived here and when
     * the gate let it through, so that the DEBUG line can tell time spent waiting for a place ({@code maxConcurrency})
     * from the time Lambda took.
     */
    private static final class Call {

        private final LambdaInvokeBinding binding;
        private final Exchange exchange;
        private final Invocation invocation;
        private final AnswerHeaders answer = new AnswerHeaders();
        private final long arrived = System.nanoTime();
        // written by the thread the gate admits the call on, read by the thread that completes it
        private volatile long admitted;
        private volatile boolean wasAdmitted;

        Call(LambdaInvokeBinding binding, Exchange exchange, Invocation invocation) {
            this.binding = binding;
            this.exchange = exchange;
            this.invocation = invocation;
        }

        /** The gate let the call through: mapping and sending start now. */
        InvokeRequest request() throws LambdaInvokeException {
            admitted = System.nanoTime();
            wasAdmitted = true;
            return answer.attachTo(binding.request(exchange, invocation));
        }

        void complete(InvokeResponse response, Throwable failure) {
            // taken on the answer, before any mapping of it: from admission (mapping, sending) to now, and the wait
            long now = System.nanoTime();
            long inMillis = wasAdmitted ? (now - admitted) / 1_000_000 : 0;
            long waitedMillis = ((wasAdmitted ? admitted : now) - arrived) / 1_000_000;
            if (failure != null) {
                LambdaInvokeException error = binding.toFailure(failure, invocation, exchange, answer.response());
                if (LOG.isDebugEnabled()) {
                    LOG.debug("Invoked {} type={} failed in {} ms waited={} ms: status={} code={} retryable={} "
                              + "requestId={}{}",
                            invocation.describe(), invocation.type(), inMillis, waitedMillis, error.getStatusCode(),
                            error.getErrorCode(), error.isRetryable(), error.getRequestId(),
                            wasAdmitted ? "" : " (never sent)");
                }
                return;
            }
            try {
                binding.toMessage(response, invocation, exchange);
            } catch (LambdaInvokeException e) {
                exchange.setException(e);
            }
            if (LOG.isDebugEnabled()) {
                // after the binding, which sets the request id header from the answer
                LOG.debug("Invoked {} type={} in {} ms waited={} ms: status={} functionError={} requestId={}",
                        invocation.describe(), invocation.type(), inMillis, waitedMillis, response.statusCode(),
                        response.functionError(), exchange.getMessage().getHeader(LambdaInvokeConstants.REQUEST_ID));
            }
        }

        void completeStreamed(StreamedAnswer streamed, SpooledStreamBody body, Throwable failure) {
            long inMillis = wasAdmitted ? (System.nanoTime() - admitted) / 1_000_000 : 0;
            if (failure != null) {
                LambdaInvokeException error = binding.toStreamFailure(failure, invocation, exchange, answer.response(),
                        body);
                LOG.debug("Invoked {} type={} streamed, failed in {} ms: status={} code={} retryable={} requestId={}",
                        invocation.describe(), invocation.type(), inMillis, error.getStatusCode(), error.getErrorCode(),
                        error.isRetryable(), error.getRequestId());
                return;
            }
            try {
                binding.toStreamedMessage(streamed, body, invocation, exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            LOG.debug("Invoked {} type={} streamed {} bytes in {} ms: functionError={} requestId={}",
                    invocation.describe(), invocation.type(), body.length(), inMillis,
                    exchange.getMessage().getHeader(LambdaInvokeConstants.FUNCTION_ERROR),
                    exchange.getMessage().getHeader(LambdaInvokeConstants.REQUEST_ID));
        }
    }
}
