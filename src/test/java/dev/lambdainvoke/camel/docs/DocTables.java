package dev.lambdainvoke.camel.docs;

import java.util.List;
import java.util.stream.Collectors;

import dev.lambdainvoke.camel.docs.ComponentJson.Entry;

/** The options and headers tables the docs show, written from the component JSON. */
final class DocTables {

    private DocTables() {
    }

    /** The adoc's options: component options, then the endpoint's path and query parameters, like Camel's pages. */
    static String asciidocOptions(ComponentJson json) {
        return "=== Component Options\n\n"
               + "The component supports " + json.componentOptions().size() + " options, which are listed below.\n\n"
               + asciidocTable(json.componentOptions(), true)
               + "\n=== Endpoint Options\n\n"
               + "The endpoint is configured using URI syntax:\n\n----\n" + json.component().path("syntax").asText()
               + "\n----\n\nwith the following path and query parameters:\n\n"
               + "==== Path Parameters (" + json.pathParameters().size() + " parameters)\n\n"
               + asciidocTable(json.pathParameters(), false)
               + "\n==== Query Parameters (" + json.queryParameters().size() + " parameters)\n\n"
               + asciidocTable(json.queryParameters(), true);
    }

    static String asciidocHeaders(ComponentJson json) {
        return "The component supports " + json.headers().size() + " message headers, which are listed below:\n\n"
               + asciidocTable(json.headers(), false);
    }

    /** docs/usage.md's options: the endpoint's query parameters, each also settable on the component. */
    static String markdownOptions(ComponentJson json) {
        return markdownTable("option", json.queryParameters());
    }

    static String markdownHeaders(ComponentJson json) {
        StringBuilder out = new StringBuilder("| header | type | description |\n|---|---|---|\n");
        for (Entry e : json.headers()) {
            out.append("| `").append(e.name()).append("` | ").append(e.type())
                    .append(" | ").append(markdownCell(description(e))).append(" |\n");
        }
        return out.toString();
    }

    private static String asciidocTable(List<Entry> entries, boolean withGroup) {
        StringBuilder out = new StringBuilder("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n"
                                              + "| Name | Description | Default | Type\n");
        for (Entry e : entries) {
            out.append("| *").append(e.name()).append("*").append(withGroup ? " (" + e.group() + ")" : "")
                    .append(" | ").append(asciidocCell(description(e)))
                    .append(" | ").append(asciidocCell(e.defaultValue()))
                    .append(" | ").append(e.type()).append('\n');
        }
        return out.append("|===\n").toString();
    }

    private static String markdownTable(String what, List<Entry> entries) {
        StringBuilder out = new StringBuilder("| " + what + " | group | default | type | description |\n"
                                              + "|---|---|---|---|---|\n");
        for (Entry e : entries) {
            out.append("| `").append(e.name()).append("` | ").append(e.group())
                    .append(" | ").append(e.defaultValue().isEmpty() ? "" : "`" + e.defaultValue() + "`")
                    .append(" | ").append(e.type())
                    .append(" | ").append(markdownCell(description(e))).append(" |\n");
        }
        return out.toString();
    }

    private static String description(Entry e) {
        return e.enums().isEmpty() ? e.description()
                : e.description() + " Values: " + e.enums().stream().collect(Collectors.joining(", ")) + ".";
    }

    // a vertical bar would end the cell in either format
    private static String asciidocCell(String text) {
        return text.replace("|", "\\|");
    }

    private static String markdownCell(String text) {
        return text.replace("|", "\\|");
    }
}
