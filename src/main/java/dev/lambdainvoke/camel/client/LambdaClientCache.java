package dev.lambdainvoke.camel.client;

import java.util.HashMap;
import java.util.Map;

import java.util.concurrent.TimeUnit;

import io.netty.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.utils.ThreadFactoryBuilder;

/**
 * Shares one SDK client per distinct {@link ClientSettings} among the endpoints that use it, and closes it when the last
 * of them lets go. Owned by the component.
 */
public final class LambdaClientCache {

    private static final Logger LOG = LoggerFactory.getLogger(LambdaClientCache.class);

    private final LambdaClientFactory factory = new LambdaClientFactory();
    private final Map<ClientSettings, Entry> entries = new HashMap<>();
    // one set of I/O threads for all clients: fewer threads, and closing a client need not wait for its own loops
    private SdkEventLoopGroup eventLoops;

    private static final class Entry {
        final LambdaClientFactory.Built built;
        final LambdaInvoker invoker;
        int users;

        Entry(LambdaClientFactory.Built built, int maxConcurrency) {
            this.built = built;
            this.invoker = new LambdaInvoker(built.client(), new InvocationGate(maxConcurrency));
        }
    }

    /** The shared invoker for these settings, built on first use. Pair each call with {@link #release}. */
    public synchronized LambdaInvoker acquire(ClientSettings settings) {
        Entry entry = entries.get(settings);
        if (entry == null) {
            if (eventLoops == null) {
                eventLoops = SdkEventLoopGroup.builder()
                        .threadFactory(new ThreadFactoryBuilder().threadNamePrefix("lambda-invoke-io").daemonThreads(true)
                                .build())
                        .build();
            }
            entry = new Entry(factory.build(settings, eventLoops), settings.maxConcurrency());
            entries.put(settings, entry);
            LOG.debug("Created Lambda client for {}", settings);
        }
        entry.users++;
        return entry.invoker;
    }

    public synchronized void release(ClientSettings settings) {
        Entry entry = entries.get(settings);
        if (entry == null) {
            return;
        }
        if (--entry.users == 0) {
            entries.remove(settings);
            LOG.debug("Closing Lambda client for {}", settings);
            entry.built.close();
        }
        if (entries.isEmpty()) {
            shutDownEventLoops();
        }
    }

    private void shutDownEventLoops() {
        if (eventLoops == null) {
            return;
        }
        // no quiet period: every client using these loops is closed already
        Future<?> done = eventLoops.eventLoopGroup().shutdownGracefully(0, 5, TimeUnit.SECONDS);
        eventLoops = null;
        if (!done.awaitUninterruptibly(5, TimeUnit.SECONDS)) {
            LOG.warn("Lambda client I/O threads did not stop within 5 s");
        }
    }

    /** Clients alive now (for tests and diagnostics). */
    public synchronized int size() {
        return entries.size();
    }

    /** Closes every client, whoever still holds it: the component is going away. */
    public synchronized void closeAll() {
        entries.values().forEach(e -> e.built.close());
        entries.clear();
        shutDownEventLoops();
    }
}
