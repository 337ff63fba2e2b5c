package dev.lambdainvoke.camel.reliability;

import java.util.ArrayList;
import java.util.List;

import dev.lambdainvoke.camel.reliability.FaultScenario.BodyKind;
import dev.lambdainvoke.camel.reliability.FaultScenario.Call;
import dev.lambdainvoke.camel.reliability.FaultScenario.RouteShape;
import dev.lambdainvoke.camel.support.LoggerLevel;
import dev.lambdainvoke.camel.support.ScriptedLambda;
import dev.lambdainvoke.camel.support.ScriptedLambda.Answer;
import dev.lambdainvoke.camel.support.WireMockLambda;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

import static dev.lambdainvoke.camel.support.WireMockLambda.invokeAny;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * SPEC "Errors" (nothing is lost, retryable classification, {@code ResponseIncomplete}) and "The request" (one-shot
 * bodies, the same bytes on every redelivery), generated: each try starts a Camel context with one route shape and
 * sends a batch of exchanges at once, each with its own body and its own answers from Lambda ({@link FaultScenario}).
 * Every exchange must end exactly once within a bound computed from its script, Lambda must receive 1 + its
 * redeliveries requests with identical bytes, and the exchange must end as the model ({@link ExpectedFate}) says, with
 * the result headers of its own last call and none left from before.
 *
 * <p>Generated with QuickTheories, which shrinks a failing scenario to a small one and prints it with its seed. (jqwik,
 * which the issue suggested, asks at run time that AI agents not use it; this suite is written by one, so it does not.)
 */
class ExchangeFatePropertiesTest {

    private static WireMockLambda lambda;
    private static ScriptedLambda answers;
    private static LoggerLevel quiet;
    private static LoggerLevel sdkNoise;
    private static LoggerLevel exhaustedNoise;

