package dev.lambdainvoke.camel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.Peers;
import dev.lambdainvoke.camel.support.WireMockLambda;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, defect 13: a connection waiting minutes for a function's answer sends nothing, and a NAT gateway drops it
 * after 350 s idle. Both HTTP clients set TCP keep-alive so that the first probe goes out after 30 s idle (the OS's
 * default is 2 hours). Read from the kernel: {@code ss} shows, for each connection with keep-alive on, the time left until
 * its next probe, which right after a call is at most the idle time configured.
 */
class TcpKeepAliveTest {

    private static final Duration IDLE = Duration.ofSeconds(30);
    private static final Pattern KEEP_ALIVE_TIMER = Pattern.compile("timer:\\(keepalive,([^,]+),");

    @ParameterizedTest(name = "httpClient={0}")
    @ValueSource(strings = {"netty", "crt"})
    void aPooledConnectionProbesAfterThirtySecondsIdleNotTheOsTwoHours(String httpClient) throws Exception {
        Path ss = Peers.requireTool("ss", "reading the keep-alive timer of a socket");
        try (WireMockLambda lambda = new WireMockLambda();
             CamelHarness camel = CamelHarness.against(lambda.endpoint())) {
            lambda.stub(invoke("f").willReturn(ok("{}")));

            assertThat(camel.send("lambda-invoke:f?httpClient=" + httpClient, "{}").getException()).isNull();

            // the connection stays in the client's pool, established, with nothing to send
            List<Duration> timers = keepAliveTimers(ss, lambda.endpoint().getPort());
            assertThat(timers).as("keep-alive timers of the client's connections to port "
                                  + lambda.endpoint().getPort()).isNotEmpty()
                    .allSatisfy(left -> assertThat(left).isPositive().isLessThanOrEqualTo(IDLE));
        }
    }

    /** Time left until the next keep-alive probe, for each established connection to {@code port} that has one. */
    private static List<Duration> keepAliveTimers(Path ss, int port) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(ss.toString(), "-tnoi", "state", "established", "dport", "=", ":" + port)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("ss ended").isTrue();
        assertThat(output).as("ss output: a connection to the port").contains(":" + port + " ");
        Matcher timer = KEEP_ALIVE_TIMER.matcher(output);
        List<Duration> timers = new java.util.ArrayList<>();
        while (timer.find()) {
            timers.add(duration(timer.group(1)));
        }
        return timers;
    }

    /** ss's own notation: {@code 29sec}, {@code 1min59sec}, {@code 119min}, {@code 500ms}. */
    private static Duration duration(String text) {
        Matcher parts = Pattern.compile("(\\d+)(min|sec|ms)").matcher(text);
        Duration total = Duration.ZERO;
        while (parts.find()) {
            long n = Long.parseLong(parts.group(1));
            total = total.plus(switch (parts.group(2)) {
                case "min" -> Duration.ofMinutes(n);
                case "sec" -> Duration.ofSeconds(n);
                default -> Duration.ofMillis(n);
            });
        }
        return total;
    }
}
