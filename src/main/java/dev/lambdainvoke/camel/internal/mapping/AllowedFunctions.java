package dev.lambdainvoke.camel.internal.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which targets the override headers may select: the {@code allowedFunctions} option, a comma-separated list of regular
 * expressions, each matched against a whole string. An entry without {@code ':'} is matched against the function (a
 * name, or an ARN as written, without its qualifier); an entry with {@code ':'} against {@code function:qualifier}. A
 * qualifier chosen by a header is admitted only by an entry with {@code ':'}, so {@code orders-.*} alone admits
 * header-chosen names with the endpoint's own qualifier and no other. Without the option every valid target is allowed.
 * <p>
 * Commas inside {@code {}}, {@code []} or {@code ()} belong to the expression ({@code a{1,3}}), not to the list. An ARN is
 * matched as written, so a name entry ({@code orders-.*}) does not admit {@code arn:...:function:orders-x}: a list of
 * names never opens a function of another account or region; ARN entries are written as ARNs.
 */
final class AllowedFunctions {

    private static final AllowedFunctions ANY = new AllowedFunctions(List.of(), List.of(), false);
    /** Where the qualifier starts in an ARN: after the name that follows ":function:". */
    private static final String ARN_FUNCTION = ":function:";

    /** Entries without ':'. */
    private final List<Pattern> names;
    /** Entries with ':'. */
    private final List<Pattern> qualified;
    private final boolean restricts;

    private AllowedFunctions(List<Pattern> names, List<Pattern> qualified, boolean restricts) {
        this.names = names;
        this.qualified = qualified;
        this.restricts = restricts;
    }

    /** Compiles the option; an invalid entry fails naming the option and the entry. */
    static AllowedFunctions of(String option) {
        if (option == null || option.isEmpty()) {
            return ANY;
        }
        List<Pattern> names = new ArrayList<>();
        List<Pattern> qualified = new ArrayList<>();
        for (String entry : entries(option)) {
            Pattern pattern;
            try {
                pattern = Pattern.compile(entry);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("Option 'allowedFunctions' is not a valid regular expression: entry '"
                                                   + entry + "': " + e.getDescription() + " near index " + e.getIndex(), e);
            }
            (entry.indexOf(':') < 0 ? names : qualified).add(pattern);
        }
        if (names.isEmpty() && qualified.isEmpty()) {
            throw new IllegalArgumentException("Option 'allowedFunctions' lists no regular expression");
        }
        return new AllowedFunctions(List.copyOf(names), List.copyOf(qualified), true);
    }

    /** The entries of the list: split at commas outside brackets, trimmed, empty ones dropped. */
    static List<String> entries(String option) {
        List<String> entries = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= option.length(); i++) {
            char c = i < option.length() ? option.charAt(i) : ',';
            if (c == '\\' && i + 1 < option.length()) {
                i++; // an escaped character never opens, closes or separates
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == ',' && (depth == 0 || i == option.length())) { // an unclosed bracket ends at the end
                String entry = option.substring(start, i).trim();
                if (!entry.isEmpty()) {
                    entries.add(entry);
                }
                start = i + 1;
            }
        }
        return entries;
    }

    /** False when the option is not set: every target is allowed. */
    boolean restricts() {
        return restricts;
    }

    /**
     * Whether the target may be invoked: {@code function} without its qualifier (see {@link #split}), the qualifier in
     * effect or null, and whether a header chose that qualifier.
     */
    boolean admits(String function, String qualifier, boolean qualifierFromHeader) {
        if (!restricts) {
            return true;
        }
        if (qualifier != null && anyMatches(qualified, function + ":" + qualifier)) {
            return true;
        }
        // without a header's qualifier, the function alone is what a header chose
        return !qualifierFromHeader && (anyMatches(names, function) || anyMatches(qualified, function));
    }

    private static boolean anyMatches(List<Pattern> patterns, String target) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(target).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A valid function reference split into the function without its qualifier and the qualifier it carries (or null):
     * {@code name:q}, {@code arn:aws:lambda:r:acct:function:name:q}, {@code acct:function:name:q}. Any ':' after the
     * name part counts as a qualifier, so nothing that Lambda could read as one passes as a plain name.
     */
    static String[] split(String function) {
        int arn = function.indexOf(ARN_FUNCTION);
        int nameStart = arn < 0 ? 0 : arn + ARN_FUNCTION.length();
        int colon = function.indexOf(':', nameStart);
        return colon < 0 ? new String[] { function, null }
                : new String[] { function.substring(0, colon), function.substring(colon + 1) };
    }
}
