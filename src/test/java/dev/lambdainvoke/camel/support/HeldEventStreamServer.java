package dev.lambdainvoke.camel.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Lambda whose streamed answers stay open: each request (any number at once, each on a thread of its own) gets the
 * answer head and its first PayloadChunk at once, then waits for {@link #release()} before its second chunk and the
 * final event. {@link #events()} records, in order, {@code arrived N} and {@code ended N} (when the final event of
 * request N has been written).
 */
public final class HeldEventStreamServer implements AutoCloseable {

    private final ServerSocket server;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    public HeldEventStreamServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "held-event-stream-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Lets every held stream (and every later one) finish. */
    public void release() {
        release.countDown();
    }

    public List<String> events() {
        return List.copyOf(events);
    }

    public long arrived() {
        return events.stream().filter(e -> e.startsWith("arrived")).count();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                Thread answer = new Thread(() -> answer(socket), "held-event-stream-answer");
                answer.setDaemon(true);
                answer.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Answers the requests of one connection in turn (the SDK reuses connections). */
    private void answer(Socket socket) {
        try (socket) {
            while (true) {
                GeneratedEventStreamServer.readRequest(socket.getInputStream());
                int number;
                synchronized (events) {
                    number = (int) arrived() + 1;
                    events.add("arrived " + number);
                }
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + EventStreamFrames.CONTENT_TYPE
                           + "\r\nx-amzn-RequestId: held-" + number + "\r\nX-Amz-Executed-Version: $LATEST\r\n"
                           + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                GeneratedEventStreamServer.writeChunk(out, EventStreamFrames.chunkFrame(bytes("first-" + number + ";")));
                out.flush();
                if (!release.await(30, TimeUnit.SECONDS)) {
                    return; // a test that forgot to release: give up rather than hang
                }
                GeneratedEventStreamServer.writeChunk(out, EventStreamFrames.chunkFrame(bytes("last-" + number)));
                GeneratedEventStreamServer.writeChunk(out, EventStreamFrames.completeFrame(null, null, null));
                events.add("ended " + number);
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException | InterruptedException gone) {
            // the client closed the connection, or the server is closing
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        release();
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }
}
