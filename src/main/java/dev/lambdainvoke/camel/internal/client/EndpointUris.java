package dev.lambdainvoke.camel.internal.client;

import java.net.URI;
import java.net.URISyntaxException;

/** Reads an endpoint-override option: an http(s) URI with a host, or nothing. */
final class EndpointUris {

    private EndpointUris() {
    }

    /** The URI, or null when the value is blank; a malformed one fails naming {@code option}. */
    static URI parse(String value, String option) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.trim());
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("Option '" + option + "' must be an http(s) URI with a host, was '"
                                                   + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Option '" + option + "' is not a valid URI: " + e.getMessage(), e);
        }
    }
}
