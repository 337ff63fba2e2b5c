package dev.lambdainvoke.bench.load;

/** Invokes on the calling thread and returns when the invocation has ended. */
interface BlockingInvocations extends AutoCloseable {

    /** @return the answer's payload as text */
    String invoke() throws Exception;
}
