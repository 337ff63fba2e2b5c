package dev.lambdainvoke.camel.support;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * The process behind {@link HeldAnswersLambda}: a {@link WireMockLambda} whose invocations can be held (each waits,
 * unanswered, until released) and a small control API next to the Invoke API:
 * {@code POST /__held/hold}, {@code POST /__held/release}, {@code GET /__held/arrived} (invocations received so far).
 *
 * <p>It runs in a JVM of its own so that the threads it blocks while holding and the request bodies it reads are not
 * counted in the JVM whose threads and heap a test measures. No request journal: 10,000 large bodies are not kept.
 * Prints {@code listening on 127.0.0.1:<port>} when ready; exits when its standard input closes (its parent is gone).
 */
public final class HeldAnswersLambdaServer {

    static final String READY = "listening on 127.0.0.1:";
    static final String CONTROL = "/__held/";
    /** A held invocation is answered after this long even without a release, so a forgotten hold cannot hang a run. */
    private static final long MAX_HOLD_MINUTES = 5;

    private HeldAnswersLambdaServer() {
    }

    public static void main(String[] args) throws IOException {
        Holding holding = new Holding();
        // each held invocation blocks a request thread: as many as may be held at once, and a few for control calls
        int threads = args.length > 0 ? Integer.parseInt(args[0]) + 16 : 256;
        // and a listen backlog for as many connections arriving at once (the JDK's default of 50 drops SYNs past it)
        WireMockLambda lambda = new WireMockLambda(options -> options.containerThreads(threads).jettyAcceptQueueSize(threads)
                .disableRequestJournal().extensions(holding));
        lambda.stub(WireMockLambda.invokeAny().willReturn(WireMockLambda.ok("{\"ok\":true}")));
        lambda.stub(WireMock.any(WireMock.urlPathMatching(CONTROL + ".*")).willReturn(WireMock.ok()));
        System.out.println(READY + lambda.server().port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // the parent writes nothing: end of input means it has gone
        }
        lambda.close();
        System.exit(0);
    }

    /** Answers control calls, counts invocations, and holds them while a hold is on. */
    static final class Holding implements ResponseDefinitionTransformerV2 {

        private final AtomicLong arrived = new AtomicLong();
        private volatile CountDownLatch release = new CountDownLatch(0);

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            String path = serveEvent.getRequest().getUrl();
            if (path.startsWith(CONTROL)) {
                return control(path.substring(CONTROL.length()));
            }
            arrived.incrementAndGet();
            CountDownLatch held = release;
            try {
                // blocks a request thread of this process while held: what the measured process must never do
                held.await(MAX_HOLD_MINUTES, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return serveEvent.getResponseDefinition();
        }

        private ResponseDefinition control(String command) {
            switch (command) {
                case "hold" -> {
                    if (release.getCount() == 0) {
                        release = new CountDownLatch(1);
                    }
                }
                case "release" -> release.countDown();
                case "arrived" -> {
                    return WireMock.ok(Long.toString(arrived.get())).build();
                }
                default -> {
                    return WireMock.badRequest().withBody("unknown command " + command).build();
                }
            }
            return WireMock.ok(command).build();
        }

        @Override
        public String getName() {
            return "held-answers";
        }
    }
}
