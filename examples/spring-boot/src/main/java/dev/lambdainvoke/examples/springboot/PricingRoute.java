package dev.lambdainvoke.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Orders sent to {@code direct:price-order} are priced by the Lambda function {@code order-pricer}. The endpoint names
 * only the function: region, endpoint, timeout and log type come from {@code camel.component.lambda-invoke.*}.
 */
@Component
public class PricingRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:price-order").routeId("price-order")
                .to("lambda-invoke:order-pricer")
                .log("Priced: ${body}");
    }
}
