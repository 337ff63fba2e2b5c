package dev.lambdainvoke.camel.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docs say what the component JSON says. The options and headers tables of the component page
 * (src/main/docs/lambda-invoke-component.adoc) and of docs/usage.md are generated from the JSON between marker lines:
 * {@code mvn test -Dtest=ComponentDocsTest -Dupdate.docs=true} rewrites them; without the property these tests fail
 * while a table differs from what the JSON gives. Option names the README uses must exist.
 */
class ComponentDocsTest {

    private static final Path ADOC = Path.of("src/main/docs/lambda-invoke-component.adoc");
    private static final Path USAGE = Path.of("docs/usage.md");
    private static final Path README = Path.of("README.md");
    private static final boolean UPDATE = Boolean.getBoolean("update.docs");

    private final ComponentJson json = ComponentJson.load();

    @Test
    void componentPageTablesAreThoseTheComponentJsonGives() throws IOException {
        assertGenerated(ADOC, MarkedSection.asciidoc("lambda-invoke options"), DocTables::asciidocOptions);
        assertGenerated(ADOC, MarkedSection.asciidoc("lambda-invoke headers"), DocTables::asciidocHeaders);
    }

    @Test
    void usagePageTablesAreThoseTheComponentJsonGives() throws IOException {
        assertGenerated(USAGE, MarkedSection.markdown("options"), DocTables::markdownOptions);
        assertGenerated(USAGE, MarkedSection.markdown("headers"), DocTables::markdownHeaders);
    }

    /** Written by Camel's update-readme in the build; checked here too, so that a stale page fails the tests. */
    @Test
    void componentPageHeaderAttributesAreThoseTheComponentJsonGives() throws IOException {
        String page = Files.readString(ADOC, StandardCharsets.UTF_8);
        var component = json.component();

        assertThat(page).startsWith("= " + component.path("title").asText() + " Component\n");
        assertThat(page).contains("\n:shortname: " + component.path("scheme").asText() + "\n",
                "\n:artifactid: " + component.path("artifactId").asText() + "\n",
                "\n:description: " + component.path("description").asText() + "\n",
                "\n:supportlevel: " + component.path("supportLevel").asText() + "\n",
                "\n:component-header: Only producer is supported\n");
    }

    @Test
    void everyOptionTheReadmeNamesExists() throws IOException {
        Set<String> named = optionNamesUsedIn(Files.readString(README, StandardCharsets.UTF_8));

        assertThat(named).as("option names found in README.md").isNotEmpty();
        assertThat(json.optionNames()).as("options of the component JSON").containsAll(named);
    }

    @Test
    void everyOptionTheUsagePageNamesExists() throws IOException {
        Set<String> named = optionNamesUsedIn(Files.readString(USAGE, StandardCharsets.UTF_8));

        assertThat(named).as("option names found in docs/usage.md").isNotEmpty();
        assertThat(json.optionNames()).as("options of the component JSON").containsAll(named);
    }

    /** The reader finds option names where a user writes them, and only there. */
    @Test
    void optionNamesAreFoundInUrisPropertiesYamlParametersAndTheUriBuilder() {
        String text = """
                .to("lambda-invoke:f?qualifier=prod"
                    + "&logType=Tail&amp;timeout=90s")
                <to uri="lambda-invoke:f?region=x&amp;jsonata=resource:classpath:m.jsonata"/>
                camel.component.lambda-invoke.max-concurrency=16
                --prop=camel.component.lambda-invoke.endpointOverride=http://127.0.0.1:1
                .option("roleSessionName", "orders")
                            uri: lambda-invoke:order-pricer
                            parameters:
                              failOnFunctionError: true
                              proxyPort: 3128
                        - log: "priced"
                from("kafka:orders?groupId=g") and Camel's aws2-lambda `pojoRequest=true`
                """;

        assertThat(optionNamesUsedIn(text)).containsExactlyInAnyOrder("qualifier", "logType", "timeout", "region",
                "jsonata", "maxConcurrency", "endpointOverride", "roleSessionName", "failOnFunctionError", "proxyPort");
    }

    private void assertGenerated(Path file, MarkedSection section, Function<ComponentJson, String> generator)
            throws IOException {
        String document = Files.readString(file, StandardCharsets.UTF_8);
        String expected = generator.apply(json);
        if (UPDATE) {
            document = section.replacedIn(document, expected);
            Files.writeString(file, document, StandardCharsets.UTF_8);
        }
        assertThat(section.in(document))
                .as("%s between '%s' and '%s' differs from the component JSON: "
                    + "mvn test -Dtest=ComponentDocsTest -Dupdate.docs=true rewrites it", file, section.start(),
                        section.end())
                .isEqualTo(expected);
    }

    private static final Pattern URI_OPTION = Pattern.compile("(?:&amp;|[?&])([a-zA-Z][a-zA-Z0-9]*)=");
    private static final Pattern PROPERTY = Pattern.compile("camel\\.component\\.lambda-invoke\\.([a-zA-Z][a-zA-Z0-9-]*)=");
    private static final Pattern BUILDER_OPTION = Pattern.compile("\\.option\\(\"([a-zA-Z0-9]+)\"");
    private static final Pattern YAML_KEY = Pattern.compile("^(\\s*)([a-zA-Z][a-zA-Z0-9]*):");

    /**
     * Names in lambda-invoke URIs (and the Java string lines that continue one), in camel.component.lambda-invoke.*
     * properties, in {@code option("...")} calls of the URI builder, and keys of YAML {@code parameters:} that follow
     * a lambda-invoke uri.
     */
    static Set<String> optionNamesUsedIn(String text) {
        Set<String> names = new TreeSet<>();
        String[] lines = text.split("\n");
        boolean inLambdaUri = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean continuesUri = inLambdaUri && line.trim().startsWith("+ \"");
            if (line.contains("lambda-invoke:") || continuesUri) {
                String uriPart = line.contains("lambda-invoke:") ? line.substring(line.indexOf("lambda-invoke:")) : line;
                find(URI_OPTION, uriPart, names);
                inLambdaUri = true;
            } else {
                inLambdaUri = false;
            }
            Matcher property = PROPERTY.matcher(line);
            while (property.find()) {
                names.add(StringHelper.dashToCamelCase(property.group(1)));
            }
            find(BUILDER_OPTION, line, names);
            if (line.trim().equals("parameters:") && i > 0 && lines[i - 1].contains("lambda-invoke")) {
                int indent = line.indexOf('p');
                for (int j = i + 1; j < lines.length; j++) {
                    Matcher key = YAML_KEY.matcher(lines[j]);
                    if (!key.find() || key.group(1).length() <= indent) {
                        break;
                    }
                    names.add(key.group(2));
                }
            }
        }
        return names;
    }

    private static void find(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
