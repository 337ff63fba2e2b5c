package dev.lambdainvoke.camel.internal.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.lambdainvoke.camel.LambdaInvokeConfiguration;

/** The role to assume through STS on top of the base credentials: roleArn and its companions, checked. */
public final class RoleAssumption {

    /** The session name when none is given; shows in CloudTrail as the assumed-role session. */
    public static final String DEFAULT_SESSION_NAME = "camel-lambda-invoke";

    // IAM's own rules: role ARN in any partition (aws, aws-cn, aws-us-gov, ...), path allowed before the name
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws(-[a-z]+)*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

    private final String roleArn;
    private final String externalId;
    private final String sessionName;
    private final URI stsEndpoint;

    private RoleAssumption(String roleArn, String externalId, String sessionName, URI stsEndpoint) {
        this.roleArn = roleArn;
        this.externalId = externalId;
        this.sessionName = sessionName;
        this.stsEndpoint = stsEndpoint;
    }

    /** The role to assume, or null without roleArn; a companion option without roleArn, or a malformed value, fails. */
    static RoleAssumption of(LambdaInvokeConfiguration config) {
        String arn = trimmed(config.getRoleArn());
        String externalId = trimmed(config.getRoleExternalId());
        String sessionName = trimmed(config.getRoleSessionName());
        String sts = trimmed(config.getStsEndpointOverride());
        if (arn == null) {
            List<String> orphans = new ArrayList<>();
            if (externalId != null) {
                orphans.add("'roleExternalId'");
            }
            if (sessionName != null) {
                orphans.add("'roleSessionName'");
            }
            if (sts != null) {
                orphans.add("'stsEndpointOverride'");
            }
            if (!orphans.isEmpty()) {
                boolean one = orphans.size() == 1;
                throw new IllegalArgumentException((one ? "Option " : "Options ") + String.join(" and ", orphans)
                                                   + (one ? " is" : " are") + " set without 'roleArn': "
                                                   + (one ? "it applies" : "they apply") + " only to role assumption");
            }
            return null;
        }
        if (!ROLE_ARN.matcher(arn).matches()) {
            throw new IllegalArgumentException("Option 'roleArn' must be an IAM role ARN like "
                                               + "arn:aws:iam::123456789012:role/name, was '" + arn + "'");
        }
        if (sessionName != null && !SESSION_NAME.matcher(sessionName).matches()) {
            throw new IllegalArgumentException("Option 'roleSessionName' must be 2 to 64 characters of letters, digits "
                                               + "and +=,.@_-, was '" + sessionName + "'");
        }
        if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            // the value is not echoed: it guards the role's trust policy
            throw new IllegalArgumentException("Option 'roleExternalId' must be 2 to 1224 characters of letters, digits "
                                               + "and +=,.@:/_-");
        }
        return new RoleAssumption(arn, externalId, sessionName == null ? DEFAULT_SESSION_NAME : sessionName,
                EndpointUris.parse(sts, "stsEndpointOverride"));
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String roleArn() {
        return roleArn;
    }

    /** The external id, or null. */
    public String externalId() {
        return externalId;
    }

    public String sessionName() {
        return sessionName;
    }

    /** The STS endpoint to call, or null for the region's own. */
    public URI stsEndpoint() {
        return stsEndpoint;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoleAssumption r && roleArn.equals(r.roleArn) && Objects.equals(externalId, r.externalId)
                && sessionName.equals(r.sessionName) && Objects.equals(stsEndpoint, r.stsEndpoint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(roleArn, externalId, sessionName, stsEndpoint);
    }

    @Override
    public String toString() {
        return "role " + roleArn + " (session " + sessionName + (externalId == null ? "" : ", external id set")
               + (stsEndpoint == null ? "" : ", STS at " + stsEndpoint) + ")";
    }
}
