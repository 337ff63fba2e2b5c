package dev.lambdainvoke.camel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.lambdainvoke.local.LocalFunction;
import dev.lambdainvoke.local.LocalLambda;
import dev.lambdainvoke.camel.support.AsyncSender;
import dev.lambdainvoke.camel.support.Await;
import dev.lambdainvoke.camel.support.CamelHarness;
import org.apache.camel.CamelContext;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LambdaInvokeDevConsole}: Camel's console registry (camel-console) finds it by its id, and it shows each shared
 * client's invocations in flight, those waiting under {@code maxConcurrency}, and the limit -- without secrets, and
 * without creating a component that is not there.
 */
class LambdaInvokeDevConsoleTest {

    private static final int LIMIT = 2;
    private static final int EXCHANGES = 5;
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    private static LocalLambda local;

    @BeforeAll
    static void startLocalLambda() {
        local = LocalLambda.builder().function(LocalFunction.named("held").timeout(Duration.ofSeconds(60))
                .handler(Map.class, in -> {
                    try {
                        RELEASE.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Map.of("released", true);
                })).start();
    }

    @AfterAll
    static void stopLocalLambda() {
        RELEASE.countDown();
        local.close();
    }

    private static DevConsole console(CamelContext context) {
        DevConsoleRegistry registry = DevConsoleRegistry.get(context);
        assertThat(registry).as("camel-console's registry").isNotNull();
        return registry.resolveById("lambda-invoke");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyClient(DevConsole console) {
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        List<Map<String, Object>> components = (List<Map<String, Object>>) json.get("components");
        assertThat(components).hasSize(1);
        List<Map<String, Object>> clients = (List<Map<String, Object>>) components.get(0).get("clients");
        assertThat(clients).hasSize(1);
        return clients.get(0);
    }

    @Test
    void theRegistryFindsTheConsoleAndItShowsInvocationsInFlightAndWaitingUnderTheLimit() throws Exception {
        String uri = "lambda-invoke:held?maxConcurrency=" + LIMIT;
        try (CamelHarness camel = CamelHarness.against(local.endpoint());
             AsyncSender sender = AsyncSender.to(camel.context(), uri)) {
            DevConsole console = console(camel.context());
            assertThat(console).as("console lambda-invoke").isInstanceOf(LambdaInvokeDevConsole.class);

            for (int i = 0; i < EXCHANGES; i++) {
                sender.send(e -> e.getMessage().setBody("{}"));
            }
            Await.until(Duration.ofSeconds(30), () -> "2 in flight and 3 waiting: " + onlyClient(console),
                    () -> onlyClient(console).get("inFlight").equals(LIMIT)
                          && onlyClient(console).get("waiting").equals(EXCHANGES - LIMIT));

            Map<String, Object> client = onlyClient(console);
            String text = (String) console.call(DevConsole.MediaType.TEXT);
            assertThat(client).containsEntry("limit", LIMIT).containsEntry("endpoints", 1);
            assertThat((String) client.get("client")).contains("endpointOverride=" + local.endpoint())
                    .contains("maxConcurrency=" + LIMIT);
            assertThat(text).contains("Component lambda-invoke: 1 client(s)")
                    .contains("endpoints: 1  in flight: 2/2  waiting: 3").doesNotContain("test-secret-key")
                    .doesNotContain("test-access-key");

            RELEASE.countDown();
            sender.awaitCompleted(EXCHANGES, Duration.ofSeconds(30));
            assertThat(onlyClient(console)).containsEntry("inFlight", 0).containsEntry("waiting", 0);
        }
    }

    @Test
    void aContextWithoutTheComponentShowsNoClientsAndTheConsoleDoesNotCreateIt() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();

            String text = (String) console(context).call(DevConsole.MediaType.TEXT);

            assertThat(text).isEmpty();
            assertThat(context.hasComponent("lambda-invoke")).isNull();
        }
    }
}
