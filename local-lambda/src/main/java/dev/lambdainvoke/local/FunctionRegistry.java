package dev.lambdainvoke.local;

import java.util.Collection;
import java.util.Map;

/** The functions of a started host, and the lookup of what an Invoke call names. */
final class FunctionRegistry {

    private final Map<String, DeployedFunction> functions;
    private final Arns arns;

    FunctionRegistry(Map<String, DeployedFunction> functions, Arns arns) {
        this.functions = Map.copyOf(functions);
        this.arns = arns;
    }

    /** The version a call runs, or Lambda's 404 naming the ARN that was asked for. */
    DeployedFunction.Target resolve(FunctionRef ref) throws LambdaApiError {
        DeployedFunction function = ref.pointsElsewhere(arns) ? null : functions.get(ref.name());
        DeployedFunction.Target target = function == null ? null : function.target(ref.qualifier());
        if (target == null) {
            throw LambdaApiError.functionNotFound(ref.describe(arns));
        }
        return target;
    }

    /** A function by name, for the host's own API; an unknown name is the caller's mistake. */
    DeployedFunction function(String name) {
        DeployedFunction function = functions.get(name);
        if (function == null) {
            throw new IllegalArgumentException("No function '" + name + "' on this LocalLambda; it has "
                                               + functions.keySet());
        }
        return function;
    }

    Collection<DeployedFunction> all() {
        return functions.values();
    }
}
