package dev.lambdainvoke.bench.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** What the drivers count: ended invocations, failures, and latencies in microseconds; none allocates per record. */
final class LoadCounters {

    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(5);

    private final Recorder latencies = new Recorder(MAX_LATENCY_MICROS, 3);
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

    void record(long startedNanos, Throwable failure) {
        latencies.recordValue(Math.min(MAX_LATENCY_MICROS, (System.nanoTime() - startedNanos) / 1_000));
        if (failure == null) {
            succeeded.increment();
        } else {
            failed.increment();
            firstFailure.compareAndSet(null, failure);
        }
    }

    long succeeded() {
        return succeeded.sum();
    }

    long failed() {
        return failed.sum();
    }

    Throwable firstFailure() {
        return firstFailure.get();
    }

    /** Latencies recorded since the previous call; the first call after the warm-up starts the measured interval. */
    Histogram latenciesSinceLastCall() {
        return latencies.getIntervalHistogram();
    }
}
