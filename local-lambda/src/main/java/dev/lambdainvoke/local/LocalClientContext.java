package dev.lambdainvoke.local;

import java.io.IOException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The client context a caller sent in {@code X-Amz-Client-Context}: base64 of a JSON object with {@code client},
 * {@code custom} and {@code env}, the shape Lambda defines. Parts the caller left out are null, as in Lambda.
 */
final class LocalClientContext implements ClientContext {

    /** Lambda's limit on the header's (base64) length. */
    static final int MAX_BASE64_LENGTH = 3583;

    private final Client client;
    private final Map<String, String> custom;
    private final Map<String, String> environment;

    private LocalClientContext(Client client, Map<String, String> custom, Map<String, String> environment) {
        this.client = client;
        this.custom = custom;
        this.environment = environment;
    }

    /** Null when no header was sent. */
    static ClientContext decode(String base64) throws LambdaApiError {
        if (base64 == null || base64.isEmpty()) {
            return null;
        }
        if (base64.length() > MAX_BASE64_LENGTH) {
            throw LambdaApiError.invalidParameter("Client context must be at most " + MAX_BASE64_LENGTH
                                                  + " bytes once base64-encoded, was " + base64.length());
        }
        JsonNode json;
        try {
            json = LambdaJson.PLAIN.readTree(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException | IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw LambdaApiError.invalidRequestContent("Client context must be a valid Base64-encoded JSON object.");
        }
        return new LocalClientContext(client(json.get("client")), strings(json.get("custom")), strings(json.get("env")));
    }

    private static Client client(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new LocalClient(text(node, "installation_id"), text(node, "app_title"), text(node, "app_version_name"),
                text(node, "app_version_code"), text(node, "app_package_name"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    /** The runtime's maps are String to String: other values arrive as their JSON text. */
    private static Map<String, String> strings(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), text(node, e.getKey())));
        return Collections.unmodifiableMap(map);
    }

    @Override
    public Client getClient() {
        return client;
    }

    @Override
    public Map<String, String> getCustom() {
        return custom;
    }

    @Override
    public Map<String, String> getEnvironment() {
        return environment;
    }

    @Override
    public String toString() {
        return "ClientContext[client=" + client + ", custom=" + custom + ", env=" + environment + "]";
    }

    private record LocalClient(String installationId, String appTitle, String appVersionName, String appVersionCode,
                               String appPackageName) implements Client {

        @Override
        public String getInstallationId() {
            return installationId;
        }

        @Override
        public String getAppTitle() {
            return appTitle;
        }

        @Override
        public String getAppVersionName() {
            return appVersionName;
        }

        @Override
        public String getAppVersionCode() {
            return appVersionCode;
        }

        @Override
        public String getAppPackageName() {
            return appPackageName;
        }
    }
}
