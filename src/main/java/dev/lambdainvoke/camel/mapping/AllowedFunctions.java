package dev.lambdainvoke.camel.mapping;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which functions a {@code LambdaFunction} override header may select: the {@code allowedFunctions} regular expression,
 * matched in full against the header's value as written. Without the option every valid function is allowed.
 */
final class AllowedFunctions {

    private static final AllowedFunctions ANY = new AllowedFunctions(null);

    private final Pattern pattern;

    private AllowedFunctions(Pattern pattern) {
        this.pattern = pattern;
    }

    /** Compiles the option; an invalid expression fails naming the option. */
    static AllowedFunctions of(String regex) {
        if (regex == null || regex.isEmpty()) {
            return ANY;
        }
        try {
            return new AllowedFunctions(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Option 'allowedFunctions' is not a valid regular expression: "
                                               + e.getDescription() + " near index " + e.getIndex(), e);
        }
    }

    /** The function, when the header may select it; otherwise fails naming the header and the option. */
    String check(String function, String header) {
        if (pattern != null && !pattern.matcher(function).matches()) {
            throw new IllegalArgumentException(header + " names function '" + function + "', which option "
                                               + "'allowedFunctions' does not allow; nothing was sent");
        }
        return function;
    }
}
