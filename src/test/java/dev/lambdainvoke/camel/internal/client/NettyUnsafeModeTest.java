package dev.lambdainvoke.camel.internal.client;

import io.netty.util.internal.PlatformDependent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK's Netty client uses {@code sun.misc.Unsafe} exactly when the JVM allows it. On JDK 24+ (JEP 498) it does so
 * with a one-time warning; with {@code --sun-misc-unsafe-memory-access=deny}, the JDK's announced next default, it
 * must run without it. {@code .ci/run} runs the suite once with that flag on the newest JDK: this holds that run to
 * really exercising Netty's path without Unsafe, and the normal runs to the path users get by default.
 */
class NettyUnsafeModeTest {

    @Test
    void nettyUsesUnsafeExactlyWhenTheJvmAllowsIt() {
        // set by the JVM from --sun-misc-unsafe-memory-access (JDK 23+); absent on older JVMs and by default
        boolean denied = "deny".equals(System.getProperty("sun.misc.unsafe.memory.access"));

        assertThat(PlatformDependent.hasUnsafe())
                .as("Netty uses Unsafe (JVM: --sun-misc-unsafe-memory-access=%s)",
                        System.getProperty("sun.misc.unsafe.memory.access", "default"))
                .isEqualTo(!denied);
    }
}
