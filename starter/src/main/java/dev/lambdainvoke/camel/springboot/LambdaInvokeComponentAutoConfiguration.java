package dev.lambdainvoke.camel.springboot;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.lambdainvoke.camel.LambdaInvokeComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Applies {@code camel.component.lambda-invoke.*} to the lambda-invoke component when Camel creates it, as
 * camel-spring-boot's generated starters do: Camel's own property binding (the component's generated configurer)
 * copies every option the application sets. Off with {@code camel.component.enabled=false} or
 * {@code camel.component.lambda-invoke.enabled=false}; the customizer alone is off with
 * {@code camel.component.customizer.enabled=false} or {@code camel.component.lambda-invoke.customizer.enabled=false}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, LambdaInvokeComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", LambdaInvokeComponentConfiguration.PREFIX})
public class LambdaInvokeComponentAutoConfiguration {

    static final String SCHEME = "lambda-invoke";

    /** Options of the auto-configuration itself (ComponentConfigurationPropertiesCommon), not of the component. */
    private static final Set<String> AUTO_CONFIGURATION_OPTIONS = Set.of("enabled", "customizer");

    /** Turns bean names into the beans for the options whose type is a bean (lambda-client, configuration). */
    @Bean
    @ConfigurationPropertiesBinding
    static LambdaInvokeComponentConverter lambdaInvokeComponentConverter(BeanFactory beans) {
        return new LambdaInvokeComponentConverter(beans);
    }

    /**
     * The properties are asked for only when Camel creates the component (when routes start, after the application's
     * beans exist), not when this customizer is made: Camel looks its customizers up as soon as the CamelContext adds
     * its first component, and a property may refer to a value a bean publishes while it starts (an embedded
     * server's port).
     */
    @Lazy
    @Bean
    public ComponentCustomizer configureLambdaInvokeComponent(ApplicationContext applicationContext,
                                                              ObjectProvider<LambdaInvokeComponentConfiguration> configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelContext camelContext = target.getCamelContext();
                Map<String, Object> options =
                        CamelPropertiesHelper.getNonNullProperties(camelContext, configuration.getObject());
                options.keySet().removeIf(option -> AUTO_CONFIGURATION_OPTIONS.contains(option)
                                                    || !setByTheApplication(applicationContext.getEnvironment(), option));
                CamelPropertiesHelper.copyProperties(camelContext, options, target);
            }

            /** Only the component named lambda-invoke: one registered under a name of its own keeps its settings. */
            @Override
            public boolean isEnabled(String name, Component target) {
                return SCHEME.equals(name) && target instanceof LambdaInvokeComponent
                       && HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                                                                   LambdaInvokeComponentConfiguration.PREFIX + ".customizer");
            }
        };
    }

    /**
     * Whether the application sets the option (in any of Spring Boot's forms: kebab-case, camelCase, an environment
     * variable). Only those are copied: the defaults the configuration carries are the documented ones, but the
     * component treats some options left unset differently from the same value set (proxy-scheme without proxy-host
     * fails), so an unset option keeps the component's own default.
     */
    static boolean setByTheApplication(Environment environment, String option) {
        ConfigurationPropertyName property = ConfigurationPropertyName.of(
                LambdaInvokeComponentConfiguration.PREFIX + "." + dashed(option));
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source.getConfigurationProperty(property) != null
                || source.containsDescendantOf(property) == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }

    /** {@code endpointOverride} → {@code endpoint-override}, the canonical form of a property name. */
    private static String dashed(String option) {
        return option.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
