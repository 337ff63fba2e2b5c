package dev.lambdainvoke.camel.springboot;

import dev.lambdainvoke.camel.LambdaInvokeComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.lambdainvoke.camel.springboot.CamelSpringBootRunner.component;
import static dev.lambdainvoke.camel.springboot.CamelSpringBootRunner.runner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the auto-configuration applies: registered where Spring Boot looks for auto-configurations, active in a Camel
 * Spring Boot application, absent without a CamelContext, off with the hierarchical {@code enabled} and
 * {@code customizer.enabled} properties of camel-spring-boot's starters, and the only thing that binds
 * {@code camel.component.lambda-invoke.*} (Camel Spring Boot alone does not).
 */
class AutoConfigurationConditionsTest {

    private static final String P = LambdaInvokeComponentConfiguration.PREFIX + ".";

    @Test
    void registeredInTheAutoConfigurationImportsFile() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
                .contains(LambdaInvokeComponentAutoConfiguration.class.getName());
    }

    @Test
    void activeInACamelSpringBootApplication() {
        runner().withPropertyValues(P + "region=eu-west-3").run(context -> {
            assertThat(context).hasSingleBean(LambdaInvokeComponentAutoConfiguration.class);
            assertThat(context).hasSingleBean(LambdaInvokeComponentConfiguration.class);
            assertThat(context).getBeans(ComponentCustomizer.class).containsKey("configureLambdaInvokeComponent");
            assertThat(component(context).getConfiguration().getRegion()).isEqualTo("eu-west-3");
        });
    }

    @Test
    void absentWithoutACamelContext() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LambdaInvokeComponentAutoConfiguration.class))
                .withPropertyValues(P + "region=eu-west-3")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(LambdaInvokeComponentAutoConfiguration.class);
                    assertThat(context).doesNotHaveBean(LambdaInvokeComponentConfiguration.class);
                    assertThat(context).doesNotHaveBean(ComponentCustomizer.class);
                });
    }

    @Test
    void enabledFalseLeavesTheComponentAsCamelMakesIt() {
        runner().withPropertyValues(P + "enabled=false", P + "region=eu-west-3").run(context -> {
            assertThat(context).doesNotHaveBean(LambdaInvokeComponentAutoConfiguration.class);
            assertThat(component(context).getConfiguration().getRegion()).isNull();
        });
    }

    @Test
    void camelComponentEnabledFalseTurnsOffEveryComponentUnlessThisOneIsEnabled() {
        runner().withPropertyValues("camel.component.enabled=false", P + "region=eu-west-3").run(context -> {
            assertThat(context).doesNotHaveBean(LambdaInvokeComponentAutoConfiguration.class);
            assertThat(component(context).getConfiguration().getRegion()).isNull();
        });
        runner().withPropertyValues("camel.component.enabled=false", P + "enabled=true", P + "region=eu-west-3")
                .run(context -> assertThat(component(context).getConfiguration().getRegion()).isEqualTo("eu-west-3"));
    }

    @Test
    void customizerEnabledFalseLeavesTheComponentAsCamelMakesIt() {
        runner().withPropertyValues(P + "customizer.enabled=false", P + "region=eu-west-3").run(context -> {
            assertThat(context).hasSingleBean(LambdaInvokeComponentAutoConfiguration.class);
            assertThat(component(context).getConfiguration().getRegion()).isNull();
        });
        runner().withPropertyValues("camel.component.customizer.enabled=false", P + "region=eu-west-3")
                .run(context -> assertThat(component(context).getConfiguration().getRegion()).isNull());
        runner().withPropertyValues("camel.component.customizer.enabled=false", P + "customizer.enabled=true",
                                    P + "region=eu-west-3")
                .run(context -> assertThat(component(context).getConfiguration().getRegion()).isEqualTo("eu-west-3"));
    }

    @Test
    void camelSpringBootAloneDoesNotBindTheComponentsProperties() {
        // why the auto-configuration exists: without it the properties are silently ignored
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class))
                .withPropertyValues("camel.main.jmx-enabled=false", P + "region=eu-west-3")
                .run(context -> assertThat(component(context).getConfiguration().getRegion()).isNull());
    }

    @Test
    void aComponentRegisteredUnderAnotherNameKeepsItsOwnSettings() {
        runner().withPropertyValues(P + "region=eu-west-3").run(context -> {
            CamelContext camel = context.getBean(CamelContext.class);
            LambdaInvokeComponent other = new LambdaInvokeComponent();
            other.getConfiguration().setRegion("us-west-2");
            camel.addComponent("lambda-us", other);

            assertThat(camel.getComponent("lambda-us", LambdaInvokeComponent.class).getConfiguration().getRegion())
                    .isEqualTo("us-west-2");
            assertThat(component(context).getConfiguration().getRegion()).isEqualTo("eu-west-3");
        });
    }
}
