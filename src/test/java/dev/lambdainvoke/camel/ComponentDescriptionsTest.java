package dev.lambdainvoke.camel;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Descriptions reach tooling as written. Camel's generator keeps only letters, digits, whitespace and
 * {@code .,-='/\!&%():;#$}} in a description and removes anything between angle brackets, so a {@code |}, {@code *},
 * {@code ~} or quote silently disappears from the component JSON ("a -separated list"). Also the jsonata and
 * clientContext tooling hints.
 */
class ComponentDescriptionsTest {

    private static final String JSON = "META-INF/dev/lambdainvoke/camel/lambda-invoke.json";
    // what org.apache.camel.tooling.util.JavadocHelper.sanitizeDescription (4.18) keeps besides identifier characters
    private static final String KEPT = ".,-='/\\!&%():;#${} ";
    private static final List<Pattern> STRIPPING_TRACES = List.of(
            Pattern.compile(" {2}"), Pattern.compile(" -[a-z]"),
            // empty parentheses, except a method call such as getRetryAfter()
            Pattern.compile("(?<!\\w)\\(\\s*\\)"),
            // a space before punctuation that ends a clause
            Pattern.compile(" [,;:]| \\.(?=\\s|$)"),
            // a list or a home directory that lost its first character: "(, b)", "(/.aws"
            Pattern.compile("\\(\\s*[,;]"), Pattern.compile("(^|[(\\s])/\\."));

    private static JsonNode componentJson() throws Exception {
        try (InputStream in = ComponentDescriptionsTest.class.getClassLoader().getResourceAsStream(JSON)) {
            assertThat(in).as(JSON + " on the classpath").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyDescriptionWrittenInTheCodeUsesOnlyCharactersTheGeneratorKeeps() {
        writtenDescriptions().forEach((where, text) -> {
            for (char c : text.toCharArray()) {
                assertThat(Character.isJavaIdentifierPart(c) || KEPT.indexOf(c) >= 0)
                        .as("%s: '%s' is dropped by Camel's generator; write it in words (e.g. 'a vertical bar')", where, c)
                        .isTrue();
            }
        });
    }

    @Test
    void everyDescriptionInTheComponentJsonIsTheOneWrittenInTheCode() throws Exception {
        JsonNode json = componentJson();
        Map<String, String> written = writtenDescriptions();
        for (Map.Entry<String, String> e : written.entrySet()) {
            String[] where = e.getKey().split("\\.", 2);
            assertThat(json.path(where[0]).path(where[1]).path("description").asText()).as(e.getKey())
                    .isEqualTo(e.getValue());
        }
        assertThat(written).as("descriptions read from the code").hasSizeGreaterThan(40);
    }

    @Test
    void noDescriptionInTheComponentJsonShowsTracesOfStrippedCharacters() throws Exception {
        JsonNode json = componentJson();
        List<String> checked = new ArrayList<>();
        for (String section : List.of("properties", "componentProperties", "headers")) {
            json.path(section).fields().forEachRemaining(option -> {
                String where = section + "." + option.getKey();
                String text = option.getValue().path("description").asText();
                for (Pattern trace : STRIPPING_TRACES) {
                    assertThat(trace.matcher(text).find()).as("%s reads '%s' (matches %s)", where, text, trace).isFalse();
                }
                checked.add(where);
            });
        }
        assertThat(checked).hasSizeGreaterThan(60);
    }

    /** The stripping traces are those the sanitizer leaves: checked on the text that prompted this test. */
    @Test
    void theTraceCheckCatchesTheFormerNonProxyHostsText() {
        String former = "Hosts reached directly, not through the proxy: a -separated list as in Java's "
                        + "http.nonProxyHosts, as a wildcard (e.g. localhost.internal.example.com).";
        String formerProfile = "Named profile (/.aws/config, /.aws/credentials, or AWS_CONFIG_FILE)";

        assertThat(STRIPPING_TRACES.stream().anyMatch(p -> p.matcher(former).find())).isTrue();
        assertThat(STRIPPING_TRACES.stream().anyMatch(p -> p.matcher(formerProfile).find())).isTrue();
    }

    @Test
    void jsonataIsMarkedAsAFileReferenceForTooling() throws Exception {
        JsonNode json = componentJson();
        for (String section : List.of("properties", "componentProperties")) {
            assertThat(json.path(section).path("jsonata").path("supportFileReference").asBoolean())
                    .as(section + ".jsonata supportFileReference").isTrue();
        }
    }

    /**
     * largeInput and inputLanguage are declared for tooling, but Camel 4.18's generator writes them only for path
     * parameters and component setters, not for options of a @UriParams configuration class: the JSON does not carry
     * them yet, so the declaration is what is checked.
     */
    @Test
    void jsonataAndClientContextDeclareTheirInputLanguage() throws Exception {
        Metadata jsonata = LambdaInvokeConfiguration.class.getDeclaredField("jsonata").getAnnotation(Metadata.class);
        Metadata clientContext = LambdaInvokeConfiguration.class.getDeclaredField("clientContext")
                .getAnnotation(Metadata.class);

        assertThat(jsonata.supportFileReference()).isTrue();
        assertThat(jsonata.largeInput()).isTrue();
        assertThat(jsonata.inputLanguage()).isEqualTo("jsonata");
        assertThat(clientContext.largeInput()).isTrue();
        assertThat(clientContext.inputLanguage()).isEqualTo("json");
    }

    /** section.name to the description the code declares, for every option, path parameter and header. */
    private static Map<String, String> writtenDescriptions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Field f : LambdaInvokeConfiguration.class.getDeclaredFields()) {
            UriParam param = f.getAnnotation(UriParam.class);
            if (param != null) {
                out.put("properties." + f.getName(), param.description());
                out.put("componentProperties." + f.getName(), param.description());
            }
        }
        for (Field f : LambdaInvokeEndpoint.class.getDeclaredFields()) {
            UriPath path = f.getAnnotation(UriPath.class);
            if (path != null) {
                out.put("properties." + f.getName(), path.description());
            }
        }
        for (Field f : LambdaInvokeConstants.class.getDeclaredFields()) {
            Metadata header = f.getAnnotation(Metadata.class);
            if (header != null) {
                try {
                    out.put("headers." + f.get(null), header.description());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }
}
