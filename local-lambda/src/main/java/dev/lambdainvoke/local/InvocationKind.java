package dev.lambdainvoke.local;

/** The {@code X-Amz-Invocation-Type} values and what differs between them. */
enum InvocationKind {

    REQUEST_RESPONSE("RequestResponse", 6_291_456),
    EVENT("Event", 1_048_576),
    DRY_RUN("DryRun", 6_291_456);

    /** The largest body any kind accepts; more than this is never kept in memory. */
    static final int LARGEST_PAYLOAD = 6_291_456;

    private final String wireName;
    private final int payloadLimit;

    InvocationKind(String wireName, int payloadLimit) {
        this.wireName = wireName;
        this.payloadLimit = payloadLimit;
    }

    /** The header's value; absent means RequestResponse, as for Lambda. */
    static InvocationKind fromHeader(String value) throws LambdaApiError {
        if (value == null || value.isEmpty()) {
            return REQUEST_RESPONSE;
        }
        for (InvocationKind kind : values()) {
            if (kind.wireName.equals(value)) {
                return kind;
            }
        }
        throw LambdaApiError.invalidParameter("Unsupported invocation type '" + value
                                              + "': use RequestResponse, Event or DryRun");
    }

    int payloadLimit() {
        return payloadLimit;
    }

    String wireName() {
        return wireName;
    }
}
