package dev.lambdainvoke.camel.support;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Which process listens on a TCP port of 127.0.0.1, from Linux's /proc (the socket's inode in /proc/net/tcp, then the
 * process holding it in /proc/[pid]/fd). Lets a test check that the server on "its" port is the process it started, and
 * not, say, a launcher's child or a stranger that took the port first.
 */
public final class ListeningProcess {

    private static final String LISTEN = "0A";

    private ListeningProcess() {
    }

    /** Whether this machine has the /proc files to look with. */
    public static boolean supported() {
        return Files.isReadable(Path.of("/proc/net/tcp"));
    }

    /** The PID listening on 127.0.0.1:port (or on all addresses), if /proc shows one this user may see. */
    public static OptionalLong of(int port) {
        String inode = listeningInode(port);
        if (inode == null) {
            return OptionalLong.empty();
        }
        String socket = "socket:[" + inode + "]";
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                if (holds(process, socket)) {
                    return OptionalLong.of(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    private static String listeningInode(int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/tcp"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                // f[1] local address (hex ip:port), f[3] state, f[9] inode
                boolean local = f[1].equals("0100007F" + hexPort) || f[1].equals("00000000" + hexPort);
                if (local && f[3].equals(LISTEN)) {
                    return f[9];
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static boolean holds(Path process, String socket) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    if (socket.equals(Files.readSymbolicLink(fd).toString())) {
                        return true;
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // closed meanwhile, or not ours to read
                }
            }
        } catch (IOException | SecurityException e) {
            return false;
        }
        return false;
    }
}
