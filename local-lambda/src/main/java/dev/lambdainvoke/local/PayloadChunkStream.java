package dev.lambdainvoke.local;

import java.io.IOException;
import java.io.OutputStream;

/**
 * What a streaming handler writes to: its bytes leave as {@code PayloadChunk} events, a chunk whenever
 * {@value #CHUNK_BYTES} bytes are pending or the handler flushes, so the caller sees them while the handler runs. The
 * answer's head is sent before the first event (late, so that an error found before the handler runs can still answer
 * with its own status). {@link #finish} writes what is pending and the final event; after it every write fails, which
 * stops a handler that runs on past its timeout from writing into the answer.
 */
final class PayloadChunkStream extends OutputStream {

    static final int CHUNK_BYTES = 32 * 1024;

    /** Sends the answer's head and gives the stream its body goes to. */
    @FunctionalInterface
    interface Head {
        OutputStream send() throws IOException;
    }

    private final Head head;
    private final byte[] pending = new byte[CHUNK_BYTES];
    private int pendingLength;
    private OutputStream body;
    private boolean sealed;
    private boolean finished;

    PayloadChunkStream(Head head) {
        this.head = head;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        checkOpen();
        while (length > 0) {
            int room = Math.min(length, CHUNK_BYTES - pendingLength);
            System.arraycopy(bytes, offset, pending, pendingLength, room);
            pendingLength += room;
            offset += room;
            length -= room;
            if (pendingLength == CHUNK_BYTES) {
                sendPending();
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        checkOpen();
        sendPending();
    }

    /** A handler closing its output ends nothing: the invocation ends when the handler returns. */
    @Override
    public void close() throws IOException {
        if (!isSealed()) {
            flush();
        }
    }

    /**
     * Refuses the handler's further writes: called when its timeout ends the invocation, before its thread is
     * interrupted, so nothing it writes afterwards reaches the caller.
     */
    synchronized void seal() {
        sealed = true;
    }

    /** Sends what is pending and then {@code finalEvent}, and ends the answer. */
    synchronized void finish(byte[] finalEvent) throws IOException {
        if (finished) {
            throw new IOException("the response stream has ended already");
        }
        sealed = true;
        finished = true;
        sendPending();
        OutputStream out = body();
        out.write(finalEvent);
        out.close();
    }

    /** Whether the answer's head has gone: after it, a failure can only cut the stream. */
    synchronized boolean headSent() {
        return body != null;
    }

    private synchronized boolean isSealed() {
        return sealed;
    }

    private void sendPending() throws IOException {
        if (pendingLength == 0) {
            return;
        }
        OutputStream out = body();
        out.write(EventStreamFrame.payloadChunk(pending, 0, pendingLength));
        out.flush(); // one HTTP chunk per event: the caller reads it now
        pendingLength = 0;
    }

    private OutputStream body() throws IOException {
        if (body == null) {
            body = head.send();
        }
        return body;
    }

    private void checkOpen() throws IOException {
        if (sealed) {
            throw new IOException("the invocation has ended: its response stream is closed");
        }
    }
}
