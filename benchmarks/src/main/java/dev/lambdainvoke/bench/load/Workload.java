package dev.lambdainvoke.bench.load;

/** What the stub does and how many invocations the client keeps in flight. */
public enum Workload {

    /** The stub answers at once: the client's cost per call decides the rate. */
    W1("stub answers at once, 64 in flight", StubLambdaServer.INSTANT_FUNCTION, 64),
    /** The stub answers after 50 ms: what it costs to keep 1,000 calls waiting. */
    W2("stub answers after 50 ms, 1,000 in flight", StubLambdaServer.WAIT_50_MS_FUNCTION, 1000);

    private final String description;
    private final String function;
    private final int concurrency;

    Workload(String description, String function, int concurrency) {
        this.description = description;
        this.function = function;
        this.concurrency = concurrency;
    }

    public String description() {
        return description;
    }

    public String function() {
        return function;
    }

    public int concurrency() {
        return concurrency;
    }
}
