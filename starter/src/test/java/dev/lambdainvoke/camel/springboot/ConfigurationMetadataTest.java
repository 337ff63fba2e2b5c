package dev.lambdainvoke.camel.springboot;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.springboot.CamelSpringBootRunner.kebab;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an IDE completes in application.properties: META-INF/spring-configuration-metadata.json, written at build time by
 * Spring Boot's processor, lists every option of the component under {@code camel.component.lambda-invoke} with a
 * description, the type Spring Boot binds, Camel's default and Camel's choices for enumerated options.
 */
class ConfigurationMetadataTest {

    private static final String P = LambdaInvokeComponentConfiguration.PREFIX + ".";

    private static JsonNode camel;
    private static final Map<String, JsonNode> properties = new HashMap<>();
    private static final Map<String, JsonNode> hints = new HashMap<>();

    @BeforeAll
    static void read() throws Exception {
        camel = json("META-INF/dev/lambdainvoke/camel/lambda-invoke.json").path("componentProperties");
        JsonNode spring = json("META-INF/spring-configuration-metadata.json");
        spring.path("properties").forEach(p -> properties.put(p.path("name").asText(), p));
        spring.path("hints").forEach(h -> hints.put(h.path("name").asText(), h));
    }

    @Test
    void everyOptionIsListedWithADescription() throws Exception {
        for (String option : CamelSpringBootRunner.componentOptions()) {
            JsonNode property = properties.get(P + kebab(option));
            assertThat(property).as(P + kebab(option)).isNotNull();
            assertThat(property.path("description").asText()).as(option + " description").isNotBlank();
        }
        assertThat(properties).containsKey(P + "enabled");
    }

    @Test
    void defaultsAreCamelsDefaults() throws Exception {
        List<String> withDefault = new ArrayList<>();
        for (String option : CamelSpringBootRunner.componentOptions()) {
            JsonNode camelDefault = camel.path(option).path("defaultValue");
            JsonNode springDefault = properties.get(P + kebab(option)).path("defaultValue");
            assertThat(springDefault.asText(null)).as(option + " default").isEqualTo(camelDefault.asText(null));
            if (!camelDefault.isMissingNode()) {
                withDefault.add(option);
            }
        }
        assertThat(withDefault).contains("timeout", "connectTimeout", "maxConcurrency", "invocationType", "logType",
                "httpClient");
    }

    @Test
    void durationsAreDurationsAndNumbersNumbers() {
        assertThat(properties.get(P + "timeout").path("type").asText()).isEqualTo("java.time.Duration");
        assertThat(properties.get(P + "connect-timeout").path("type").asText()).isEqualTo("java.time.Duration");
        assertThat(properties.get(P + "max-concurrency").path("type").asText()).isEqualTo("java.lang.Integer");
        assertThat(properties.get(P + "use-ec2-role").path("type").asText()).isEqualTo("java.lang.Boolean");
    }

    @Test
    void enumeratedOptionsOfferCamelsChoices() {
        for (String option : List.of("invocationType", "logType", "proxyScheme", "httpClient")) {
            List<String> offered = new ArrayList<>();
            hints.get(P + kebab(option)).path("values").forEach(v -> offered.add(v.path("value").asText()));
            List<String> camelChoices = new ArrayList<>();
            camel.path(option).path("enum").forEach(v -> camelChoices.add(v.asText()));
            assertThat(offered).as(option).isNotEmpty().isEqualTo(camelChoices);
        }
    }

    @Test
    void lambdaClientCompletesBeanNames() {
        JsonNode provider = hints.get(P + "lambda-client").path("providers").get(0);
        assertThat(provider.path("name").asText()).isEqualTo("spring-bean-reference");
        assertThat(provider.path("parameters").path("target").asText())
                .isEqualTo("software.amazon.awssdk.services.lambda.LambdaAsyncClient");
    }

    private static JsonNode json(String resource) throws Exception {
        try (InputStream in = ConfigurationMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
