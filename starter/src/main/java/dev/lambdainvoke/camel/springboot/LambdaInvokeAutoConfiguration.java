package dev.lambdainvoke.camel.springboot;

import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanNotOfRequiredTypeException;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

/**
 * Spring Boot auto-configuration of the lambda-invoke component: binds {@code camel.component.lambda-invoke.*} and hands
 * it to Camel as a {@link ComponentCustomizer}. Active only in a Camel Spring Boot application (camel-spring-boot on the
 * class path); {@code camel.component.lambda-invoke.enabled=false} turns it off. Classes are named as strings so that
 * this class can be read without camel-spring-boot present.
 * <p>
 * A {@code LambdaAsyncClient} bean needs nothing from here: the option is autowired, and Camel's registry in Spring Boot
 * is the application context.
 */
@AutoConfiguration(afterName = LambdaInvokeAutoConfiguration.CAMEL_AUTO_CONFIGURATION)
@ConditionalOnClass(name = LambdaInvokeAutoConfiguration.CAMEL_AUTO_CONFIGURATION)
@ConditionalOnProperty(prefix = LambdaInvokeComponentProperties.PREFIX, name = "enabled", havingValue = "true",
                       matchIfMissing = true)
@EnableConfigurationProperties
public class LambdaInvokeAutoConfiguration {

    static final String CAMEL_AUTO_CONFIGURATION = "org.apache.camel.spring.boot.CamelAutoConfiguration";

    /**
     * Lazy, and asked for by the customizer only when Camel creates the lambda-invoke component (when routes start,
     * after the application's beans exist): a property may then refer to a value one of those beans publishes, such as
     * the port of an embedded server. Camel itself looks its customizers up earlier, as soon as the CamelContext adds
     * its first component.
     */
    @Bean
    @Lazy
    public LambdaInvokeComponentProperties lambdaInvokeComponentProperties() {
        return new LambdaInvokeComponentProperties();
    }

    @Bean
    @Lazy
    public ComponentCustomizer lambdaInvokeComponentCustomizer(ObjectProvider<LambdaInvokeComponentProperties> properties,
                                                               BeanFactory beans) {
        return new LambdaInvokeComponentCustomizer(properties::getObject, name -> clientBean(beans, name));
    }

    private static LambdaAsyncClient clientBean(BeanFactory beans, String name) {
        try {
            return beans.getBean(name, LambdaAsyncClient.class);
        } catch (NoSuchBeanDefinitionException | BeanNotOfRequiredTypeException e) {
            throw new IllegalArgumentException(LambdaInvokeComponentProperties.PREFIX + ".lambda-client names the bean '"
                                               + name + "', but the application has no LambdaAsyncClient bean of that name",
                                               e);
        }
    }
}
