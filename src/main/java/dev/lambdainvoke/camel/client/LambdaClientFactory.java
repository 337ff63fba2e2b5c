package dev.lambdainvoke.camel.client;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaAsyncClientBuilder;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** Builds an SDK client from {@link ClientSettings}. */
final class LambdaClientFactory {

    // An overridden endpoint (LocalLambda, LocalStack, tests) still needs a region to sign with.
    private static final Region REGION_FOR_OVERRIDDEN_ENDPOINT = Region.US_EAST_1;

    /** A built client and what must be closed with it. */
    record Built(LambdaAsyncClient client, SdkAutoCloseable credentials) {
        void close() {
            client.close();
            if (credentials != null) {
                credentials.close();
            }
        }
    }

    Built build(ClientSettings settings, SdkEventLoopGroup eventLoops) {
        NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder()
                .eventLoopGroup(eventLoops)
                // the gate keeps calls at or below maxConcurrency, so a connection is always free for a started call
                .maxConcurrency(settings.maxConcurrency())
                .connectionAcquisitionTimeout(settings.timeout())
                .connectionTimeout(settings.connectTimeout())
                // a function may legitimately answer after minutes: the socket must wait as long as the invocation may
                .readTimeout(settings.timeout())
                .tcpKeepAlive(true);

        AwsCredentialsProvider credentials = credentials(settings);
        LambdaAsyncClientBuilder builder = LambdaAsyncClient.builder()
                .httpClientBuilder(http)
                .credentialsProvider(credentials)
                // Camel's redelivery is the one retry policy: the SDK never retries on its own
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry())
                        .apiCallTimeout(settings.timeout()));
        Region region = region(settings);
        if (region != null) {
            builder.region(region);
        }
        if (settings.endpointOverride() != null) {
            builder.endpointOverride(settings.endpointOverride());
        }
        try {
            LambdaAsyncClient client = builder.build();
            return new Built(client, credentials instanceof SdkAutoCloseable ? (SdkAutoCloseable) credentials : null);
        } catch (SdkClientException e) {
            if (credentials instanceof SdkAutoCloseable) {
                ((SdkAutoCloseable) credentials).close();
            }
            if (region == null) {
                throw new IllegalArgumentException("No AWS region: set option 'region' (or AWS_REGION / a profile region)",
                        e);
            }
            throw e;
        }
    }

    private static Region region(ClientSettings settings) {
        if (settings.region() != null) {
            return Region.of(settings.region());
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

    private static AwsCredentialsProvider credentials(ClientSettings settings) {
        if (settings.staticKeys() != null) {
            return StaticCredentialsProvider.create(settings.staticKeys().credentials());
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
