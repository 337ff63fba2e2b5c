package dev.lambdainvoke.camel.springboot;

import java.util.Map;
import java.util.Set;

import dev.lambdainvoke.camel.LambdaInvokeConfiguration;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanNotOfRequiredTypeException;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

/**
 * Binds the options whose value is a bean of the application, written as Camel writes references ({@code #bean:name},
 * {@code #name}) or as the bare bean name. A name with no such bean fails, naming the property.
 */
public class LambdaInvokeComponentConverter implements GenericConverter {

    private static final Map<Class<?>, String> PROPERTY_OF_TYPE = Map.of(
            LambdaAsyncClient.class, "lambda-client",
            LambdaInvokeConfiguration.class, "configuration");

    private final BeanFactory beans;

    public LambdaInvokeComponentConverter(BeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, LambdaAsyncClient.class),
                      new ConvertiblePair(String.class, LambdaInvokeConfiguration.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String name = beanName(source.toString());
        Class<?> type = targetType.getType();
        try {
            return beans.getBean(name, type);
        } catch (NoSuchBeanDefinitionException | BeanNotOfRequiredTypeException e) {
            throw new IllegalArgumentException(LambdaInvokeComponentConfiguration.PREFIX + "." + PROPERTY_OF_TYPE.get(type)
                                               + " names the bean '" + name + "', but the application has no "
                                               + type.getSimpleName() + " bean of that name", e);
        }
    }

    /** Camel's reference syntax ({@code #bean:name}, {@code #name}) or the bare bean name. */
    static String beanName(String reference) {
        String name = reference.trim();
        if (name.startsWith("#bean:")) {
            return name.substring("#bean:".length());
        }
        return name.startsWith("#") ? name.substring(1) : name;
    }
}
