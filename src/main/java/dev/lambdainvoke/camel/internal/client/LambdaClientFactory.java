package dev.lambdainvoke.camel.internal.client;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

import dev.lambdainvoke.camel.internal.client.CredentialsFactory.OwnedCredentials;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaAsyncClientBuilder;

/**
 * Builds an SDK client from {@link ClientSettings}, on Netty or on CRT ({@code httpClient}). TLS certificates are always
 * verified, with the HTTP client's default trust (the JVM's for Netty, the operating system's for CRT): there is no option
 * to turn that off.
 */
final class LambdaClientFactory {

    // An overridden endpoint (LocalLambda, LocalStack, tests) still needs a region to sign with.
    private static final Region REGION_FOR_OVERRIDDEN_ENDPOINT = Region.US_EAST_1;

    private final CredentialsFactory credentialsFactory = new CredentialsFactory();

    /**
     * A built client and the credentials built for it, closed together. {@code closeEndsCallsInFlight}: whether closing
     * the client fails its calls in flight (Netty does; CRT lets them run until Lambda answers).
     */
    record Built(LambdaAsyncClient client, OwnedCredentials credentials, boolean closeEndsCallsInFlight) {
        void close() {
            client.close();
            credentials.close();
        }
    }

    /**
     * @param eventLoops  the shared Netty I/O threads, asked for only when the client runs on Netty (CRT has native event
     *                    loops of its own)
     * @param completions where the client completes its calls, and so where the route goes on: never an I/O thread
     */
    Built build(ClientSettings settings, Supplier<SdkEventLoopGroup> eventLoops, Executor completions) {
        boolean crt = settings.httpClient() == HttpClientKind.CRT;
        if (crt) {
            CrtRequirement.check(CrtRequirement.visibleTo(LambdaClientFactory.class.getClassLoader()));
        }
        SdkAsyncHttpClient.Builder<?> http = crt ? CrtHttpClients.builder(settings) : netty(settings, eventLoops.get());

        Region region = region(settings);
        OwnedCredentials credentials = credentialsFactory.build(settings.credentials(), region, settings.proxy(),
                settings.connectTimeout());
        LambdaAsyncClientBuilder builder = LambdaAsyncClient.builder()
                .httpClientBuilder(http)
                .credentialsProvider(credentials.provider())
                // Camel's redelivery is the one retry policy: the SDK never retries on its own
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry())
                        .apiCallTimeout(settings.timeout()))
                .asyncConfiguration(c -> c.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR,
                        completions));
        if (region != null) {
            builder.region(region);
        }
        if (settings.endpointOverride() != null) {
            builder.endpointOverride(settings.endpointOverride());
        }
        try {
            return new Built(builder.build(), credentials, !crt);
        } catch (RuntimeException e) {
            credentials.close();
            if (e instanceof SdkClientException && region == null) {
                throw new IllegalArgumentException("No AWS region: set option 'region' (or AWS_REGION / a profile region)",
                        e);
            }
            throw e;
        }
    }

    private static NettyNioAsyncHttpClient.Builder netty(ClientSettings settings, SdkEventLoopGroup eventLoops) {
        return TcpKeepAlive.onNetty(NettyNioAsyncHttpClient.builder())
                .eventLoopGroup(eventLoops)
                // the gate keeps calls at or below maxConcurrency, so a connection is always free for a started call
                .maxConcurrency(settings.maxConcurrency())
                .connectionAcquisitionTimeout(settings.timeout())
                .connectionTimeout(settings.connectTimeout())
                // a function may legitimately answer after minutes: the socket must wait as long as the invocation may
                .readTimeout(settings.timeout())
                .proxyConfiguration(ProxySettings.forNetty(settings.proxy()));
    }

    private static Region region(ClientSettings settings) {
        if (settings.region() != null) {
            return Region.of(settings.region());
        }
        String profileRegion = profileRegion(settings.credentials().profile());
        if (profileRegion != null) {
            return Region.of(profileRegion); // a profile's region belongs with its credentials
        }
        if (settings.endpointOverride() == null) {
            return null; // the SDK's own chain decides
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            return REGION_FOR_OVERRIDDEN_ENDPOINT;
        }
    }

    private static String profileRegion(String profile) {
        if (profile == null) {
            return null;
        }
        return ProfileFile.defaultProfileFile().profile(profile).flatMap(p -> p.property(ProfileProperty.REGION))
                .filter(r -> !r.isBlank()).orElse(null);
    }
}
