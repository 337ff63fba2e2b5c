package dev.lambdainvoke.local;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdainvoke.local.TestHandlers.Order;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

import static dev.lambdainvoke.local.SdkClients.invoke;
import static dev.lambdainvoke.local.SdkClients.invokeFailing;
import static dev.lambdainvoke.local.SdkClients.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each handler kind, how its input is typed and its result written, and the Context it gets, through the real SDK. */
class LocalLambdaHandlersTest {

    private static LocalLambda local;
    private static LambdaAsyncClient lambda;

    @BeforeAll
    static void start() {
        // anonymous classes keep their type arguments; a lambda's are erased (see functionLambda... below)
        RequestHandler<Map<String, Object>, Map<String, Object>> mapHandler = new RequestHandler<>() {
            @Override
            public Map<String, Object> handleRequest(Map<String, Object> in, Context context) {
                return Map.of("inputClass", in.getClass().getSimpleName(), "name", in.get("name"), "nested",
                        in.get("nested"));
            }
        };
        RequestHandler<String, String> upper = new RequestHandler<>() {
            @Override
            public String handleRequest(String in, Context context) {
                return in.toUpperCase();
            }
        };
        RequestHandler<Integer, Integer> increment = new RequestHandler<>() {
            @Override
            public Integer handleRequest(Integer in, Context context) {
                return in + 1;
            }
        };
        RequestHandler<List<Long>, String> listTypes = new RequestHandler<>() {
            @Override
            public String handleRequest(List<Long> in, Context context) {
                return in.getClass().getSimpleName() + " of " + in.get(0).getClass().getSimpleName() + " sum "
                       + in.stream().mapToLong(Long::longValue).sum();
            }
        };
        RequestHandler<Object, Object> erasedLambda = (in, context) -> in.getClass().getSimpleName();
        RequestHandler<Object, Object> returnsNull = (in, context) -> null;
        RequestHandler<Object, String> nullCheck = (in, context) -> in == null ? "input was null" : "input was " + in;
        RequestStreamHandler rawEcho = (in, out, context) -> {
            out.write("raw:".getBytes(StandardCharsets.UTF_8));
            in.transferTo(out);
        };
        Function<Object, Object> untypedLambda = in -> in.getClass().getSimpleName();
        RequestHandler<Object, Object> contextReporter = (in, context) -> describe(context);
        RequestHandler<Object, Object> clientContextReporter = (in, context) -> describe(context.getClientContext());

        local = LocalLambda.builder()
                .function("map-input", mapHandler)
                .function("pojo", new TestHandlers.OrderPricer())
                .function("string-input", upper)
                .function("integer-input", increment)
                .function("list-input", listTypes)
                .function("request-handler-lambda", erasedLambda)
                .function("hierarchy", new TestHandlers.OrderTypeReporter())
                .function("raw", new TestHandlers.RawTypeReporter())
                .function("returns-null", returnsNull)
                .function("null-check", nullCheck)
                .function("stream", rawEcho)
                .function("function-class", new TestHandlers.Doubler())
                .function("function-lambda", untypedLambda)
                .function(LocalFunction.named("function-typed")
                        .handler(Order.class, order -> order.getClass().getSimpleName() + " " + order.id))
                .function(LocalFunction.named("context")
                        .handler(contextReporter)
                        .version("1", contextReporter)
                        .alias("prod", "1")
                        .timeout(java.time.Duration.ofSeconds(5)))
                .function("client-context", clientContextReporter)
                .start();
        lambda = SdkClients.against(local);
    }

    @AfterAll
    static void stop() {
        lambda.close();
        local.close();
    }

