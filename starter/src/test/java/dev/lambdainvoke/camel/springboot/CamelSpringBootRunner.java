package dev.lambdainvoke.camel.springboot;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdainvoke.camel.LambdaInvokeComponent;
import dev.lambdainvoke.camel.LambdaInvokeComponentConfigurer;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * A Camel Spring Boot application as Spring Boot builds one: Camel's own auto-configuration, then ours, in the order
 * their annotations ask for. Plus the component's option list (Camel's generated JSON) and a way to read an option back
 * from the component through Camel's generated configurer, as Camel itself would.
 */
final class CamelSpringBootRunner {

    private static final String COMPONENT_JSON = "META-INF/dev/lambdainvoke/camel/lambda-invoke.json";

    private CamelSpringBootRunner() {
    }

    static ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                                                         LambdaInvokeComponentAutoConfiguration.class))
                // a test application: no JMX, no main loop
                .withPropertyValues("camel.main.jmx-enabled=false", "camel.springboot.main-run-controller=false");
    }

    /** The component as Camel in this application creates it (customizers and autowiring applied). */
    static LambdaInvokeComponent component(ApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent("lambda-invoke", LambdaInvokeComponent.class);
    }

    /** Every option the component has, as Camel's tooling lists them (except the configuration object itself). */
    static List<String> componentOptions() throws Exception {
        JsonNode json;
        try (InputStream in = CamelSpringBootRunner.class.getClassLoader().getResourceAsStream(COMPONENT_JSON)) {
            json = new ObjectMapper().readTree(in);
        }
        List<String> options = new ArrayList<>();
        for (Iterator<String> names = json.path("componentProperties").fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("configuration")) {
                options.add(name);
            }
        }
        return options;
    }

    /** An option's value on the component, read through Camel's generated configurer. */
    static Object option(LambdaInvokeComponent component, String option) {
        return new LambdaInvokeComponentConfigurer().getOptionValue(component, option, false);
    }

    /** {@code endpointOverride} → {@code endpoint-override}: the form Spring Boot documents. */
    static String kebab(String option) {
        return option.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
