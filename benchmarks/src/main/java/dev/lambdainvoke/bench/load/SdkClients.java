package dev.lambdainvoke.bench.load;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The SDK clients the benchmark builds itself: the raw async client of (a), lambda-invoke's client when it runs on CRT,
 * and the blocking client given to aws2-lambda in (c). All allow as many connections as invocations in flight, and none
 * retries, as lambda-invoke's own client.
 */
final class SdkClients {

    private static final Duration GENEROUS = Duration.ofMinutes(2);

    private SdkClients() {
    }

    static LambdaAsyncClient async(Http http, URI stub, int concurrency) {
        var builder = LambdaAsyncClient.builder()
                .endpointOverride(stub)
                .region(Region.of(BenchRequest.REGION))
                .credentialsProvider(credentials())
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()).apiCallTimeout(GENEROUS));
        if (http == Http.CRT) {
            builder.httpClientBuilder(AwsCrtAsyncHttpClient.builder().maxConcurrency(concurrency)
                    .connectionAcquisitionTimeout(GENEROUS));
        } else {
            builder.httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(concurrency)
                    .connectionAcquisitionTimeout(GENEROUS).readTimeout(GENEROUS).tcpKeepAlive(true));
        }
        return builder.build();
    }

    /** aws2-lambda's default client allows 50 connections; (c) gets as many as it has threads. */
    static LambdaClient blocking(URI stub, int concurrency) {
        return LambdaClient.builder()
                .endpointOverride(stub)
                .region(Region.of(BenchRequest.REGION))
                .credentialsProvider(credentials())
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(concurrency)
                        .connectionAcquisitionTimeout(GENEROUS).socketTimeout(GENEROUS))
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()).apiCallTimeout(GENEROUS))
                .build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(BenchRequest.ACCESS_KEY,
                BenchRequest.SECRET_KEY));
    }
}
