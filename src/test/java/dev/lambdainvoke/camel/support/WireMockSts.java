package dev.lambdainvoke.camel.support;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** A WireMock server on 127.0.0.1 answering STS AssumeRole (query protocol, XML) with the credentials a test chooses. */
public final class WireMockSts implements AutoCloseable {

    private final WireMockServer server;

    public WireMockSts() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().jettyAcceptors(1));
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public WireMockServer server() {
        return server;
    }

    /** Matches AssumeRole calls. */
    public static MappingBuilder assumeRole() {
        return WireMock.post(WireMock.urlPathEqualTo("/")).withRequestBody(WireMock.containing("Action=AssumeRole"));
    }

    /** STS's answer with these credentials, expiring {@code validFor} after the request. */
    public static ResponseDefinitionBuilder credentials(String accessKeyId, String secretKey, String sessionToken,
                                                        Duration validFor) {
        return WireMock.aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                .withTransformers("response-template")
                .withBody("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                          + "<Credentials><AccessKeyId>" + accessKeyId + "</AccessKeyId><SecretAccessKey>" + secretKey
                          + "</SecretAccessKey><SessionToken>" + sessionToken + "</SessionToken><Expiration>"
                          + "{{now offset='" + validFor.toSeconds() + " seconds'}}</Expiration></Credentials>"
                          + "<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/test/session</Arn>"
                          + "<AssumedRoleId>AROATEST:session</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>"
                          + "<ResponseMetadata><RequestId>sts-req-1</RequestId></ResponseMetadata></AssumeRoleResponse>");
    }

    /** STS's error answer, e.g. 403 AccessDenied. */
    public static ResponseDefinitionBuilder error(int status, String code, String message) {
        return WireMock.aResponse().withStatus(status).withHeader("Content-Type", "text/xml")
                .withBody("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                          + "<Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                          + "<RequestId>sts-err-1</RequestId></ErrorResponse>");
    }

    public void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    /** The AssumeRole calls received, oldest first. */
    public List<LoggedRequest> assumeRoleCalls() {
        return server.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(r -> r.getBodyAsString().contains("Action=AssumeRole")).sorted(
                        (a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate())).toList();
    }

    /** The form parameters of a query-protocol call (RoleArn, RoleSessionName, ExternalId, ...). */
    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    public void reset() {
        server.resetAll();
    }

    @Override
    public void close() {
        server.stop();
    }
}
