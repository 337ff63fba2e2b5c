package dev.lambdainvoke.camel.support;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/** What the peer extensions do to a test class's fields: set a peer, start and close {@link CamelHarness} fields. */
final class HarnessFields {

    private HarnessFields() {
    }

    /** Sets {@code value} into the non-final fields of its type: the static ones when {@code instance} is null. */
    static <T> void set(Class<?> type, Object instance, Class<T> fieldType, T value) {
        for (Field field : fields(type, fieldType, instance == null)) {
            try {
                field.set(instance, value);
            } catch (IllegalAccessException e) {
                throw new ExtensionConfigurationException("cannot set " + field, e);
            }
        }
    }

    /**
     * Starts a harness against {@code endpoint} into the instance {@code CamelHarness} fields of the test's instances;
     * none when they have no such field.
     */
    static void startHarness(ExtensionContext context, URI endpoint) {
        List<Object> instances = context.getRequiredTestInstances().getAllInstances();
        if (instances.stream().allMatch(instance -> fields(instance.getClass(), CamelHarness.class, false).isEmpty())) {
            return;
        }
        CamelHarness camel = start(endpoint);
        for (Object instance : instances) {
            set(instance.getClass(), instance, CamelHarness.class, camel);
        }
    }

    /** Closes and clears every instance {@code CamelHarness} field still set, also the ones a test started itself. */
    static void closeHarnesses(ExtensionContext context) throws IllegalAccessException {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : fields(instance.getClass(), CamelHarness.class, false)) {
                CamelHarness camel = (CamelHarness) field.get(instance);
                if (camel != null) {
                    camel.close();
                    field.set(instance, null);
                }
            }
        }
    }

    static CamelHarness start(URI endpoint) {
        try {
            return CamelHarness.against(endpoint);
        } catch (Exception e) {
            throw new ExtensionConfigurationException("the Camel harness did not start", e);
        }
    }

    private static List<Field> fields(Class<?> type, Class<?> fieldType, boolean isStatic) {
        List<Field> found = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getType() == fieldType && Modifier.isStatic(field.getModifiers()) == isStatic
                    && !Modifier.isFinal(field.getModifiers())) {
                    field.setAccessible(true);
                    found.add(field);
                }
            }
        }
        return found;
    }
}
