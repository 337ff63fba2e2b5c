package dev.lambdainvoke.camel;

import java.util.List;

/**
 * {@link DslRouteBehaviours} for a routes file in Camel's XML IO DSL ({@code routes/orders.xml}): {@code lambda-invoke:}
 * with options in the URI ({@code &amp;}), and a route-scoped {@code <onException>}. A class of its own so that the
 * camel-latest profile, whose XML DSL cannot be fetched here, can leave it out by name.
 */
class XmlDslRouteTest extends DslRouteBehaviours {

    @Override
    List<String> routesFiles() {
        return List.of("routes/orders.xml");
    }
}
