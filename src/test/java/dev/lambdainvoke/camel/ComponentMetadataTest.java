package dev.lambdainvoke.camel;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.TimeUtils;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Camel's tooling sees: the generated component JSON (options with descriptions, defaults, enums, secrets; the
 * headers), and the generated configurers and URI factory that property binding and YAML parameters use.
 */
class ComponentMetadataTest {

    private static final String JSON = "META-INF/dev/lambdainvoke/camel/lambda-invoke.json";
    private static final List<String> SPEC_OPTIONS = List.of("region", "endpointOverride", "invocationType", "qualifier",
            "logType", "clientContext", "jsonata", "failOnFunctionError", "timeout", "connectTimeout", "maxRetryAfter", "maxConcurrency",
            "allowHeaderOverrides", "accessKey", "secretKey", "sessionToken", "lambdaClient", "allowedFunctions",
            "profile", "useEc2Role", "roleArn", "roleExternalId", "roleSessionName", "stsEndpointOverride", "proxyHost",
            "proxyPort", "proxyScheme", "nonProxyHosts", "httpClient");
    private static final Set<String> SECRETS = Set.of("accessKey", "secretKey", "sessionToken");

    private static JsonNode componentJson() throws Exception {
        try (InputStream in = ComponentMetadataTest.class.getClassLoader().getResourceAsStream(JSON)) {
            assertThat(in).as(JSON + " on the classpath").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void componentJsonDescribesAnAsyncProducerOnlyComponent() throws Exception {
        JsonNode component = componentJson().path("component");

        assertThat(component.path("scheme").asText()).isEqualTo("lambda-invoke");
        assertThat(component.path("syntax").asText()).isEqualTo("lambda-invoke:function");
        assertThat(component.path("producerOnly").asBoolean()).isTrue();
        assertThat(component.path("async").asBoolean()).isTrue();
        assertThat(component.path("groupId").asText()).isEqualTo("dev.lambdainvoke");
    }

    @Test
    void everySpecOptionIsListedOnEndpointAndComponentWithADescription() throws Exception {
        JsonNode json = componentJson();
        for (String option : SPEC_OPTIONS) {
            for (String section : List.of("properties", "componentProperties")) {
                JsonNode node = json.path(section).path(option);
                assertThat(node.isMissingNode()).as(section + "." + option).isFalse();
                assertThat(node.path("description").asText()).as(section + "." + option + " description").isNotBlank();
                assertThat(node.path("secret").asBoolean()).as(section + "." + option + " secret")
                        .isEqualTo(SECRETS.contains(option));
            }
        }
        assertThat(json.path("properties").path("function").path("kind").asText()).isEqualTo("path");
        assertThat(json.path("properties").path("function").path("required").asBoolean()).isTrue();
    }

    @Test
    void defaultsAndEnumsMatchTheSpec() throws Exception {
        JsonNode properties = componentJson().path("properties");

        assertThat(properties.path("invocationType").path("defaultValue").asText()).isEqualTo("RequestResponse");
        assertThat(texts(properties.path("invocationType").path("enum"))).containsExactly("RequestResponse", "Event",
                "DryRun");
        assertThat(properties.path("logType").path("defaultValue").asText()).isEqualTo("None");
        assertThat(texts(properties.path("logType").path("enum"))).containsExactly("None", "Tail");
        assertThat(properties.path("timeout").path("defaultValue").asText()).isEqualTo("15m");
        assertThat(properties.path("connectTimeout").path("defaultValue").asText()).isEqualTo("2s");
        assertThat(properties.path("maxRetryAfter").path("defaultValue").asText()).isEqualTo("60s");
        assertThat(properties.path("maxConcurrency").path("defaultValue").asInt()).isEqualTo(64);
        assertThat(properties.path("failOnFunctionError").path("defaultValue").asBoolean()).isFalse();
        assertThat(properties.path("allowHeaderOverrides").path("defaultValue").asBoolean()).isFalse();
        assertThat(properties.path("lambdaClient").path("autowired").asBoolean()).isTrue();
        assertThat(properties.path("roleSessionName").path("defaultValue").asText()).isEqualTo("camel-lambda-invoke");
        assertThat(properties.path("useEc2Role").path("defaultValue").asBoolean()).isFalse();
        assertThat(properties.path("proxyScheme").path("defaultValue").asText()).isEqualTo("http");
        assertThat(texts(properties.path("proxyScheme").path("enum"))).containsExactly("http", "https");
        assertThat(properties.path("httpClient").path("defaultValue").asText()).isEqualTo("netty");
        assertThat(texts(properties.path("httpClient").path("enum"))).containsExactly("netty", "crt");
        assertThat(properties.path("httpClient").path("group").asText()).isEqualTo("advanced");
    }

    @Test
    void everyOptionOfEndpointAndComponentHasADescriptionATypeAndAGroup() throws Exception {
        JsonNode json = componentJson();
        for (String section : List.of("properties", "componentProperties")) {
            json.path(section).fields().forEachRemaining(option -> {
                String name = section + "." + option.getKey();
                assertThat(option.getValue().path("description").asText()).as(name + " description").isNotBlank();
                assertThat(option.getValue().path("type").asText()).as(name + " type").isNotBlank();
                assertThat(option.getValue().path("group").asText()).as(name + " group").isNotBlank();
            });
        }
    }

    @Test
    void everyEnumOptionListsItsValuesAndItsDefaultIsOneOfThem() throws Exception {
        JsonNode json = componentJson();
        for (String section : List.of("properties", "componentProperties")) {
            json.path(section).fields().forEachRemaining(option -> {
                JsonNode node = option.getValue();
                if (!node.path("type").asText().equals("enum")) {
                    return;
                }
                String name = section + "." + option.getKey();
                assertThat(texts(node.path("enum"))).as(name + " enum").isNotEmpty();
                if (node.has("defaultValue")) {
                    assertThat(texts(node.path("enum"))).as(name + " enum").contains(node.path("defaultValue").asText());
                }
            });
        }
    }

    /**
     * Reads the configuration class itself: an option whose field starts with a value (a default the code applies)
     * declares it, tooling lists it, and enumerated options list their values on endpoint and component alike. Catches a
     * default changed in code but not in the metadata, and the reverse.
     */
    @Test
    void everyDefaultTheCodeAppliesIsTheDefaultToolingShows() throws Exception {
        JsonNode json = componentJson();
        LambdaInvokeConfiguration fresh = new LambdaInvokeConfiguration();
        int checked = 0;
        for (Field field : LambdaInvokeConfiguration.class.getDeclaredFields()) {
            UriParam param = field.getAnnotation(UriParam.class);
            if (param == null || Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            Object initial = field.get(fresh);
            String option = field.getName();
            for (String section : List.of("properties", "componentProperties")) {
                JsonNode node = json.path(section).path(option);
                String name = section + "." + option;
                if (appliesADefault(initial)) {
                    assertThat(node.has("defaultValue")).as(name + " lists the default " + initial).isTrue();
                    assertThat(sameValue(node.path("defaultValue").asText(), initial, node.path("type").asText()))
                            .as(name + ": tooling says " + node.path("defaultValue") + ", the code starts with " + initial)
                            .isTrue();
                }
                if (!param.defaultValue().isEmpty()) {
                    assertThat(node.path("defaultValue").asText()).as(name + " default").isEqualTo(param.defaultValue());
                }
                if (!param.enums().isEmpty()) {
                    assertThat(node.path("type").asText()).as(name + " type").isEqualTo("enum");
                    assertThat(texts(node.path("enum"))).as(name + " enum")
                            .containsExactly(param.enums().split(","));
                }
            }
            checked++;
        }
        assertThat(checked).as("options read from the configuration class").isGreaterThanOrEqualTo(SPEC_OPTIONS.size());
    }

    /** A starting value other than Java's own (null, false, 0) is a default the code applies. */
    private static boolean appliesADefault(Object initial) {
        return initial != null && !Boolean.FALSE.equals(initial)
               && !(initial instanceof Number n && n.longValue() == 0);
    }

    private static boolean sameValue(String listed, Object initial, String type) {
        if (type.equals("duration")) {
            return TimeUtils.toMilliSeconds(listed) == ((Number) initial).longValue();
        }
        return listed.equals(String.valueOf(initial));
    }

    @Test
    void headersWithAFixedSetOfValuesListThem() throws Exception {
        JsonNode headers = componentJson().path("headers");

        assertThat(texts(headers.path(LambdaInvokeConstants.INVOCATION_TYPE).path("enum")))
                .containsExactly("RequestResponse", "Event", "DryRun");
        assertThat(texts(headers.path(LambdaInvokeConstants.LOG_TYPE).path("enum"))).containsExactly("None", "Tail");
        assertThat(texts(headers.path(LambdaInvokeConstants.FUNCTION_ERROR).path("enum")))
                .containsExactly("Handled", "Unhandled");
    }

    @Test
    void everyHeaderIsListedWithItsConstant() throws Exception {
        JsonNode headers = componentJson().path("headers");

        assertThat(names(headers)).containsExactlyInAnyOrder(LambdaInvokeConstants.STATUS_CODE,
                LambdaInvokeConstants.EXECUTED_VERSION, LambdaInvokeConstants.REQUEST_ID,
                LambdaInvokeConstants.FUNCTION_ERROR, LambdaInvokeConstants.LOG_TAIL, LambdaInvokeConstants.FUNCTION,
                LambdaInvokeConstants.DURABLE_EXECUTION_ARN,
                LambdaInvokeConstants.QUALIFIER, LambdaInvokeConstants.INVOCATION_TYPE, LambdaInvokeConstants.LOG_TYPE,
                LambdaInvokeConstants.CLIENT_CONTEXT);
        headers.fields().forEachRemaining(h -> {
            assertThat(h.getValue().path("description").asText()).as(h.getKey()).isNotBlank();
            assertThat(h.getValue().path("constantName").asText()).as(h.getKey())
                    .startsWith(LambdaInvokeConstants.class.getName() + "#");
        });
        assertThat(headers.path(LambdaInvokeConstants.STATUS_CODE).path("javaType").asText()).isEqualTo("Integer");
    }

    @Test
    void camelFindsTheGeneratedUriFactoryAndConfigurers() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            EndpointUriFactory uris = context.getCamelContextExtension().getEndpointUriFactory("lambda-invoke");
            PropertyConfigurer endpointConfigurer = PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer("lambda-invoke-endpoint", context);
            PropertyConfigurer componentConfigurer = PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer("lambda-invoke-component", context);

            assertThat(uris).isNotNull();
            assertThat(uris.propertyNames()).containsAll(SPEC_OPTIONS);
            assertThat(uris.secretPropertyNames()).containsExactlyInAnyOrderElementsOf(SECRETS);
            assertThat(uris.buildUri("lambda-invoke", Map.of("function", "orders", "qualifier", "prod"), false))
                    .isEqualTo("lambda-invoke:orders?qualifier=prod");
            assertThat(endpointConfigurer).isNotNull();
            assertThat(componentConfigurer).isNotNull();

            LambdaInvokeComponent component = new LambdaInvokeComponent();
            assertThat(componentConfigurer.configure(context, component, "timeout", "90s", true)).isTrue();
            assertThat(componentConfigurer.configure(context, component, "logType", "Tail", true)).isTrue();
            assertThat(component.getConfiguration().getTimeout()).isEqualTo(90_000L);
            assertThat(component.getConfiguration().getLogType()).isEqualTo("Tail");
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
