package dev.lambdainvoke.camel;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.lambdainvoke.camel.internal.client.LambdaClientCache.ClientStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * Camel's developer console for lambda-invoke ({@code camel get lambda-invoke}, the dev console HTTP page): for each
 * shared SDK client, the endpoints using it and its {@code maxConcurrency} gate -- invocations in flight at Lambda, those
 * waiting for a place, and the limit. Found by Camel's console registry (camel-console) through the services file the
 * build generates; without camel-console nothing loads it.
 */
@DevConsole(name = "lambda-invoke", displayName = "AWS Lambda Invoke",
            description = "Lambda clients: invocations in flight and waiting under maxConcurrency")
public class LambdaInvokeDevConsole extends AbstractDevConsole {

    public LambdaInvokeDevConsole() {
        super("camel", "lambda-invoke", "AWS Lambda Invoke",
                "Lambda clients: invocations in flight and waiting under maxConcurrency");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        components().forEach((name, clients) -> {
            text.append(String.format("Component %s: %d client(s)%n", name, clients.size()));
            for (ClientStatus client : clients) {
                text.append(String.format("    %s%n        endpoints: %d  in flight: %d/%d  waiting: %d%n",
                        client.client(), client.endpoints(), client.inFlight(), client.limit(), client.waiting()));
            }
        });
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonArray components = new JsonArray();
        components().forEach((name, clients) -> {
            JsonArray list = new JsonArray();
            for (ClientStatus client : clients) {
                JsonObject json = new JsonObject();
                json.put("client", client.client());
                json.put("endpoints", client.endpoints());
                json.put("inFlight", client.inFlight());
                json.put("waiting", client.waiting());
                json.put("limit", client.limit());
                list.add(json);
            }
            JsonObject component = new JsonObject();
            component.put("name", name);
            component.put("clients", list);
            components.add(component);
        });
        JsonObject root = new JsonObject();
        root.put("components", components);
        return root;
    }

    /** Each lambda-invoke component of the context that exists already (none is created by looking), by name. */
    private Map<String, List<ClientStatus>> components() {
        CamelContext context = getCamelContext();
        Map<String, List<ClientStatus>> found = new TreeMap<>();
        for (String name : context.getComponentNames()) {
            Component component = context.hasComponent(name);
            if (component instanceof LambdaInvokeComponent lambda) {
                found.put(name, lambda.getClients().status());
            }
        }
        return found;
    }
}
