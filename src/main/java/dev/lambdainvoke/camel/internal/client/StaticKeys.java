package dev.lambdainvoke.camel.internal.client;

import java.util.Objects;

import dev.lambdainvoke.camel.LambdaInvokeConfiguration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** Static credentials from the accessKey / secretKey / sessionToken options. Never printed. */
public final class StaticKeys {

    private final String accessKey;
    private final String secretKey;
    private final String sessionToken;

    private StaticKeys(String accessKey, String secretKey, String sessionToken) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.sessionToken = sessionToken;
    }

    /** The keys, null when none are set; half-given keys fail naming the missing option. */
    static StaticKeys of(LambdaInvokeConfiguration config) {
        boolean access = notBlank(config.getAccessKey());
        boolean secret = notBlank(config.getSecretKey());
        boolean token = notBlank(config.getSessionToken());
        if (access != secret) {
            throw new IllegalArgumentException(access
                    ? "Option 'accessKey' is set but 'secretKey' is missing: static credentials need both"
                    : "Option 'secretKey' is set but 'accessKey' is missing: static credentials need both");
        }
        if (token && !access) {
            throw new IllegalArgumentException(
                    "Option 'sessionToken' is set without 'accessKey' and 'secretKey': a session token needs both");
        }
        return access ? new StaticKeys(config.getAccessKey(), config.getSecretKey(),
                token ? config.getSessionToken() : null) : null;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    AwsCredentials credentials() {
        return sessionToken == null
                ? AwsBasicCredentials.create(accessKey, secretKey)
                : AwsSessionCredentials.create(accessKey, secretKey, sessionToken);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StaticKeys && Objects.equals(accessKey, ((StaticKeys) o).accessKey)
                && Objects.equals(secretKey, ((StaticKeys) o).secretKey)
                && Objects.equals(sessionToken, ((StaticKeys) o).sessionToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKey, secretKey, sessionToken);
    }

    @Override
    public String toString() {
        return sessionToken == null ? "static keys (masked)" : "static session keys (masked)";
    }
}
