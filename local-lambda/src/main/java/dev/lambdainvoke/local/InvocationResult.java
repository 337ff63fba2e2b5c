package dev.lambdainvoke.local;

/**
 * How an invocation ended.
 *
 * @param payload         the response payload, or the error payload of a failed invocation
 * @param functionError   null on success, else {@code Unhandled} (for {@code X-Amz-Function-Error})
 * @param errorType       the error payload's {@code errorType}, for the host's own logs; null on success
 * @param executedVersion {@code $LATEST} or the published version that ran
 * @param log             the invocation's log, START to REPORT
 */
record InvocationResult(byte[] payload, String functionError, String errorType, String executedVersion, String log) {

    static InvocationResult success(byte[] payload, String executedVersion, String log) {
        return new InvocationResult(payload, null, null, executedVersion, log);
    }

    static InvocationResult unhandled(byte[] payload, String errorType, String executedVersion, String log) {
        return new InvocationResult(payload, "Unhandled", errorType, executedVersion, log);
    }
}
