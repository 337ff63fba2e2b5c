package dev.lambdainvoke.camel.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The component JSON Camel's tooling generates (src/generated), as the docs read it. */
record ComponentJson(JsonNode root) {

    static final String RESOURCE = "META-INF/dev/lambdainvoke/camel/lambda-invoke.json";

    /** One option or header: what a table row shows. */
    record Entry(String name, String kind, String group, String description, String defaultValue, String type,
                 List<String> enums) {
    }

    static ComponentJson load() {
        try (InputStream in = ComponentJson.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: build with mvn process-classes");
            }
            return new ComponentJson(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode component() {
        return root.path("component");
    }

    List<Entry> componentOptions() {
        return entries("componentProperties");
    }

    List<Entry> pathParameters() {
        return entries("properties").stream().filter(e -> e.kind().equals("path")).toList();
    }

    List<Entry> queryParameters() {
        return entries("properties").stream().filter(e -> e.kind().equals("parameter")).toList();
    }

    List<Entry> headers() {
        return entries("headers");
    }

    /** Every name a user can set: endpoint path and query parameters, and component options. */
    List<String> optionNames() {
        List<String> names = new ArrayList<>();
        root.path("properties").fieldNames().forEachRemaining(names::add);
        root.path("componentProperties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** In the JSON's order, which is the generator's (by group, then as declared). */
    private List<Entry> entries(String section) {
        List<Entry> out = new ArrayList<>();
        root.path(section).fields().forEachRemaining(f -> {
            JsonNode n = f.getValue();
            List<String> enums = new ArrayList<>();
            n.path("enum").forEach(v -> enums.add(v.asText()));
            out.add(new Entry(f.getKey(), n.path("kind").asText(), n.path("group").asText(),
                    n.path("description").asText(), n.has("defaultValue") ? n.path("defaultValue").asText() : "",
                    typeName(n), List.copyOf(enums)));
        });
        return out;
    }

    /** As Camel's pages show it: the simple Java type, Duration for durations. */
    private static String typeName(JsonNode n) {
        if (n.path("type").asText().equals("duration")) {
            return "Duration";
        }
        String javaType = n.path("javaType").asText();
        return javaType.substring(javaType.lastIndexOf('.') + 1);
    }
}
