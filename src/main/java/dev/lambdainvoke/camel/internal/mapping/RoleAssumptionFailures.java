package dev.lambdainvoke.camel.internal.mapping;

import dev.lambdainvoke.camel.LambdaInvokeException;
import org.apache.camel.Exchange;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * STS refused or failed the AssumeRole call of the credentials provider: the invocation was never sent. Status, code and
 * request id are STS's; retryable when STS throttled or failed on its side (5xx), not when it denied the role.
 */
final class RoleAssumptionFailures {

    private RoleAssumptionFailures() {
    }

    static LambdaInvokeException translate(StsException e, String roleArn, Invocation invocation, Exchange exchange) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        String stsMessage = details == null ? null : details.errorMessage();
        int status = e.statusCode();
        boolean retryable = e.isThrottlingException() || status >= 500;
        // STS's own message names the caller and the role, never a key or token
        String message = (roleArn == null ? "Assuming the role of the client's credentials" : "Assuming role " + roleArn)
                         + " failed, so " + invocation.describe() + " was not invoked: STS answered HTTP " + status
                         + (code == null ? "" : " " + code) + (stsMessage == null ? "" : ": " + stsMessage);
        return new LambdaInvokeException(message, exchange, e, invocation.function(), status, code, e.requestId(),
                retryable);
    }
}
