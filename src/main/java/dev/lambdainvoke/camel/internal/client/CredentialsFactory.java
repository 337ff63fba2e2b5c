package dev.lambdainvoke.camel.internal.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** Builds the credentials provider that {@link CredentialSettings} describe, owning what it built. */
final class CredentialsFactory {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialsFactory.class);
    // an STS answer is small and quick; a stuck STS must not hold a refresh for the Lambda timeout (up to 15 min)
    private static final Duration STS_READ_TIMEOUT = Duration.ofSeconds(30);

    /**
     * A provider and every SDK resource built for it (providers, the STS client), closed together, most dependent
     * first. SDK clients never close a provider they were given, so this does.
     */
    record OwnedCredentials(AwsCredentialsProvider provider, List<SdkAutoCloseable> owned) implements SdkAutoCloseable {
        @Override
        public void close() {
            for (SdkAutoCloseable resource : owned) {
                try {
                    resource.close();
                } catch (RuntimeException e) {
                    LOG.warn("Closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
                }
            }
        }
    }

    /**
     * @param region the Lambda client's region, also STS's; null leaves STS to the SDK's region chain
     * @param proxy  the proxy for STS calls, or null for the JVM's proxy properties
     */
    OwnedCredentials build(CredentialSettings settings, Region region, ProxySettings proxy, Duration connectTimeout) {
        List<SdkAutoCloseable> owned = new ArrayList<>();
        AwsCredentialsProvider base = base(settings);
        if (base instanceof SdkAutoCloseable closeable) {
            owned.add(closeable);
        }
        RoleAssumption role = settings.role();
        if (role == null) {
            return new OwnedCredentials(base, List.copyOf(owned));
        }
        try {
            StsClient sts = stsClient(base, role, region, proxy, connectTimeout);
            owned.add(0, sts);
            StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(sts)
                    .refreshRequest(r -> r.roleArn(role.roleArn()).roleSessionName(role.sessionName())
                            .externalId(role.externalId()))
                    // refresh on the provider's own thread, ahead of expiry (its prefetch time, 5 min by default), so
                    // that no invocation waits for STS once the first credentials are in
                    .asyncCredentialUpdateEnabled(true)
                    .build();
            owned.add(0, assumed);
            return new OwnedCredentials(assumed, List.copyOf(owned));
        } catch (RuntimeException e) {
            new OwnedCredentials(base, owned).close();
            throw e;
        }
    }

    /** The base source; only one is ever configured (CredentialSettings rejects two). */
    private static AwsCredentialsProvider base(CredentialSettings settings) {
        return switch (settings.base()) {
            case STATIC_KEYS -> StaticCredentialsProvider.create(settings.staticKeys().credentials());
            case PROFILE -> ProfileCredentialsProvider.builder().profileName(settings.profile()).build();
            case EC2_ROLE -> InstanceProfileCredentialsProvider.builder().asyncCredentialUpdateEnabled(true).build();
            case DEFAULT_CHAIN -> DefaultCredentialsProvider.builder().build();
        };
    }

    private static StsClient stsClient(AwsCredentialsProvider base, RoleAssumption role, Region region,
                                       ProxySettings proxy, Duration connectTimeout) {
        UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder()
                .connectionTimeout(connectTimeout)
                .socketTimeout(STS_READ_TIMEOUT)
                .proxyConfiguration(ProxySettings.forUrlConnection(proxy));
        StsClientBuilder sts = StsClient.builder().httpClientBuilder(http).credentialsProvider(base);
        if (region != null) {
            sts.region(region);
        }
        if (role.stsEndpoint() != null) {
            sts.endpointOverride(role.stsEndpoint()); // STS's own override: the Lambda one never applies here
        }
        try {
            return sts.build();
        } catch (SdkClientException e) {
            if (region == null) {
                throw new IllegalArgumentException("No AWS region for STS (roleArn): set option 'region' (or AWS_REGION "
                                                   + "/ a profile region)", e);
            }
            throw e;
        }
    }
}
