package dev.lambdainvoke.camel.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Rate and overlap of events on a time line, e.g. the arrivals of requests at a stub ({@link WireMockLambda#arrivals()}). */
public final class Timeline {

    private Timeline() {
    }

    /** The most events in any half-open window [t, t + window) that starts at an event. */
    public static int mostInAnyWindow(List<Instant> times, Duration window) {
        List<Instant> sorted = times.stream().sorted().toList();
        int most = 0;
        for (int first = 0, last = 0; first < sorted.size(); first++) {
            Instant end = sorted.get(first).plus(window);
            while (last < sorted.size() && sorted.get(last).isBefore(end)) {
                last++;
            }
            most = Math.max(most, last - first);
        }
        return most;
    }

    /** The most events busy at once, each busy for {@code busy} from its time (half-open intervals). */
    public static int mostAtOnce(List<Instant> times, Duration busy) {
        // an event is busy at t when start <= t < start + busy; the peak is reached at some start
        List<Instant> sorted = times.stream().sorted().toList();
        int most = 0;
        for (Instant t : sorted) {
            int busyNow = (int) sorted.stream().filter(s -> !s.isAfter(t) && s.plus(busy).isAfter(t)).count();
            most = Math.max(most, busyNow);
        }
        return most;
    }

    /** From the first event to the last. */
    public static Duration span(List<Instant> times) {
        return times.isEmpty() ? Duration.ZERO
                : Duration.between(times.stream().min(Instant::compareTo).get(), times.stream().max(Instant::compareTo).get());
    }
}
