package dev.lambdainvoke.camel;

/**
 * When one invocation arrived at the producer and when the concurrency gate let it through, so that its log line can
 * tell the time spent waiting for a place ({@code maxConcurrency}) apart from the time Lambda took to answer.
 */
final class InvocationTiming {

    private final long arrived = System.nanoTime();
    // written by the thread the gate admits the call on, read by the thread that completes it
    private volatile long admitted;
    private volatile boolean wasAdmitted;

    /** The gate let the call through: mapping and sending start now. */
    void admitted() {
        admitted = System.nanoTime();
        wasAdmitted = true;
    }

    boolean wasAdmitted() {
        return wasAdmitted;
    }

    /** Milliseconds spent waiting at the gate; all of the time so far when the call was never admitted. */
    long waitedMillis() {
        return ((wasAdmitted ? admitted : System.nanoTime()) - arrived) / 1_000_000;
    }

    /** Milliseconds from admission (mapping, sending) to now; 0 when the call was never admitted. */
    long sentMillis() {
        return wasAdmitted ? (System.nanoTime() - admitted) / 1_000_000 : 0;
    }
}
