package dev.lambdainvoke.camel;

import java.util.Map;
import java.util.Set;

/**
 * Carries JSON text through Camel's property placeholders. Camel resolves placeholders in an endpoint URI before it
 * reads {@code RAW(...)}, so <code>{{"a": 1}}</code> in JSONata is taken for a placeholder; its own escape is a
 * backslash before <code>{{</code> or <code>}}</code>, removed as the URI is resolved (Camel 4.18 DefaultPropertiesParser
 * and PropertiesComponent.unescape). Two rules follow from how Camel reads that escape: in a run of three or more
 * braces every adjacent pair must be escaped without overlapping (<code>{\{{</code> for <code>{{{</code>), and a
 * backslash already before a run cannot be told from an escape, so such a value is refused.
 */
final class PlaceholderEscape {

    /** Options whose values are JSON or JSONata text, in which braces are syntax and never a placeholder. */
    static final Set<String> LITERAL_OPTIONS = Set.of("jsonata", "resultJsonata", "clientContext");

    private PlaceholderEscape() {
    }

    /** The value with each run of two or more braces escaped; refuses a backslash just before such a run. */
    static String escape(String option, String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            int end = i;
            while ((c == '{' || c == '}') && end < value.length() && value.charAt(end) == c) {
                end++;
            }
            int run = end - i;
            if (run < 2) {
                escaped.append(c);
                i++;
                continue;
            }
            if (i > 0 && value.charAt(i - 1) == '\\') {
                throw new IllegalArgumentException("The value of option '" + option + "' has a backslash just before \""
                                                   + c + c + "\", which Camel's placeholder escape cannot carry; write "
                                                   + "a space between the braces (\"{ {\", \"} }\"), put a JSONata "
                                                   + "expression in a resource: file, or set the option on the endpoint "
                                                   + "or component");
            }
            if (run % 2 == 1) {
                escaped.append(c); // an odd brace first, so that the escaped pairs never overlap
            }
            for (int pair = 0; pair < run / 2; pair++) {
                escaped.append('\\').append(c).append(c);
            }
            i = end;
        }
        return escaped.toString();
    }

    /**
     * Sets the literal options from {@code parameters} on the configuration as the URI's own placeholder pass left them,
     * and takes them out of the map: binding them with the other parameters would resolve placeholders a second time,
     * in text whose escaped braces the first pass has already restored.
     */
    static void bindLiterally(Map<String, Object> parameters, LambdaInvokeConfiguration configuration) {
        parameters.entrySet().removeIf(parameter -> {
            String name = parameter.getKey();
            Object value = parameter.getValue();
            if (!(value instanceof String text)) {
                return false; // a reference or a bean: leave it to Camel's binding
            }
            if ("jsonata".equalsIgnoreCase(name)) {
                configuration.setJsonata(text);
                return true;
            }
            if ("clientContext".equalsIgnoreCase(name)) {
                configuration.setClientContext(text);
                return true;
            }
            return false;
        });
    }
}
