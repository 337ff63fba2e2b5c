package dev.lambdainvoke.examples.quarkus;

import dev.lambdainvoke.camel.LambdaInvokeConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * Prices an order with a Lambda function. Camel Quarkus finds this builder by itself; the component's settings (where
 * Lambda is, timeouts, the log tail) come from application.properties, so the URI names only the function and the
 * mapping. A function error is data here: the route logs it and returns Lambda's error payload to the caller.
 */
public class PricingRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:price").routeId("price")
                .to("lambda-invoke:{{pricing.function}}?jsonata=resource:classpath:order-request.jsonata")
                .choice()
                    .when(header(LambdaInvokeConstants.FUNCTION_ERROR).isNotNull())
                        .log("pricing failed: ${header.LambdaFunctionError} (request ${header.LambdaRequestId})")
                    .otherwise()
                        .log("priced by version ${header.LambdaExecutedVersion} (request ${header.LambdaRequestId})")
                .end();
    }
}
