package dev.lambdainvoke.camel.internal;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.lambdainvoke.camel.internal.client.StreamedAnswer;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.converter.stream.FileInputStreamCache;
import org.apache.camel.converter.stream.InputStreamCache;
import org.apache.camel.spi.StreamCachingStrategy;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.FileUtil;

/**
 * A streamed answer kept for the exchange: in memory up to Camel's spool threshold, then in a file in Camel's spool
 * directory, whatever the context's stream caching says (Camel's own {@code CachedOutputStream} spools only where
 * stream caching is on, and it is off by default). The file is deleted when the exchange completes, however it ends.
 *
 * <p>Written by one thread at a time (the SDK hands over one event after the other), read once the stream has ended.
 */
public final class SpooledStreamBody implements StreamedAnswer.ChunkSink {

    private final Exchange exchange;
    private final long threshold;
    private final int bufferSize;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream fileOut;
    private long length;

    public SpooledStreamBody(Exchange exchange) {
        this.exchange = exchange;
        StreamCachingStrategy strategy = exchange.getContext().getStreamCachingStrategy();
        this.threshold = strategy.getSpoolThreshold() > 0 ? strategy.getSpoolThreshold() : StreamCache.DEFAULT_SPOOL_THRESHOLD;
        this.bufferSize = strategy.getBufferSize() > 0 ? strategy.getBufferSize() : 4096;
    }

    @Override
    public void write(ByteBuffer chunk) throws IOException {
        int size = chunk.remaining();
        length += size;
        if (fileOut == null && length > threshold) {
            spoolToFile();
        }
        OutputStream out = fileOut != null ? fileOut : memory;
        if (chunk.hasArray()) {
            out.write(chunk.array(), chunk.arrayOffset() + chunk.position(), size);
        } else {
            byte[] bytes = new byte[size];
            chunk.get(bytes);
            out.write(bytes);
        }
    }

    private void spoolToFile() throws IOException {
        file = Files.createTempFile(spoolDirectory(), "lambda-invoke-stream-", ".tmp");
        Path spooled = file;
        // registered before the first byte goes to disk, so that a stream that fails later leaves no file behind
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                FileUtil.deleteFile(spooled.toFile());
            }
        });
        fileOut = new BufferedOutputStream(Files.newOutputStream(spooled), Math.max(bufferSize, 64 * 1024));
        memory.writeTo(fileOut);
        memory = null;
    }

    /** The strategy's directory when stream caching has set one up; else Camel's default place, java.io.tmpdir/camel. */
    private Path spoolDirectory() throws IOException {
        File configured = exchange.getContext().getStreamCachingStrategy().getSpoolDirectory();
        Path directory = configured != null ? configured.toPath()
                : Path.of(System.getProperty("java.io.tmpdir"), "camel", "lambda-invoke");
        return Files.createDirectories(directory);
    }

    /** The bytes received, as the body: call once, after the stream has ended. */
    public StreamCache toStreamCache() throws IOException {
        if (fileOut == null) {
            return new InputStreamCache(memory.toByteArray());
        }
        fileOut.close();
        return new FileInputStreamCache(file.toFile());
    }

    /** Drops what was received (the stream failed, or its bytes are not the body); a file goes now. */
    public void discard() {
        memory = null;
        if (fileOut != null) {
            try {
                fileOut.close();
            } catch (IOException ignored) {
                // the file is deleted below either way
            }
            FileUtil.deleteFile(file.toFile());
        }
    }

    /** Bytes received so far. */
    public long length() {
        return length;
    }

    /** The bytes received as text, for a function error's details; empty once spooled to a file. */
    String textInMemory() {
        return memory == null ? "" : memory.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
