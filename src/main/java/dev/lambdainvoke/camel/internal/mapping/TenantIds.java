package dev.lambdainvoke.camel.internal.mapping;

import java.util.regex.Pattern;

/** Lambda's rule for a tenant id, checked before sending so that a wrong one never reaches Lambda. */
public final class TenantIds {

    public static final int MAX_LENGTH = 256;
    private static final Pattern ALLOWED = Pattern.compile("[a-zA-Z0-9._:/=+\\-@ ]+");

    private TenantIds() {
    }

    /**
     * Why {@code tenantId} cannot be sent, or null when it can. The value itself is not quoted: it comes from the message
     * and may hold anything.
     */
    public static String problem(String tenantId) {
        if (tenantId == null || tenantId.isEmpty()) {
            return "is empty";
        }
        if (tenantId.length() > MAX_LENGTH) {
            return "has " + tenantId.length() + " characters, over Lambda's limit of " + MAX_LENGTH;
        }
        if (!ALLOWED.matcher(tenantId).matches()) {
            return "has characters Lambda does not accept (only letters, digits, space and ._:/=+-@)";
        }
        if (tenantId.charAt(0) == ' ' || tenantId.charAt(tenantId.length() - 1) == ' ') {
            // HTTP trims a header value's outer spaces (the SDK's Netty client refuses them): it could not arrive as given
            return "begins or ends with a space, which an HTTP header cannot carry";
        }
        return null;
    }
}
