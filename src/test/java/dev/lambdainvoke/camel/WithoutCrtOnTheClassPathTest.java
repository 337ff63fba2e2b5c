package dev.lambdainvoke.camel;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WithoutCrtProbe;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an application that does not add aws-crt-client and aws-crt gets (they are optional dependencies): the component
 * on Netty, without needing a CRT class, and an endpoint with httpClient=crt that stops at start naming the option and
 * both dependencies. Run in a class loader over this test class path minus the CRT jars, through the real SDK against
 * WireMock.
 */
class WithoutCrtOnTheClassPathTest {

    private static final List<String> CRT_JARS = List.of("/software/amazon/awssdk/aws-crt-client/",
            "/software/amazon/awssdk/crt-core/", "/software/amazon/awssdk/crt/aws-crt/");

    @Test
    void nettyWorksAndAnEndpointWithHttpClientCrtStopsNamingWhatToAdd() throws Exception {
        try (WireMockLambda lambda = new WireMockLambda(); URLClassLoader withoutCrt = classPathWithoutCrt()) {
            lambda.stub(invoke("orders").willReturn(ok("\"ok\"")));
            assertThatThrownBy(() -> Class.forName("software.amazon.awssdk.crt.CRT", false, withoutCrt))
                    .isInstanceOf(ClassNotFoundException.class);

            String[] seen = runInside(withoutCrt, lambda.endpoint().toString());

            assertThat(seen[0]).as("the body of a netty invocation").isEqualTo("\"ok\"");
            assertThat(seen[1]).contains("IllegalArgumentException: Option 'httpClient' is crt, but the CRT HTTP client")
                    .contains("software.amazon.awssdk:aws-crt-client:2.41.28")
                    .contains("software.amazon.awssdk.crt:aws-crt:0.40.3")
                    .doesNotContain("NoClassDefFoundError");
            assertThat(lambda.requestCount()).as("requests: the netty one only").isEqualTo(1);
        }
    }

    private static String[] runInside(ClassLoader loader, String lambda) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> probe = Class.forName(WithoutCrtProbe.class.getName(), true, loader);
            assertThat(probe).as("loaded apart from this test's copy").isNotSameAs(WithoutCrtProbe.class);
            return (String[]) probe.getMethod("run", String.class).invoke(null, lambda);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static URLClassLoader classPathWithoutCrt() throws Exception {
        List<URL> urls = new ArrayList<>();
        int left = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String path = entry.replace(File.separatorChar, '/');
            if (CRT_JARS.stream().anyMatch(path::contains)) {
                left++;
                continue;
            }
            urls.add(new File(entry).toURI().toURL());
        }
        assertThat(left).as("CRT jars left out of the class path").isEqualTo(CRT_JARS.size());
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
