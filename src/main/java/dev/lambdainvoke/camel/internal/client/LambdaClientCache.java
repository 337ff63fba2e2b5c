package dev.lambdainvoke.camel.internal.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.netty.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.utils.ThreadFactoryBuilder;

/**
 * Shares one invoker (client plus concurrency gate) per distinct client among the endpoints that use it. Clients built
 * from {@link ClientSettings} are closed when the last endpoint lets go; a user's own client is shared the same way,
 * keyed by the client itself, but never closed. Owned by the component.
 */
public final class LambdaClientCache {

    private static final Logger LOG = LoggerFactory.getLogger(LambdaClientCache.class);

    private final LambdaClientFactory factory = new LambdaClientFactory();
    private final Map<Object, Entry> entries = new HashMap<>();
    // one set of I/O threads for all Netty clients: fewer threads, and closing a client need not wait for its own loops
    private SdkEventLoopGroup eventLoops;
    // one completion pool for all clients built here, Netty or CRT
    private CompletionThreads completions;

    /** A user's client, shared by the endpoints that name it with the same limit. Identity, not equality, of the client. */
    private record UserClientKey(LambdaAsyncClient client, int maxConcurrency) {
        @Override
        public boolean equals(Object o) {
            return o instanceof UserClientKey k && k.client == client && k.maxConcurrency == maxConcurrency;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(client) * 31 + maxConcurrency;
        }

        String describe() {
            return "your LambdaAsyncClient " + client.getClass().getSimpleName() + "@"
                   + Integer.toHexString(System.identityHashCode(client));
        }
    }

    private static final class Entry {
        final LambdaInvoker invoker;
        int users;

        Entry(LambdaInvoker invoker) {
            this.invoker = invoker;
        }
    }

    /** The shared invoker for these settings, built on first use. Close the lease when done with it. */
    public synchronized ClientLease acquire(ClientSettings settings) {
        Entry entry = entries.get(settings);
        if (entry == null) {
            // the Netty I/O threads are made only for a Netty client: CRT runs on native event loops of its own
            LambdaClientFactory.Built built = factory.build(settings, this::eventLoops, completions().executor());
            entry = new Entry(LambdaInvoker.owning(built.client(), new InvocationGate(settings.maxConcurrency()),
                    built::close, built.closeEndsCallsInFlight()).completingStreamsOn(completions().executor()));
            entries.put(settings, entry);
            LOG.debug("Created Lambda client for {}", settings);
        }
        return lease(settings, entry);
    }

    /** An invoker around a user's client, with one gate per client and limit; the client itself is never closed. */
    public synchronized ClientLease acquire(LambdaAsyncClient userClient, int maxConcurrency) {
        UserClientKey key = new UserClientKey(userClient, maxConcurrency);
        Entry entry = entries.computeIfAbsent(key, k -> new Entry(LambdaInvoker.borrowing(userClient,
                new InvocationGate(maxConcurrency, ErrorTranslator::isConnectionAcquireTimeout, poolWarning(key.describe())))
                .completingStreamsOn(completions().executor())));
        return lease(key, entry);
    }

    /**
     * Its pool size cannot be read from a user's client before a call (the SDK keeps its HTTP client internal, and the
     * client may be shared), so the gate learns it: a call that found no connection in time was not sent, and waits again
     * under a lower limit. Said once, at WARN: it is a setting to fix.
     */
    private static InvocationGate.CapacityListener poolWarning(String client) {
        return (configured, carried) -> LOG.warn("{} carried only {} of the {} calls at once that maxConcurrency={} "
                                                 + "allows: the calls beyond found no connection within its acquire "
                                                 + "timeout, and nothing was sent for them. They wait again, and "
                                                 + "endpoints using it with maxConcurrency={} now admit {} at a time. Give "
                                                 + "the client's HTTP pool at least {} connections (maxConcurrency on "
                                                 + "its HTTP client builder), or set maxConcurrency={}",
                client, carried, configured, configured, configured, carried, configured, carried);
    }

    private ClientLease lease(Object key, Entry entry) {
        entry.users++;
        return new ClientLease(entry.invoker, () -> release(key, entry));
    }

    private synchronized void release(Object key, Entry entry) {
        // after closeAll (component stopped first) the entry is gone, or a new one took its key: leave both alone
        if (entries.get(key) != entry) {
            return;
        }
        if (--entry.users == 0) {
            entries.remove(key);
            LOG.debug("Closing Lambda client for {}", key);
            entry.invoker.close();
        }
        if (entries.isEmpty()) {
            shutDownEventLoops();
            shutDownCompletions();
        }
    }

    private CompletionThreads completions() {
        if (completions == null) {
            completions = new CompletionThreads();
        }
        return completions;
    }

    private void shutDownCompletions() {
        if (completions != null) {
            completions.shutdown(); // answers already queued still complete: their exchanges end as usual
            completions = null;
        }
    }

    /**
     * Answers that arrived and wait for a completion thread to carry their exchanges on (clients built here; a user's
     * client completes on its own pool). A lasting backlog means the route after lambda-invoke is slow.
     */
    public synchronized int answersWaitingForACompletionThread() {
        return completions == null ? 0 : completions.waiting();
    }

    private SdkEventLoopGroup eventLoops() {
        if (eventLoops == null) {
            eventLoops = SdkEventLoopGroup.builder()
                    .threadFactory(new ThreadFactoryBuilder().threadNamePrefix("lambda-invoke-io").daemonThreads(true)
                            .build())
                    .build();
        }
        return eventLoops;
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

    /**
     * What one shared client is doing now, for diagnostics: what it is (settings, secrets masked), how many endpoints
     * share it, and its {@code maxConcurrency} gate: calls at Lambda, calls waiting for a place, the limit.
     */
    public record ClientStatus(String client, int endpoints, int inFlight, int waiting, int limit) {
    }

    /** A snapshot of every client in use; changes nothing. */
    public synchronized List<ClientStatus> status() {
        List<ClientStatus> all = new ArrayList<>();
        entries.forEach((key, entry) -> {
            InvocationGate gate = entry.invoker.gate();
            String client = key instanceof UserClientKey user ? user.describe() : key.toString();
            all.add(new ClientStatus(client, entry.users, gate.running(), gate.waiting(), gate.limit()));
        });
        return all;
    }

    /** Clients in use now, built or the user's (for tests and diagnostics). */
    public synchronized int size() {
        return entries.size();
    }

    /** Closes every invoker (and the clients this cache built), whoever still holds it: the component is going away. */
    public synchronized void closeAll() {
        entries.values().forEach(e -> e.invoker.close());
        entries.clear();
        shutDownEventLoops();
        shutDownCompletions();
    }
}
