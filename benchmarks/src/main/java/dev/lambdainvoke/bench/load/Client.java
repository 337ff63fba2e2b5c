package dev.lambdainvoke.bench.load;

/** The three ways of calling Lambda that the benchmark compares, on the HTTP client each one can use. */
public enum Client {

    /** (a) The SDK's LambdaAsyncClient called directly: the ceiling. */
    RAW_SDK("a", "raw LambdaAsyncClient", true),
    /** (b) A Camel route through lambda-invoke. */
    LAMBDA_INVOKE("b", "Camel route, lambda-invoke", true),
    /** (c) A Camel route through Camel's aws2-lambda, called from a thread pool as large as the concurrency. */
    AWS2_LAMBDA("c", "Camel route, aws2-lambda 4.18 + thread pool", false);

    private final String letter;
    private final String description;
    private final boolean async;

    Client(String letter, String description, boolean async) {
        this.letter = letter;
        this.description = description;
        this.async = async;
    }

    public String letter() {
        return letter;
    }

    public String description() {
        return description;
    }

    /** Async clients are driven by completions; the blocking one by one thread per invocation in flight. */
    public boolean isAsync() {
        return async;
    }
}
