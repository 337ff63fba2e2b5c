package dev.lambdainvoke.camel.reliability;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link MemoryHarness} (10,000 exchanges of 100 KiB in flight) in the reliability profile and prints its table.
 * A figure, not a performance test: the bounds are generous and catch only gross regressions -- a waiting exchange
 * holding far more than its body and payload, or memory not returned when the exchanges have ended.
 */
@Tag("reliability")
class MemoryFigureTest {

    private static final int EXCHANGES = 10_000;
    private static final int PAYLOAD_BYTES = 100 * 1024;

    @Test
    void heapPerWaitingExchangeIsAboutItsBodyAndPayloadAndIsReturnedWhenTheyEnd() throws Exception {
        List<MemoryHarness.Figures> rows = MemoryHarness.measure(EXCHANGES, PAYLOAD_BYTES);
        System.out.println(MemoryHarness.table(rows));

        assertThat(rows).allSatisfy(f -> {
            assertThat(f.failures()).as("%s: exchanges that failed", f.mapping()).isZero();
            // body + payload bytes is 2x; anything beyond 4x means a waiting exchange keeps copies it should not
            assertThat(f.perExchange()).as("%s: heap per exchange in flight", f.mapping())
                    .isLessThan(4L * PAYLOAD_BYTES);
            // after they ended, at most a tenth of what they held is still reachable
            assertThat(f.heapAfter() - f.heapBefore()).as("%s: heap still held after the exchanges ended", f.mapping())
                    .isLessThan((f.heapDuring() - f.heapBefore()) / 10);
        });
    }
}
