package dev.lambdainvoke.camel.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 access to the shared {@link ServerlessOfflinePeer}. {@code @ExtendWith(ServerlessOfflineExtension.class)}:
 * <ul>
 * <li>disables the class, with a reason naming the missing tool, when node/npm are missing; with
 *     {@code -Dpeers.required=true} the class runs and fails with that reason instead (see {@link Peers});</li>
 * <li>starts the peer before the class's tests and injects it into test, lifecycle and constructor
 *     parameters of type {@link ServerlessOfflinePeer}, and into instance fields of that type before each test;</li>
 * <li>starts a {@link CamelHarness} against it before each test into the instance {@code CamelHarness} fields, and
 *     closes them after the test;</li>
 * <li>stops it when the whole JUnit run ends (it is kept in the root store, which JUnit closes last).</li>
 * </ul>
 */
public class ServerlessOfflineExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ServerlessOfflineExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        // a disabled class shows up in surefire's report as skipped with this reason (an abort in
        // @BeforeAll would show as "Tests run: 0", reason lost)
        return ServerlessOfflinePeer.missingTool()
                .filter(reason -> !Peers.required())
                .map(reason -> ConditionEvaluationResult.disabled(Peers.skipMessage(reason)))
                .orElseGet(() -> ConditionEvaluationResult.enabled("serverless-offline can run here"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        peer(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ServerlessOfflinePeer peer = peer(context);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            HarnessFields.set(instance.getClass(), instance, ServerlessOfflinePeer.class, peer);
        }
        HarnessFields.startHarness(context, peer.endpoint());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        HarnessFields.closeHarnesses(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ServerlessOfflinePeer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return peer(context);
    }

    private static ServerlessOfflinePeer peer(ExtensionContext context) {
        ServerlessOfflinePeer peer = ServerlessOfflinePeer.get();
        // JUnit closes AutoCloseable values of the root store once, after the last test of the run
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ServerlessOfflinePeer.class, key -> peer);
        return peer;
    }
}