    @Test
    void requestHandlerReadsPayloadIntoAMapAndWritesItsResultAsJson() {
        InvokeResponse response = invoke(lambda, "map-input", "{\"name\": \"ada\", \"nested\": {\"n\": [1, 2]}}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isNull();
        assertThat(json(response.payload())).containsEntry("inputClass", "LinkedHashMap")
                .containsEntry("name", "ada")
                .containsEntry("nested", Map.of("n", List.of(1, 2)));
    }

    @Test
    void requestHandlerReadsPayloadIntoAPojoIgnoringUnknownFieldsAndLeavesNullPropertiesOut() {
        InvokeResponse response = invoke(lambda, "pojo", "{\"id\": \"A-1\", \"quantity\": 4, \"unknown\": true}");

        assertThat(response.payload().asUtf8String()).isEqualTo("{\"id\":\"A-1\",\"total\":10.0}");
    }

    @Test
    void requestHandlerOfStringGetsTheJsonStringAndItsResultIsWrittenAsAJsonString() {
        assertThat(invoke(lambda, "string-input", "\"hello\"").payload().asUtf8String()).isEqualTo("\"HELLO\"");
    }

    @Test
    void requestHandlerOfIntegerGetsANumber() {
        assertThat(invoke(lambda, "integer-input", "41").payload().asUtf8String()).isEqualTo("42");
        // read as the declared type, not as parsed: a JSON string holding a number becomes an Integer
        assertThat(invoke(lambda, "integer-input", "\"41\"").payload().asUtf8String()).isEqualTo("42");
    }

    @Test
    void requestHandlerOfListGetsTheArrayWithItsDeclaredElementType() {
        assertThat(invoke(lambda, "list-input", "[1, 2, 3]").payload().asUtf8String())
                .isEqualTo("\"ArrayList of Long sum 6\"");
    }

    @Test
    void requestHandlerLambdaWhoseTypesAreErasedGetsWhateverTheJsonParsesTo() {
        assertThat(invoke(lambda, "request-handler-lambda", "{\"a\": 1}").payload().asUtf8String())
                .isEqualTo("\"LinkedHashMap\"");
    }

    @Test
    void inputTypeBoundThroughASuperclassTypeVariableIsFound() {
        assertThat(invoke(lambda, "hierarchy", "{\"id\": \"A-1\"}").payload().asUtf8String()).isEqualTo("\"Order\"");
    }

    @Test
    void rawRequestHandlerGetsWhateverTheJsonParsesTo() {
        assertThat(invoke(lambda, "raw", "{\"a\": 1}").payload().asUtf8String()).isEqualTo("\"LinkedHashMap\"");
        assertThat(invoke(lambda, "raw", "[1]").payload().asUtf8String()).isEqualTo("\"ArrayList\"");
        assertThat(invoke(lambda, "raw", "\"text\"").payload().asUtf8String()).isEqualTo("\"String\"");
    }

    @Test
    void nullResultIsTheJsonNull() {
        InvokeResponse response = invoke(lambda, "returns-null", "{}");

        assertThat(response.functionError()).isNull();
        assertThat(response.payload().asUtf8String()).isEqualTo("null");
    }

    @Test
    void emptyBodyIsANullInput() {
        InvokeResponse response = invoke(lambda, r -> r.functionName("null-check"));

        assertThat(response.payload().asUtf8String()).isEqualTo("\"input was null\"");
    }

    @Test
    void streamHandlerGetsThePayloadBytesAsSentAndItsOutputIsTheResponseAsIs() {
        InvokeResponse response = invoke(lambda, "stream", "{ \"spacing\" :  \"kept\" }");

        assertThat(response.payload().asUtf8String()).isEqualTo("raw:{ \"spacing\" :  \"kept\" }");
    }

    @Test
    void functionClassGetsItsDeclaredInputType() {
        assertThat(invoke(lambda, "function-class", "21").payload().asUtf8String()).isEqualTo("42");
    }

    @Test
    void functionLambdaWithErasedTypeGetsWhateverTheJsonParsesTo() {
        assertThat(invoke(lambda, "function-lambda", "{\"a\": 1}").payload().asUtf8String())
                .isEqualTo("\"LinkedHashMap\"");
    }

    @Test
    void functionWithGivenInputTypeGetsAPojo() {
        assertThat(invoke(lambda, "function-typed", "{\"id\": \"A-7\"}").payload().asUtf8String())
                .isEqualTo("\"Order A-7\"");
    }

    @Test
    void inputThatDoesNotFitTheHandlersTypeIsAFunctionErrorAsTheJavaRuntimeReportsIt() {
        InvokeResponse response = invoke(lambda, "integer-input", "{\"not\": \"a number\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        Map<String, Object> error = json(response.payload());
        assertThat(error).containsEntry("errorMessage", "An error occurred during JSON parsing")
                .containsEntry("errorType", "java.lang.RuntimeException")
                .containsEntry("stackTrace", List.of());
        assertThat(error.get("cause")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKey("errorType");
    }

    @Test
    void contextCarriesRequestIdNamesVersionArnLogGroupMemoryAndRemainingTime() {
        InvokeResponse response = invoke(lambda, r -> r.functionName("context").qualifier("prod"));

        Map<String, Object> context = json(response.payload());
        assertThat(context).containsEntry("awsRequestId", response.responseMetadata().requestId())
                .containsEntry("functionName", "context")
                .containsEntry("functionVersion", "1")
                .containsEntry("invokedFunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:context:prod")
                .containsEntry("logGroupName", "/aws/lambda/context")
                .containsEntry("memoryLimitInMB", 128)
                .containsEntry("identityIsNull", true)
                .containsEntry("clientContextIsNull", true)
                .containsEntry("logger", true);
        assertThat((String) context.get("logStreamName")).matches("\\d{4}/\\d{2}/\\d{2}/\\[1\\][0-9a-f]{32}");
        assertThat((Integer) context.get("remainingTimeInMillis")).isPositive().isLessThanOrEqualTo(5000);
    }

    @Test
    void contextOfAnUnqualifiedInvocationHasLatestAndTheUnqualifiedArn() {
        Map<String, Object> context = json(invoke(lambda, "context", "{}").payload());

        assertThat(context).containsEntry("functionVersion", "$LATEST")
                .containsEntry("invokedFunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:context");
    }

    @Test
    void clientContextSentByTheCallerReachesTheHandler() {
        String clientContext = "{\"client\": {\"installation_id\": \"inst-1\", \"app_title\": \"shop\","
                               + " \"app_version_name\": \"1.2\", \"app_version_code\": \"12\","
                               + " \"app_package_name\": \"com.example.shop\"},"
                               + " \"custom\": {\"tenant\": \"acme\", \"priority\": 3}, \"env\": {\"locale\": \"fr_FR\"}}";

        InvokeResponse response = invoke(lambda, r -> r.functionName("client-context")
                .clientContext(SdkClients.base64(clientContext)).payload(SdkBytes.fromUtf8String("{}")));

        Map<String, Object> seen = json(response.payload());
        assertThat(seen).containsEntry("installationId", "inst-1")
                .containsEntry("appTitle", "shop")
                .containsEntry("appVersionName", "1.2")
                .containsEntry("appVersionCode", "12")
                .containsEntry("appPackageName", "com.example.shop")
                .containsEntry("custom", Map.of("tenant", "acme", "priority", "3"))
                .containsEntry("env", Map.of("locale", "fr_FR"));
    }

    @Test
    void withoutClientContextTheHandlerGetsNull() {
        assertThat(invoke(lambda, "client-context", "{}").payload().asUtf8String()).isEqualTo("null");
    }

    @Test
    void clientContextThatIsNotBase64JsonIs400() {
        LambdaException e = invokeFailing(lambda, r -> r.functionName("client-context")
                .clientContext(SdkClients.base64("not json")));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequestContentException");
    }

    @Test
    void handlerOfAnotherKindIsRefusedAtRegistrationWithAClearMessage() {
        assertThatThrownBy(() -> LocalFunction.named("wrong").handler("not a handler"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("function 'wrong'")
                .hasMessageContaining("java.lang.String")
                .hasMessageContaining("RequestHandler, a RequestStreamHandler or a java.util.function.Function");
        assertThatThrownBy(() -> LocalLambda.builder().function("wrong", 42))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Integer");
        assertThatThrownBy(() -> LocalFunction.named("wrong").version("1", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("function 'wrong' version 1 is null");
    }

    private static Map<String, Object> describe(Context context) {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("awsRequestId", context.getAwsRequestId());
        seen.put("functionName", context.getFunctionName());
        seen.put("functionVersion", context.getFunctionVersion());
        seen.put("invokedFunctionArn", context.getInvokedFunctionArn());
        seen.put("logGroupName", context.getLogGroupName());
        seen.put("logStreamName", context.getLogStreamName());
        seen.put("memoryLimitInMB", context.getMemoryLimitInMB());
        seen.put("remainingTimeInMillis", context.getRemainingTimeInMillis());
        seen.put("identityIsNull", context.getIdentity() == null);
        seen.put("clientContextIsNull", context.getClientContext() == null);
        seen.put("logger", context.getLogger() != null);
        return seen;
    }

    private static Map<String, Object> describe(ClientContext clientContext) {
        if (clientContext == null) {
            return null;
        }
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("installationId", clientContext.getClient().getInstallationId());
        seen.put("appTitle", clientContext.getClient().getAppTitle());
        seen.put("appVersionName", clientContext.getClient().getAppVersionName());
        seen.put("appVersionCode", clientContext.getClient().getAppVersionCode());
        seen.put("appPackageName", clientContext.getClient().getAppPackageName());
        seen.put("custom", clientContext.getCustom());
        seen.put("env", clientContext.getEnvironment());
        return seen;
    }
}
