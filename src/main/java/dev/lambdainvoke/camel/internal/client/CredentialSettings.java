package dev.lambdainvoke.camel.internal.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lambdainvoke.camel.LambdaInvokeConfiguration;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;

/**
 * Where an endpoint's credentials come from: one base source (static keys, a profile, the EC2 instance role or the SDK's
 * default chain), optionally a role assumed with it. Part of a client's identity; never prints a secret.
 */
public final class CredentialSettings {

    /** The base sources, in the SPEC's order of precedence (only one may be configured). */
    public enum Base {
        STATIC_KEYS, PROFILE, EC2_ROLE, DEFAULT_CHAIN
    }

    private final Base base;
    private final StaticKeys staticKeys;
    private final String profile;
    private final RoleAssumption role;

    private CredentialSettings(Base base, StaticKeys staticKeys, String profile, RoleAssumption role) {
        this.base = base;
        this.staticKeys = staticKeys;
        this.profile = profile;
        this.role = role;
    }

    /**
     * Reads and checks the credential options. Half-given settings, two base sources at once, a malformed role and a
     * profile the files do not have fail with a message naming the options (never their secret values).
     */
    static CredentialSettings of(LambdaInvokeConfiguration config) {
        StaticKeys keys = StaticKeys.of(config);
        String profile = config.getProfile() == null || config.getProfile().isBlank() ? null : config.getProfile().trim();
        rejectTwoBaseSources(keys != null, profile != null, config.isUseEc2Role());
        RoleAssumption role = RoleAssumption.of(config);
        if (keys != null) {
            return new CredentialSettings(Base.STATIC_KEYS, keys, null, role);
        }
        if (profile != null) {
            requireProfile(profile);
            return new CredentialSettings(Base.PROFILE, null, profile, role);
        }
        return new CredentialSettings(config.isUseEc2Role() ? Base.EC2_ROLE : Base.DEFAULT_CHAIN, null, null, role);
    }

    /**
     * Gives an endpoint's own base source precedence over a different one it inherited: before the endpoint's URI
     * parameters are applied to {@code inherited}, the inherited options of every other source are cleared. Static keys
     * stay one source across the two levels (an endpoint may add the {@code secretKey} to a component's
     * {@code accessKey}). Two sources on the same level are still caught by {@link #of}.
     */
    public static void replaceInheritedBase(LambdaInvokeConfiguration inherited, Map<String, Object> endpointParameters) {
        boolean keys = isSet(endpointParameters, "accessKey") || isSet(endpointParameters, "secretKey")
                || isSet(endpointParameters, "sessionToken");
        boolean profile = isSet(endpointParameters, "profile");
        // useEc2Role=false chooses no source: it only turns off an inherited EC2 role
        boolean ec2Role = "true".equalsIgnoreCase(String.valueOf(value(endpointParameters, "useEc2Role")).trim());
        if (profile || ec2Role) {
            inherited.setAccessKey(null);
            inherited.setSecretKey(null);
            inherited.setSessionToken(null);
        }
        if (keys || ec2Role) {
            inherited.setProfile(null);
        }
        if (keys || profile) {
            inherited.setUseEc2Role(false);
        }
    }

    private static boolean isSet(Map<String, Object> parameters, String option) {
        Object value = value(parameters, option);
        return value != null && !value.toString().isBlank();
    }

    /** The parameter's value; option names are matched ignoring case, as Camel binds them. */
    private static Object value(Map<String, Object> parameters, String option) {
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            if (option.equalsIgnoreCase(parameter.getKey())) {
                return parameter.getValue();
            }
        }
        return null;
    }

    /** A silent precedence would hide a mistake (which of the two did the user mean?): two sources is an error. */
    private static void rejectTwoBaseSources(boolean keys, boolean profile, boolean ec2Role) {
        List<String> given = new ArrayList<>();
        if (keys) {
            given.add("'accessKey'/'secretKey'");
        }
        if (profile) {
            given.add("'profile'");
        }
        if (ec2Role) {
            given.add("'useEc2Role'");
        }
        if (given.size() > 1) {
            throw new IllegalArgumentException("Options " + String.join(" and ", given) + " each choose the base "
                                               + "credentials: set only one of them (roleArn may be added to any)");
        }
    }

    /** Fails now, naming the profile, rather than at the first invocation. */
    private static void requireProfile(String name) {
        ProfileFile files = ProfileFile.defaultProfileFile();
        if (files.profile(name).isEmpty()) {
            throw new IllegalArgumentException("Option 'profile' names profile '" + name + "', which the shared AWS "
                                               + "files do not have (config: " + location(true) + ", credentials: "
                                               + location(false) + ")");
        }
    }

    private static String location(boolean config) {
        Path path = config ? ProfileFileLocation.configurationFilePath() : ProfileFileLocation.credentialsFilePath();
        return Files.isRegularFile(path) ? path.toString() : path + " (missing)";
    }

    public Base base() {
        return base;
    }

    /** The static keys with {@link Base#STATIC_KEYS}, else null. */
    StaticKeys staticKeys() {
        return staticKeys;
    }

    /** The profile name with {@link Base#PROFILE}, else null. */
    public String profile() {
        return profile;
    }

    /** The role to assume, or null. */
    public RoleAssumption role() {
        return role;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CredentialSettings c && base == c.base && Objects.equals(staticKeys, c.staticKeys)
                && Objects.equals(profile, c.profile) && Objects.equals(role, c.role);
    }

    @Override
    public int hashCode() {
        return Objects.hash(base, staticKeys, profile, role);
    }

    @Override
    public String toString() {
        String source = switch (base) {
            case STATIC_KEYS -> staticKeys.toString();
            case PROFILE -> "profile '" + profile + "'";
            case EC2_ROLE -> "EC2 instance role";
            case DEFAULT_CHAIN -> "default chain";
        };
        return role == null ? source : source + ", then " + role;
    }
}
