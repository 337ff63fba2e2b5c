package dev.lambdainvoke.camel.internal.mapping;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The error a function returned, read from the payload shapes the runtimes use: {@code errorType}, {@code errorMessage}
 * and {@code stackTrace} (Java, Python) or {@code trace} (Node.js). A payload of another shape leaves the fields null.
 */
public record FunctionErrorPayload(String errorType, String errorMessage, List<String> stackTrace) {

    public static FunctionErrorPayload parse(String payload) {
        Object json;
        try {
            json = JsonCodec.read(payload.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return new FunctionErrorPayload(null, null, List.of());
        }
        if (!(json instanceof Map)) {
            return new FunctionErrorPayload(null, null, List.of());
        }
        Map<?, ?> map = (Map<?, ?>) json;
        Object trace = map.containsKey("stackTrace") ? map.get("stackTrace") : map.get("trace");
        return new FunctionErrorPayload(text(map.get("errorType")), text(map.get("errorMessage")), lines(trace));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static List<String> lines(Object trace) {
        if (!(trace instanceof List)) {
            return Collections.emptyList();
        }
        List<String> lines = new ArrayList<>();
        for (Object line : (List<?>) trace) {
            lines.add(String.valueOf(line));
        }
        return lines;
    }
}
