package dev.lambdainvoke.camel.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** What a request's SigV4 signature tells about the credentials that signed it. */
public final class SigV4 {

    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/[^/]+/([^/]+)/([^/]+)/");

    private SigV4() {
    }

    /** The access key id the request was signed with, or null when it is not signed. */
    public static String accessKeyId(LoggedRequest request) {
        return part(request, 1);
    }

    /** The region in the signature's scope, or null. */
    public static String region(LoggedRequest request) {
        return part(request, 2);
    }

    /** The service in the signature's scope (lambda, sts), or null. */
    public static String service(LoggedRequest request) {
        return part(request, 3);
    }

    /** The session token sent with temporary credentials, or null. */
    public static String sessionToken(LoggedRequest request) {
        return request.getHeader("X-Amz-Security-Token");
    }

    private static String part(LoggedRequest request, int group) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            return null;
        }
        Matcher m = CREDENTIAL.matcher(authorization);
        return m.find() ? m.group(group) : null;
    }
}
