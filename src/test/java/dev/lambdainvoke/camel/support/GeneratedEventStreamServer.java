package dev.lambdainvoke.camel.support;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;

/**
 * A Lambda that streams a large answer it generates as it goes (no stub body held in memory): one HTTP/1.1 connection
 * at a time on 127.0.0.1, answering any request with {@code chunks} PayloadChunk events of {@code chunkSize} bytes
 * (byte {@code i} of the whole stream is {@code (byte) i}) and the final event. {@code afterChunk} is called with the
 * bytes written so far after each chunk, on the server's thread, while the stream waits.
 */
public final class GeneratedEventStreamServer implements AutoCloseable {

    private final ServerSocket server;
    private final Thread thread;

    public GeneratedEventStreamServer(int chunks, int chunkSize, LongConsumer afterChunk) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(chunks, chunkSize, afterChunk), "generated-event-stream");
        thread.setDaemon(true);
        thread.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    private void serve(int chunks, int chunkSize, LongConsumer afterChunk) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                readRequest(socket.getInputStream());
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 256 * 1024);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + EventStreamFrames.CONTENT_TYPE
                           + "\r\nx-amzn-RequestId: generated-1\r\nX-Amz-Executed-Version: $LATEST\r\n"
                           + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                byte[] payload = new byte[chunkSize];
                long written = 0;
                for (int c = 0; c < chunks; c++) {
                    for (int i = 0; i < chunkSize; i++) {
                        payload[i] = (byte) (written + i);
                    }
                    writeChunk(out, EventStreamFrames.chunkFrame(payload));
                    written += chunkSize;
                    afterChunk.accept(written);
                }
                writeChunk(out, EventStreamFrames.completeFrame(null, null, null));
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closed) {
                // the server closed, or the client went away: wait for the next connection
            }
        }
    }

    static void writeChunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads the request head and its Content-Length body, so that the client sees its request taken. */
    static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request cut");
            }
            head.append((char) b);
        }
        long length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Long.parseLong(line.substring("content-length:".length()).trim());
            }
        }
        in.readNBytes((int) length);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
