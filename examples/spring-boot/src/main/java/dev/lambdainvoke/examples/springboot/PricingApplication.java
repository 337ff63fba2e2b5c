package dev.lambdainvoke.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Camel Spring Boot application with one route to a Lambda function. The component is configured in
 * application.properties only; the function runs on an embedded LocalLambda (LocalLambdaConfiguration).
 */
@SpringBootApplication
public class PricingApplication {

    public static void main(String[] args) {
        SpringApplication.run(PricingApplication.class, args);
    }
}