    @BeforeAll
    static void startLambda() throws Exception {
        quiet = LoggerLevel.componentAtInfo();
        // the Netty client logs a WARN with a stack trace for some cancelled (timed-out) calls: aws/aws-sdk-java-v2#2713
        sdkNoise = LoggerLevel.set("io.netty.channel.DefaultChannelPipeline", Level.ERROR);
        // Camel logs each exhausted exchange with its stack trace at ERROR: hundreds per run, all expected
        exhaustedNoise = LoggerLevel.set("org.apache.camel.processor.errorhandler", Level.OFF);
        answers = new ScriptedLambda(FaultRun.SLOW_ANSWER);
        lambda = new WireMockLambda(options -> options.extensions(answers));
        lambda.stub(invokeAny().willReturn(ok("{}"))); // ScriptedLambda decides every answer
        // a cold JVM's first calls can take most of the endpoint's timeout: warm the client, JSONata and Camel up first
        List<Call> warmUp = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            warmUp.add(new Call(BodyKind.values()[i % BodyKind.values().length], true, "{\"warm\":1}", List.of()));
        }
        for (RouteShape shape : RouteShape.values()) {
            new FaultRun(lambda, answers, new FaultScenario(shape, 4, shape.ordinal() % 2 == 0, false, 0, true, warmUp))
                    .run();
        }
    }

    @AfterAll
    static void stopLambda() {
        lambda.close();
        sdkNoise.close();
        exhaustedNoise.close();
        quiet.close();
    }

    @Test
    void everyExchangeEndsOnceWithTheOutcomeAndHeadersOfItsOwnLastCall() {
        qt().withExamples(25).withShrinkCycles(20).forAll(scenarios(5, 30)).checkAssert(ExchangeFatePropertiesTest::check);
    }

    /** The long run of the reliability profile: more tries, bigger batches. */
    @Test
    @Tag("reliability")
    void manyBigBatchesEachExchangeEndsOnceWithItsOwnResult() {
        qt().withExamples(80).withShrinkCycles(20).forAll(scenarios(20, 120))
                .checkAssert(ExchangeFatePropertiesTest::check);
    }

    static void check(FaultScenario scenario) {
        List<String> problems;
        try {
            problems = new FaultRun(lambda, answers, scenario).run();
        } catch (Exception e) {
            throw new AssertionError("the try could not run: " + scenario, e);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " problem(s) in " + scenario.shape() + " maxConcurrency="
                                     + scenario.maxConcurrency() + (scenario.jsonata() ? " jsonata" : "")
                                     + (scenario.failOnFunctionError() ? " failOnFunctionError" : "")
                                     + " maximumRedeliveries=" + scenario.maximumRedeliveries()
                                     + (scenario.streamCaching() ? "" : " streamCaching=false") + ":\n  "
                                     + String.join("\n  ", problems.subList(0, Math.min(20, problems.size()))));
        }
    }

    // Shrunk failures, kept as plain examples named for the behaviour

    /** The predicate took the Timeout for the 500 before it (Camel adds that as suppressed) and redelivered it. */
    @Test
    void aTimeoutAfterAServerErrorIsNotRedelivered() throws Exception {
        check(new FaultScenario(RouteShape.PLAIN, 5, false, false, 2, true,
                List.of(new Call(BodyKind.MAP, true, "x", List.of(Answer.SERVER_ERROR, Answer.SLOW)))));
    }

    /** Issue 10 defect 3: a 200 whose body breaks off ended as a success with an empty body. */
    @Test
    void aTruncatedAnswerFailsAsResponseIncompleteAndIsNotRedelivered() throws Exception {
        check(new FaultScenario(RouteShape.PLAIN, 1, false, false, 1, true,
                List.of(new Call(BodyKind.STRING, true, "{\"text\":\"\"}", List.of(Answer.TRUNCATED)))));
    }

    /**
     * Issue 10 defect 1: mapping failures admitted by a full gate ran the handled onException's call to a second
     * endpoint on the draining thread; that call was queued behind the first gate's drain and never started.
     */
    @Test
    void mappingFailuresAdmittedFromAFullGateReachTheFallbackEndpoint() throws Exception {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // the Map is sent and holds the only place; the text behind it waits, and fails its mapping when admitted
            calls.add(new Call(BodyKind.MAP, false, "sent " + i, List.of()));
            calls.add(new Call(BodyKind.STRING, false, "not json: " + i, List.of()));
        }
        check(new FaultScenario(RouteShape.FALLBACK_ENDPOINT, 1, true, false, 0, true, calls));
    }

    /** Issue 10 defect 4: a one-shot stream body was read by the first attempt, and the redelivery sent nothing. */
    @Test
    void aRedeliverySendsTheBytesOfAOneShotStreamAgain() throws Exception {
        check(new FaultScenario(RouteShape.PLAIN, 2, false, false, 1, false, List.of(
                new Call(BodyKind.ONE_SHOT_STREAM, true, "{\"text\":\"once\"}", List.of(Answer.SERVER_ERROR)))));
    }

    static Gen<FaultScenario> scenarios(int minCalls, int maxCalls) {
        Gen<Boolean> flags = booleans().all();
        Gen<Options> options = integers().between(1, 8).zip(flags, flags, integers().between(0, 3), flags, Options::new);
        return enumValues(RouteShape.class).zip(options, lists().of(calls()).ofSizeBetween(minCalls, maxCalls),
                (shape, o, calls) -> new FaultScenario(shape, o.maxConcurrency(), o.jsonata(), o.failOnFunctionError(),
                        o.maximumRedeliveries(), o.streamCaching(), calls));
    }

    /** The endpoint's and the redelivery policy's settings of one try. */
    private record Options(int maxConcurrency, boolean jsonata, boolean failOnFunctionError, int maximumRedeliveries,
                           boolean streamCaching) {
    }

    static Gen<Call> calls() {
        Gen<String> words = strings().betweenCodePoints('a', 'z').ofLengthBetween(0, 12)
                .mix(strings().allPossible().ofLengthBetween(0, 4).map(ExchangeFatePropertiesTest::printable), 20);
        return enumValues(BodyKind.class).zip(booleans().all(), words, scripts(), (kind, json, word, script) ->
                new Call(kind, json, json ? "{\"text\":\"" + word + "\"}" : "not json: " + word, script));
    }

    /** Answers to successive attempts; mostly successes, every failure the SPEC classifies among them. */
    static Gen<List<Answer>> scripts() {
        Gen<Answer> answer = org.quicktheories.generators.Generate.frequency(List.of(weight(30, Answer.OK),
                weight(8, Answer.FUNCTION_ERROR), weight(10, Answer.THROTTLED),
                weight(6, Answer.THROTTLED_RETRY_AFTER_0), weight(2, Answer.THROTTLED_RETRY_AFTER_1),
                weight(10, Answer.SERVER_ERROR), weight(8, Answer.RESET), weight(6, Answer.TRUNCATED),
                weight(3, Answer.SLOW)));
        return lists().of(answer).ofSizeBetween(0, 4);
    }

    private static Pair<Integer, Gen<Answer>> weight(int weight, Answer answer) {
        return Pair.of(weight, org.quicktheories.generators.Generate.constant(answer));
    }

    private static <E extends Enum<E>> Gen<E> enumValues(Class<E> type) {
        return org.quicktheories.generators.Generate.enumValues(type);
    }

    /** Any text, with what JSON would need escaped replaced, so that it can stand inside a JSON string as it is. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.appendCodePoint(c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate((char) c)
                ? '_' : c));
        return out.toString();
    }
}
