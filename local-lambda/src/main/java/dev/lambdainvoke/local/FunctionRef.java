package dev.lambdainvoke.local;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code FunctionName} of an Invoke call, taken apart: {@code name}, {@code name:qualifier}, a full ARN
 * {@code arn:aws:lambda:region:account:function:name[:qualifier]} or a partial ARN
 * {@code account:function:name[:qualifier]}. Region and account are null when the caller did not give them.
 */
record FunctionRef(String region, String accountId, String name, String qualifier) {

    private static final Pattern FORMS = Pattern.compile(
            "(?:arn:aws[a-zA-Z-]*:lambda:(?<region>[a-z0-9-]+):(?<arnAccount>\\d{12}):function:"
                                                         + "|(?<account>\\d{12}):function:)?"
                                                         + "(?<name>[a-zA-Z0-9_-]{1,64})"
                                                         + "(?::(?<qualifier>\\$LATEST|[a-zA-Z0-9_-]{1,128}))?");

    static FunctionRef parse(String functionName) throws LambdaApiError {
        Matcher m = FORMS.matcher(functionName);
        if (functionName.length() > 170 || !m.matches()) {
            throw LambdaApiError.validation("1 validation error detected: Value '" + functionName
                                            + "' at 'functionName' failed to satisfy constraint: Member must be a "
                                            + "function name, name:qualifier, or a full or partial function ARN");
        }
        String account = m.group("arnAccount") != null ? m.group("arnAccount") : m.group("account");
        return new FunctionRef(m.group("region"), account, m.group("name"), m.group("qualifier"));
    }

    /**
     * The qualifier to use: the one in the name, the {@code ?Qualifier=} one, or both when they agree.
     *
     * @param queryQualifier null when the request had none
     */
    FunctionRef withQueryQualifier(String queryQualifier) throws LambdaApiError {
        if (queryQualifier == null || queryQualifier.isEmpty() || queryQualifier.equals(qualifier)) {
            return this;
        }
        if (qualifier != null) {
            throw LambdaApiError.invalidParameter(
                    "The derived qualifier from the function name does not match the specified qualifier.");
        }
        return new FunctionRef(region, accountId, name, queryQualifier);
    }

    /** True when the caller named another region or account than the host's: such a function is not here. */
    boolean pointsElsewhere(Arns arns) {
        return region != null && !region.equals(arns.region()) || accountId != null && !accountId.equals(arns.accountId());
    }

    /** The ARN the caller asked for, for messages: their region and account where they gave them. */
    String describe(Arns arns) {
        String arn = "arn:aws:lambda:" + (region == null ? arns.region() : region) + ":"
                     + (accountId == null ? arns.accountId() : accountId) + ":function:" + name;
        return qualifier == null ? arn : arn + ":" + qualifier;
    }
}
