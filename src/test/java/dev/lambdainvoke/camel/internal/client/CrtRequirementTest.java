package dev.lambdainvoke.camel.internal.client;

import java.io.InputStream;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.crt.CRT;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * httpClient=crt without CRT on the class path stops the endpoint with a message naming the option and what to add. CRT
 * is on this test class path, so the class lookup is handed in: a lookup that lacks a class stands for a class path
 * without its jar. That the real lookup sees what crt endpoints use is checked on this class path.
 */
class CrtRequirementTest {

    private static final String CLIENT = "software.amazon.awssdk:aws-crt-client:2.41.28";
    private static final String RUNTIME = "software.amazon.awssdk.crt:aws-crt:0.40.3";

    @Test
    void withoutEitherJarTheMessageNamesTheOptionAndBothDependencies() {
        assertThatThrownBy(() -> CrtRequirement.check(name -> false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Option 'httpClient' is crt, but the CRT HTTP client")
                .hasMessageContaining("the CRT runtime").hasMessageContaining(CLIENT).hasMessageContaining(RUNTIME)
                .hasMessageContaining("httpClient=netty");
    }

    @Test
    void withoutTheNativeRuntimeAloneTheMessageSaysSoAndStillNamesBoth() {
        Set<String> onlyTheClient = Set.of(CrtRequirement.CLIENT_CLASS);

        assertThatThrownBy(() -> CrtRequirement.check(onlyTheClient::contains))
                .hasMessageContaining("the CRT runtime (software.amazon.awssdk.crt.CRT) is not on the class path")
                .hasMessageNotContaining("the CRT HTTP client (").hasMessageContaining(CLIENT)
                .hasMessageContaining(RUNTIME);
    }

    @Test
    void withBothJarsThereIsNothingToSay() {
        assertThatCode(() -> CrtRequirement.check(CrtRequirement.visibleTo(getClass().getClassLoader())))
                .doesNotThrowAnyException();
    }

    @Test
    void theLookupNamesTheClassesCrtEndpointsUse() {
        assertThat(CrtRequirement.CLIENT_CLASS).isEqualTo(AwsCrtAsyncHttpClient.class.getName());
        assertThat(CrtRequirement.RUNTIME_CLASS).isEqualTo(CRT.class.getName());
        assertThat(CrtRequirement.visibleTo(getClass().getClassLoader()).test("software.amazon.awssdk.crt.NoSuchClass"))
                .isFalse();
    }

    @Test
    void theNamedRuntimeIsTheOneTheBuildUses() throws Exception {
        Properties pom = new Properties();
        try (InputStream in = CRT.class.getResourceAsStream("/META-INF/maven/software.amazon.awssdk.crt/aws-crt/pom.properties")) {
            pom.load(in);
        }

        assertThat(CrtRequirement.RUNTIME_ARTIFACT).isEqualTo(RUNTIME)
                .isEqualTo(pom.getProperty("groupId") + ":" + pom.getProperty("artifactId") + ":"
                           + pom.getProperty("version"));
        assertThat(CrtRequirement.CLIENT_ARTIFACT).isEqualTo(CLIENT);
    }
}
