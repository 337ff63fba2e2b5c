package dev.lambdainvoke.bench.load;

/** Starts invocations without waiting for them; each one reports its end once, from whichever thread ends it. */
interface AsyncInvocations extends AutoCloseable {

    void invoke(Completion completion);

    /** The end of one invocation: {@code failure} is null when it succeeded. */
    @FunctionalInterface
    interface Completion {
        void done(Throwable failure);
    }

    /** One invocation, waited for: proves before the run that the client really reaches the stub. */
    String invokeOnce() throws Exception;
}
