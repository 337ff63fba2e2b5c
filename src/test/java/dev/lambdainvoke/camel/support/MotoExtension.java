package dev.lambdainvoke.camel.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @ExtendWith(MotoExtension.class)}: disables the class, with a reason naming the missing tool, when
 * {@code moto_server} is not installed; with {@code -Dpeers.required=true} the class runs and fails with that reason
 * instead (see {@link Peers}). The class starts its own {@link MotoPeer}: auth mode counts requests per server.
 */
public class MotoExtension implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return MotoPeer.missingTool()
                .filter(reason -> !Peers.required())
                .map(reason -> ConditionEvaluationResult.disabled(Peers.skipMessage(reason)))
                .orElseGet(() -> ConditionEvaluationResult.enabled("moto_server can run here"));
    }
}
