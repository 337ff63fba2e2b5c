package dev.lambdainvoke.local;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/** One HTTP answer of the host: status, headers and body, written with the headers every Lambda answer carries. */
final class HttpAnswer {

    private static final byte[] NO_BODY = new byte[0];

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;

    private HttpAnswer(int status, byte[] body) {
        this.status = status;
        this.body = body;
    }

    static HttpAnswer of(int status, byte[] body) {
        return new HttpAnswer(status, body == null ? NO_BODY : body);
    }

    static HttpAnswer empty(int status) {
        return new HttpAnswer(status, NO_BODY);
    }

    static HttpAnswer error(LambdaApiError error) {
        byte[] body;
        try {
            body = LambdaJson.PLAIN.writeValueAsBytes(error.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("error body of plain strings cannot fail to serialize", e);
        }
        HttpAnswer answer = new HttpAnswer(error.status(), body).header("x-amzn-ErrorType", error.code());
        error.extraHeaders().forEach(answer::header);
        return answer;
    }

    HttpAnswer header(String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
        return this;
    }

    int status() {
        return status;
    }

    void send(HttpExchange exchange, String requestId) throws IOException {
        Headers out = exchange.getResponseHeaders();
        out.set("x-amzn-RequestId", requestId);
        out.set("Content-Type", "application/json");
        headers.forEach(out::set);
        // -1: no body at all (required for 204, and what 202 carries)
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(body);
            }
        }
    }
}
