package dev.lambdainvoke.camel.internal.client;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ServiceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Closing an invoker is on purpose, and the invoker says so: queued calls are not sent, calls cut off by closing the
 * client are "stopped in flight" -- not an anonymous connection failure -- while an answer Lambda gave stays Lambda's.
 */
class LambdaInvokerCloseTest {

    private static final InvokeRequest REQUEST = InvokeRequest.builder().functionName("f").build();

    /** A client whose calls stay open until the test answers them; closing it fails them as Netty would. */
    private static final class HeldCalls implements LambdaAsyncClient {
        final List<CompletableFuture<InvokeResponse>> calls = new CopyOnWriteArrayList<>();
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public CompletableFuture<InvokeResponse> invoke(InvokeRequest request) {
            CompletableFuture<InvokeResponse> call = new CompletableFuture<>();
            calls.add(call);
            return call;
        }

        @Override
        public void close() {
            closed.set(true);
            calls.forEach(c -> c.completeExceptionally(new IOException("channel closed")));
        }

        @Override
        public String serviceName() {
            return "lambda";
        }
    }

    @Test
    void closingFailsQueuedCallsAsNotSentAndCutOffCallsAsStoppedInFlight() {
        HeldCalls client = new HeldCalls();
        LambdaInvoker invoker = LambdaInvoker.owning(client, new InvocationGate(1), client::close);
        CompletableFuture<InvokeResponse> inFlight = invoker.invoke(REQUEST);
        CompletableFuture<InvokeResponse> queued = invoker.invoke(REQUEST);

        invoker.close();

        assertThat(client.closed).isTrue();
        assertThat(client.calls).as("calls that reached the client").hasSize(1);
        assertThatThrownBy(inFlight::join).hasCauseInstanceOf(InvocationStoppedInFlightException.class)
                .hasRootCauseMessage("channel closed");
        assertThatThrownBy(queued::join).hasCauseInstanceOf(InvocationNotSentException.class);
        assertThatThrownBy(invoker.invoke(REQUEST)::join).hasCauseInstanceOf(InvocationNotSentException.class);
    }

    @Test
    void aConnectionFailureBeforeAnyCloseStaysWhatItIs() {
        HeldCalls client = new HeldCalls();
        LambdaInvoker invoker = LambdaInvoker.owning(client, new InvocationGate(1), client::close);
        CompletableFuture<InvokeResponse> call = invoker.invoke(REQUEST);

        client.calls.get(0).completeExceptionally(new IOException("connection reset"));

        assertThatThrownBy(call::join).hasCauseExactlyInstanceOf(IOException.class);
    }

    @Test
    void anAnswerFromLambdaDuringTheCloseKeepsItsMeaning() {
        HeldCalls client = new HeldCalls();
        ServiceException answer = ServiceException.builder().statusCode(500).message("boom").build();
        LambdaInvoker invoker = LambdaInvoker.owning(client, new InvocationGate(1), () -> {
            client.calls.get(0).completeExceptionally(answer); // the answer arrives as the client closes
        });
        CompletableFuture<InvokeResponse> call = invoker.invoke(REQUEST);

        invoker.close();

        assertThatThrownBy(call::join).hasCause(answer);
    }

    @Test
    void aUsersClientIsNeitherClosedNorItsCallsCutOff() {
        HeldCalls client = new HeldCalls();
        LambdaInvoker invoker = LambdaInvoker.borrowing(client, new InvocationGate(1));
        CompletableFuture<InvokeResponse> inFlight = invoker.invoke(REQUEST);
        CompletableFuture<InvokeResponse> queued = invoker.invoke(REQUEST);

        invoker.close();
        InvokeResponse response = InvokeResponse.builder().statusCode(200).build();
        client.calls.get(0).complete(response);

        assertThat(client.closed).isFalse();
        assertThat(inFlight).isCompletedWithValue(response);
        assertThatThrownBy(queued::join).hasCauseInstanceOf(InvocationNotSentException.class);
    }
}
