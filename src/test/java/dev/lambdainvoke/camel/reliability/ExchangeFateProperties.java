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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.logging.log4j.Level;

import static dev.lambdainvoke.camel.support.WireMockLambda.invokeAny;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;

/**
 * SPEC "Errors" (nothing is lost, retryable classification, {@code ResponseIncomplete}) and "The request" (one-shot
 * bodies, the same bytes on every redelivery), generated: each try starts a Camel context with one route shape and
 * sends a batch of exchanges at once, each with its own body and its own answers from Lambda ({@link FaultScenario}).
 * Every exchange must end exactly once within a bound computed from its script, Lambda must receive 1 + its
 * redeliveries requests with identical bytes, and the exchange must end as the model ({@link ExpectedFate}) says, with
 * the result headers of its own last call and none left from before.
 */
class ExchangeFateProperties {

    private static WireMockLambda lambda;
    private static ScriptedLambda answers;
    private static LoggerLevel quiet;
    private static LoggerLevel sdkNoise;
    private static LoggerLevel exhaustedNoise;

    @BeforeContainer
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

    @AfterContainer
    static void stopLambda() {
        lambda.close();
        sdkNoise.close();
        exhaustedNoise.close();
        quiet.close();
    }

    @Property(tries = 25)
    void everyExchangeEndsOnceWithTheOutcomeAndHeadersOfItsOwnLastCall(@ForAll("batches") FaultScenario scenario)
            throws Exception {
        check(scenario);
    }

    /** The long run of the reliability profile: more tries, bigger batches. */
    @Property(tries = 300)
    @Tag("reliability")
    void manyBigBatchesEachExchangeEndsOnceWithItsOwnResult(@ForAll("bigBatches") FaultScenario scenario)
            throws Exception {
        check(scenario);
    }

    static void check(FaultScenario scenario) throws Exception {
        List<String> problems = new FaultRun(lambda, answers, scenario).run();
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " problem(s) in " + scenario.shape() + " maxConcurrency="
                                     + scenario.maxConcurrency() + (scenario.jsonata() ? " jsonata" : "")
                                     + (scenario.failOnFunctionError() ? " failOnFunctionError" : "")
                                     + " maximumRedeliveries=" + scenario.maximumRedeliveries()
                                     + (scenario.streamCaching() ? "" : " streamCaching=false") + ":\n  "
                                     + String.join("\n  ", problems.subList(0, Math.min(20, problems.size()))));
        }
    }

    // Shrunk failures, kept as plain examples named for the behaviour (jqwik runs each once)

    /** The predicate took the Timeout for the 500 before it (Camel adds that as suppressed) and redelivered it. */
    @Example
    void aTimeoutAfterAServerErrorIsNotRedelivered() throws Exception {
        check(new FaultScenario(RouteShape.PLAIN, 5, false, false, 2, true,
                List.of(new Call(BodyKind.MAP, true, "x", List.of(Answer.SERVER_ERROR, Answer.SLOW)))));
    }

    /** Issue 10 defect 3: a 200 whose body breaks off ended as a success with an empty body. */
    @Example
    void aTruncatedAnswerFailsAsResponseIncompleteAndIsNotRedelivered() throws Exception {
        check(new FaultScenario(RouteShape.PLAIN, 1, false, false, 1, true,
                List.of(new Call(BodyKind.STRING, true, "{\"text\":\"\"}", List.of(Answer.TRUNCATED)))));
    }

    /**
     * Issue 10 defect 1: mapping failures admitted by a full gate ran the handled onException's call to a second
     * endpoint on the draining thread; that call was queued behind the first gate's drain and never started.
     */
    @Example
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
    @Example
    void aRedeliverySendsTheBytesOfAOneShotStreamAgain() throws Exception {
        check(new FaultScenario(RouteShape.PLAIN, 2, false, false, 1, false, List.of(
                new Call(BodyKind.ONE_SHOT_STREAM, true, "{\"text\":\"once\"}", List.of(Answer.SERVER_ERROR)))));
    }

    @Provide
    Arbitrary<FaultScenario> batches() {
        return scenarios(5, 30);
    }

    @Provide
    Arbitrary<FaultScenario> bigBatches() {
        return scenarios(20, 120);
    }

    static Arbitrary<FaultScenario> scenarios(int minCalls, int maxCalls) {
        return Combinators.combine(Arbitraries.of(RouteShape.class), Arbitraries.integers().between(1, 8),
                        Arbitraries.of(false, true), Arbitraries.of(false, true), Arbitraries.integers().between(0, 3),
                        Arbitraries.of(true, false), calls().list().ofMinSize(minCalls).ofMaxSize(maxCalls))
                .as(FaultScenario::new);
    }

    static Arbitrary<Call> calls() {
        Arbitrary<String> words = Arbitraries.strings().withCharRange('a', 'z').withChars('é', '€', ' ', '√')
                .ofMaxLength(12);
        return Combinators.combine(Arbitraries.of(BodyKind.class), Arbitraries.of(true, false), words,
                scripts()).as((kind, json, word, script) -> new Call(kind, json,
                json ? "{\"text\":\"" + word + "\"}" : "not json: " + word, script));
    }

    /** Answers to successive attempts; mostly successes, every failure the SPEC classifies among them. */
    static Arbitrary<List<Answer>> scripts() {
        return Arbitraries.frequency(Tuple.of(30, Answer.OK), Tuple.of(8, Answer.FUNCTION_ERROR),
                        Tuple.of(10, Answer.THROTTLED), Tuple.of(6, Answer.THROTTLED_RETRY_AFTER_0),
                        Tuple.of(2, Answer.THROTTLED_RETRY_AFTER_1), Tuple.of(10, Answer.SERVER_ERROR),
                        Tuple.of(8, Answer.RESET), Tuple.of(6, Answer.TRUNCATED), Tuple.of(3, Answer.SLOW))
                .list().ofMaxSize(4);
    }
}
