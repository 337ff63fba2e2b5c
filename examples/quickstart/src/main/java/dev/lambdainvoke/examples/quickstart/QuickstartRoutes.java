package dev.lambdainvoke.examples.quickstart;

import java.util.List;

import dev.lambdainvoke.camel.LambdaInvokeConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * Two orders through one Lambda: the first is priced and its result merged back into the order (resultJsonata), the
 * second makes the function fail, and the route handles that error as data (the LambdaFunctionError header), not as an
 * exception.
 */
public class QuickstartRoutes extends RouteBuilder {

    private final String function;

    public QuickstartRoutes(String function) {
        this.function = function;
    }

    @Override
    public void configure() {
        from("timer:orders?repeatCount=1").routeId("quickstart")
                .setBody(constant(List.of(
                        "{\"id\": \"A-1\", \"items\": [{\"sku\": \"apple\", \"qty\": 3, \"price\": 0.5},"
                        + " {\"sku\": \"pear\", \"qty\": 2, \"price\": 0.75}]}",
                        "{\"id\": \"A-2\", \"items\": [{\"sku\": \"plum\", \"qty\": 0, \"price\": 1.2}]}")))
                .split(body())
                    .setHeader("tenant", constant("acme"))
                    .to("lambda-invoke:" + function
                        + "?jsonata=resource:classpath:order-request.jsonata"
                        + "&resultJsonata=resource:classpath:order-result.jsonata&logType=Tail")
                    .choice()
                        .when(header(LambdaInvokeConstants.FUNCTION_ERROR).isNotNull())
                            .log("Handled function error: ${header.LambdaFunctionError} ${body}")
                        .otherwise()
                            .log("Priced order: ${body}")
                    .end()
                    .log("Log tail:\n${header.LambdaLogTail}")
                .end();
    }
}
