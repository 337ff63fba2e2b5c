package dev.lambdainvoke.camel.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate for {@code localhost} and {@code 127.0.0.1} (self-signed, made once per JVM with the JDK's keytool), for
 * WireMock servers that speak HTTPS, and a way to make the JVM trust it for the length of a test: the component has no
 * trust switch, so tests trust a certificate the way users trust a private CA, through the JVM's trust store.
 */
public final class LocalhostTls {

    public static final String PASSWORD = "password";
    private static LocalhostTls instance;

    private final Path keystore;
    private final Path truststore;

    private LocalhostTls(Path keystore, Path truststore) {
        this.keystore = keystore;
        this.truststore = truststore;
    }

    public static synchronized LocalhostTls get() {
        if (instance == null) {
            instance = create();
        }
        return instance;
    }

    /** PKCS12 key store with the key and certificate, password {@link #PASSWORD}: WireMock's keystorePath. */
    public Path keystore() {
        return keystore;
    }

    /**
     * Makes new TLS clients of this JVM trust the certificate (and nothing else) until closed. The SDK's clients read the
     * JVM trust store when they are built, so build them (start the route) inside.
     */
    public SystemProperties trustedByTheJvm() {
        return SystemProperties.set("javax.net.ssl.trustStore", truststore.toString())
                .and("javax.net.ssl.trustStorePassword", PASSWORD)
                .and("javax.net.ssl.trustStoreType", "PKCS12");
    }

    private static LocalhostTls create() {
        try {
            Path dir = Files.createTempDirectory("lambda-invoke-tls");
            Path keystore = dir.resolve("localhost.p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "localhost", "-keyalg", "RSA",
                    "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                    "-ext", "san=dns:localhost,ip:127.0.0.1", "-keystore", keystore.toString(),
                    "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                keys.load(in, PASSWORD.toCharArray());
            }
            Certificate certificate = keys.getCertificate("localhost");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("localhost", certificate);
            Path truststore = dir.resolve("trust.p12");
            try (OutputStream out = Files.newOutputStream(truststore)) {
                trust.store(out, PASSWORD.toCharArray());
            }
            for (Path file : List.of(dir, keystore, truststore)) { // deleted in reverse: the folder last
                file.toFile().deleteOnExit();
            }
            return new LocalhostTls(keystore, truststore);
        } catch (IOException e) {
            throw new UncheckedIOException("creating the localhost certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("creating the localhost certificate", e);
        }
    }
}
