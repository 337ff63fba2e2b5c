package dev.lambdainvoke.camel;

import java.util.List;

/**
 * {@link DslRouteBehaviours} for routes files in Camel's YAML DSL, each with a top-level {@code onException}, and the
 * endpoint written three ways: options in the URI string ({@code orders-uri.yaml}); the function in the URI and the
 * options as {@code parameters:} ({@code orders-parameters.yaml}); and only the scheme in the URI, the function too as a
 * parameter ({@code orders-function-parameter.yaml}: Camel's URI factory puts it in the path). All three behave alike.
 */
class YamlDslRouteTest extends DslRouteBehaviours {

    @Override
    List<String> routesFiles() {
        return List.of("routes/orders-uri.yaml", "routes/orders-parameters.yaml", "routes/orders-function-parameter.yaml");
    }
}
