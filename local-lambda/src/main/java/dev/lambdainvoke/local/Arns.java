package dev.lambdainvoke.local;

/** Writes the ARNs of the host's functions, in the region and account it pretends to be. */
final class Arns {

    private final String region;
    private final String accountId;

    Arns(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    String region() {
        return region;
    }

    String accountId() {
        return accountId;
    }

    String function(String name) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
    }

    /** The unqualified ARN when {@code qualifier} is null, as Lambda reports an invocation by plain name. */
    String function(String name, String qualifier) {
        return qualifier == null ? function(name) : function(name) + ":" + qualifier;
    }
}
