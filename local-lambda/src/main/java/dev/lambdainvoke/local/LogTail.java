package dev.lambdainvoke.local;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** What {@code X-Amz-Log-Result} carries: the last 4 KB of an invocation's log, base64-encoded. */
final class LogTail {

    static final int MAX_BYTES = 4096;

    private LogTail() {
    }

    static String base64(String log) {
        return Base64.getEncoder().encodeToString(lastBytes(log));
    }

    /** At most {@link #MAX_BYTES} UTF-8 bytes from the end, starting on a character so the tail decodes cleanly. */
    static byte[] lastBytes(String log) {
        byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return bytes;
        }
        int start = bytes.length - MAX_BYTES;
        while (start < bytes.length && (bytes[start] & 0xC0) == 0x80) {
            start++; // a continuation byte: the character began before the cut
        }
        return Arrays.copyOfRange(bytes, start, bytes.length);
    }
}
