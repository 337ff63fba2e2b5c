package dev.lambdainvoke.camel.internal.mapping;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;

/**
 * An option's value for one message: the text itself, or, when it contains {@code ${}, a Camel simple expression
 * compiled once (at start, so that a malformed one stops the route naming its option) and evaluated per message.
 */
public final class MessageValue {

    private final String constant;
    private final Expression expression;

    private MessageValue(String constant, Expression expression) {
        this.constant = constant;
        this.expression = expression;
    }

    /** Null when the option is not set (null or empty). */
    public static MessageValue of(String option, String text, CamelContext context) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!text.contains("${")) {
            return new MessageValue(text, null);
        }
        try {
            Expression expression = context.resolveLanguage("simple").createExpression(text);
            expression.init(context);
            return new MessageValue(null, expression);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Option '" + option + "' is not a valid simple expression: "
                                               + e.getMessage(), e);
        }
    }

    public boolean isConstant() {
        return expression == null;
    }

    /** The value for this message; null when the expression gives none. */
    public String evaluate(Exchange exchange) {
        return expression == null ? constant : expression.evaluate(exchange, String.class);
    }
}
