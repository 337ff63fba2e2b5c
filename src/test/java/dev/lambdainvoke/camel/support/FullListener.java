package dev.lambdainvoke.camel.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A port on 127.0.0.1 where a TCP connect times out: a listener that never accepts, whose accept queue is filled until a
 * connect finds no room (Linux then drops the SYN, and the client waits for its connect timeout). For connect-timeout
 * tests without sending anything beyond loopback. Close it to free the port and the queued connections.
 */
public final class FullListener implements AutoCloseable {

    private static final int MAX_FILLERS = 64;

    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();

    private FullListener(ServerSocket server) {
        this.server = server;
    }

    public static FullListener open() throws IOException {
        FullListener listener = new FullListener(new ServerSocket(0, 1, InetAddress.getByName(Peers.HOST)));
        listener.fill();
        return listener;
    }

    private void fill() throws IOException {
        for (int i = 0; i < MAX_FILLERS; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(server.getLocalSocketAddress(), 300);
                fillers.add(socket);
            } catch (SocketTimeoutException full) {
                socket.close();
                return; // the queue is full: the next connect times out too
            }
        }
        close();
        throw new IllegalStateException("the accept queue of " + server + " never filled up");
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket socket : fillers) {
            socket.close();
        }
        server.close();
    }
}
