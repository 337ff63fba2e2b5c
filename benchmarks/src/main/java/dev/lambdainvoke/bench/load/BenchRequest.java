package dev.lambdainvoke.bench.load;

/** The body every client sends: a small order, as text, the way most routes hold a JSON message. */
final class BenchRequest {

    static final String BODY = "{\"orderId\":\"A-1042\",\"customer\":{\"id\":\"C-77\",\"tier\":\"gold\"},"
                               + "\"lines\":[{\"sku\":\"SKU-1\",\"qty\":1,\"price\":49.95},"
                               + "{\"sku\":\"SKU-2\",\"qty\":2,\"price\":24.95},{\"sku\":\"SKU-3\",\"qty\":1,\"price\":50.00}],"
                               + "\"currency\":\"EUR\",\"channel\":\"web\",\"placedAt\":\"2026-11-23T09:15:00Z\"}";

    /** Static keys the stub never checks; the clients still sign every request with them, as against AWS. */
    static final String ACCESS_KEY = "AKIABENCHMARK0000000";
    static final String SECRET_KEY = "benchmark-secret-not-a-real-key";
    static final String REGION = "us-east-1";

    private BenchRequest() {
    }
}
