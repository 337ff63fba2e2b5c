package dev.lambdainvoke.bench.load;

/** Keeps a fixed number of invocations in flight until stopped. */
interface LoadDriver {

    void start();

    /** Stops starting invocations and returns once those in flight have ended. */
    void stopAndDrain() throws Exception;
}
