package dev.lambdainvoke.local;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * The handler of a function with tenant isolation: one handler instance per tenant, made on the tenant's first call, as
 * Lambda gives each tenant execution environments of its own. What a handler keeps in its fields is its tenant's alone.
 */
final class TenantHandlers implements HandlerAdapter {

    private final Supplier<?> handlers;
    private final String what;
    private final Map<String, HandlerAdapter> perTenant = new ConcurrentHashMap<>();

    TenantHandlers(Supplier<?> handlers, String what) {
        this.handlers = handlers;
        this.what = what;
    }

    @Override
    public byte[] handle(byte[] payload, Context context) throws Exception {
        String tenant = ((LocalContext) context).getTenantId();
        return perTenant.computeIfAbsent(tenant, t -> Handlers.adapt(handlers.get(), what + " for tenant " + t))
                .handle(payload, context);
    }

    /** How many tenants have an execution environment. */
    int tenants() {
        return perTenant.size();
    }
}
