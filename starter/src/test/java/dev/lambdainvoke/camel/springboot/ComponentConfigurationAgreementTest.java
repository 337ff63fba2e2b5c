package dev.lambdainvoke.camel.springboot;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.TimeUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LambdaInvokeComponentConfiguration is written by hand, camel-spring-boot's starters have theirs generated: this
 * fails when it and the component's own option list (Camel's generated JSON, read from the component jar on the class
 * path) disagree on the option names, their types or their defaults.
 */
class ComponentConfigurationAgreementTest {

    private static final String COMPONENT_JSON = "META-INF/dev/lambdainvoke/camel/lambda-invoke.json";

    private static final Map<String, JsonNode> componentOptions = new LinkedHashMap<>();
    private static final Map<String, Field> starterFields = new LinkedHashMap<>();

    @BeforeAll
    static void read() throws Exception {
        JsonNode json;
        try (InputStream in = ComponentConfigurationAgreementTest.class.getClassLoader()
                .getResourceAsStream(COMPONENT_JSON)) {
            assertThat(in).as(COMPONENT_JSON + " on the class path").isNotNull();
            json = new ObjectMapper().readTree(in);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.path("componentProperties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            componentOptions.put(option.getKey(), option.getValue());
        }
        for (Field field : LambdaInvokeComponentConfiguration.class.getDeclaredFields()) {
            // enabled belongs to the auto-configuration (ComponentConfigurationPropertiesCommon), not to the component
            if (!Modifier.isStatic(field.getModifiers()) && !field.getName().equals("enabled")) {
                field.setAccessible(true);
                starterFields.put(field.getName(), field);
            }
        }
    }

    @Test
    void everyComponentOptionHasAPropertyAndNoPropertyIsExtra() {
        assertThat(componentOptions).isNotEmpty();
        assertThat(starterFields.keySet()).containsExactlyInAnyOrderElementsOf(componentOptions.keySet());
    }

    @Test
    void eachPropertyHasTheTypeSpringBootShouldBindTheOptionAs() {
        componentOptions.forEach((name, option) -> assertThat(starterFields.get(name)).as(name).isNotNull()
                .extracting(Field::getType).as(name + " (" + option.path("type").asText() + ", "
                                                + option.path("javaType").asText() + ")")
                .isEqualTo(propertyType(option)));
    }

    @Test
    void eachPropertyDefaultsToTheComponentsDefault() throws Exception {
        LambdaInvokeComponentConfiguration defaults = new LambdaInvokeComponentConfiguration();
        for (Map.Entry<String, JsonNode> option : componentOptions.entrySet()) {
            Field field = starterFields.get(option.getKey());
            assertThat(field).as(option.getKey()).isNotNull();
            assertThat(field.get(defaults)).as(option.getKey() + " default")
                    .isEqualTo(expectedDefault(option.getValue()));
        }
    }

    /** The type of the property: the option's, boxed, and a Duration where Camel takes a duration in milliseconds. */
    private static Class<?> propertyType(JsonNode option) throws IllegalArgumentException {
        String javaType = option.path("javaType").asText();
        if (option.path("type").asText().equals("duration")) {
            return Duration.class;
        }
        return switch (javaType) {
            case "boolean", "java.lang.Boolean" -> Boolean.class;
            case "int", "java.lang.Integer" -> Integer.class;
            case "long", "java.lang.Long" -> Long.class;
            case "java.lang.String" -> String.class;
            default -> load(javaType);
        };
    }

    private static Object expectedDefault(JsonNode option) {
        JsonNode value = option.get("defaultValue");
        if (value == null || value.isNull()) {
            return null;
        }
        Class<?> type = propertyType(option);
        if (type == Duration.class) {
            // Camel's own reading of its duration notation (15m, 2s)
            return Duration.ofMillis(TimeUtils.toMilliSeconds(value.asText()));
        }
        if (type == Boolean.class) {
            return Boolean.valueOf(value.asText());
        }
        if (type == Integer.class) {
            return Integer.valueOf(value.asText());
        }
        if (type == Long.class) {
            return Long.valueOf(value.asText());
        }
        return value.asText();
    }

    private static Class<?> load(String javaType) {
        try {
            return Class.forName(javaType);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("the component names the type " + javaType + ", not on the class path", e);
        }
    }
}
