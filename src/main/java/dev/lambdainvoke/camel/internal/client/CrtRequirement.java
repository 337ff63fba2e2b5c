package dev.lambdainvoke.camel.internal.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import software.amazon.awssdk.core.util.VersionInfo;

/**
 * Whether {@code httpClient=crt} can run: the CRT HTTP client and its native runtime are optional dependencies, which an
 * application that chooses crt adds itself. Looked up by class name, only when crt is chosen, and without initialising
 * anything: nothing here, and nothing on the Netty path, loads a CRT class.
 */
final class CrtRequirement {

    static final String CLIENT_CLASS = "software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient";
    static final String RUNTIME_CLASS = "software.amazon.awssdk.crt.CRT";
    static final String CLIENT_ARTIFACT = "software.amazon.awssdk:aws-crt-client:" + VersionInfo.SDK_VERSION;
    /** What aws-crt-client of the SDK this component is built with is built against: aws-crt.version in pom.xml. */
    static final String RUNTIME_ARTIFACT = "software.amazon.awssdk.crt:aws-crt:0.40.3";

    private CrtRequirement() {
    }

    /** Fails naming the option and both Maven coordinates when {@code present} does not know a class CRT needs. */
    static void check(Predicate<String> present) {
        List<String> missing = new ArrayList<>();
        if (!present.test(CLIENT_CLASS)) {
            missing.add("the CRT HTTP client (" + CLIENT_CLASS + ")");
        }
        if (!present.test(RUNTIME_CLASS)) {
            missing.add("the CRT runtime (" + RUNTIME_CLASS + ")");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Option 'httpClient' is crt, but " + String.join(" and ", missing)
                                               + (missing.size() == 1 ? " is" : " are")
                                               + " not on the class path: add the dependencies " + CLIENT_ARTIFACT
                                               + " and " + RUNTIME_ARTIFACT + ", or use httpClient=netty");
        }
    }

    /** Class names the given loader can find, without initialising (or keeping) anything. */
    static Predicate<String> visibleTo(ClassLoader loader) {
        return name -> {
            try {
                Class.forName(name, false, loader);
                return true;
            } catch (ClassNotFoundException | LinkageError absent) {
                return false;
            }
        };
    }
}
