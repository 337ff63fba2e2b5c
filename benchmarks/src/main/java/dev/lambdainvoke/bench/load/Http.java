package dev.lambdainvoke.bench.load;

/** The SDK HTTP client under an async Lambda client. aws2-lambda always uses its blocking Apache client. */
public enum Http {
    NETTY, CRT
}
