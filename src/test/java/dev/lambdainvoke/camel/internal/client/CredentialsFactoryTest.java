package dev.lambdainvoke.camel.internal.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.lambdainvoke.camel.LambdaInvokeConfiguration;
import dev.lambdainvoke.camel.internal.client.CredentialsFactory.OwnedCredentials;
import dev.lambdainvoke.camel.support.SystemProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider each setting builds, in the SPEC's order, and that everything built is owned, so closed with the client:
 * the STS provider, the STS client (which its provider never closes) and the base provider.
 */
class CredentialsFactoryTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/r";

    private final CredentialsFactory factory = new CredentialsFactory();

    @Test
    void staticKeysNeedNothingClosed() {
        try (OwnedCredentials credentials = build(c -> {
            c.setAccessKey("AKIDEXAMPLE");
            c.setSecretKey("secret");
        })) {
            assertThat(credentials.provider()).isInstanceOf(StaticCredentialsProvider.class);
            assertThat(credentials.owned()).isEmpty();
            assertThat(credentials.provider().resolveCredentials().accessKeyId()).isEqualTo("AKIDEXAMPLE");
        }
    }

    @Test
    void eachBaseSourceBuildsItsProviderAndOwnsIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("credentials"), "[p]\naws_access_key_id = A\naws_secret_access_key = s\n");
        try (SystemProperties files = SystemProperties.set("aws.sharedCredentialsFile", file.toString())
                .and("aws.configFile", dir.resolve("none").toString())) {
            assertOwnsOnlyItsProvider(c -> c.setProfile("p"), ProfileCredentialsProvider.class);
        }
        assertOwnsOnlyItsProvider(c -> c.setUseEc2Role(true), InstanceProfileCredentialsProvider.class);
        assertOwnsOnlyItsProvider(c -> {
        }, DefaultCredentialsProvider.class);
    }

    @Test
    void aRoleOwnsItsProviderItsStsClientAndTheBaseProviderInClosingOrder() {
        try (OwnedCredentials credentials = build(c -> {
            c.setUseEc2Role(true);
            c.setRoleArn(ROLE);
            c.setStsEndpointOverride("http://127.0.0.1:1");
        })) {
            assertThat(credentials.provider()).isInstanceOf(StsAssumeRoleCredentialsProvider.class);
            assertThat(credentials.owned()).hasSize(3);
            assertThat(credentials.owned().get(0)).isSameAs(credentials.provider());
            assertThat(credentials.owned().get(1)).isInstanceOf(StsClient.class);
            assertThat(credentials.owned().get(2)).isInstanceOf(InstanceProfileCredentialsProvider.class);
        }
    }

    @Test
    void closingClosesEveryOwnedResourceEvenWhenOneFails() {
        List<String> closed = new ArrayList<>();
        SdkAutoCloseable failing = () -> {
            closed.add("failing");
            throw new IllegalStateException("boom");
        };
        OwnedCredentials credentials = new OwnedCredentials(null, List.of(() -> closed.add("first"), failing,
                () -> closed.add("last")));

        credentials.close();

        assertThat(closed).containsExactly("first", "failing", "last");
    }

    private void assertOwnsOnlyItsProvider(Consumer<LambdaInvokeConfiguration> adjust,
                                           Class<? extends AwsCredentialsProvider> type) {
        try (OwnedCredentials credentials = build(adjust)) {
            assertThat(credentials.provider()).isInstanceOf(type);
            assertThat(credentials.owned()).containsExactly((SdkAutoCloseable) credentials.provider());
        }
    }

    private OwnedCredentials build(Consumer<LambdaInvokeConfiguration> adjust) {
        LambdaInvokeConfiguration config = new LambdaInvokeConfiguration();
        adjust.accept(config);
        return factory.build(CredentialSettings.of(config), Region.US_EAST_1, null, Duration.ofSeconds(2));
    }
}
