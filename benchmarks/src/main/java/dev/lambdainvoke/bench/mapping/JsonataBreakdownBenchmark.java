package dev.lambdainvoke.bench.mapping;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.dashjoin.jsonata.Jsonata;
import dev.lambdainvoke.camel.internal.mapping.JsonCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The stages of {@link MappingBenchmark#requestJsonataBytes} one by one, with the component's own {@link JsonCodec} and
 * the same JSONata library and expression ({@code JsonataPayloadMapper} keeps its compiled expression private, so it is
 * compiled here again from the same text): parsing the bytes, converting a Map body, evaluating (with a frame binding
 * {@code $headers}, as the mapper does per message), writing the result. The evaluation reuses one parsed document; the
 * setup checks that evaluating does not change it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class JsonataBreakdownBenchmark {

    private byte[] orderBytes;
    private Object parsed;
    private Map<String, Object> headers;
    private Jsonata expression;
    private Object result;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        orderBytes = MappingFixtures.orderBytes();
        parsed = JsonCodec.read(orderBytes);
        headers = new HashMap<>(Map.of(MappingFixtures.TENANT_HEADER, MappingFixtures.TENANT));
        expression = Jsonata.jsonata(MappingFixtures.EXPRESSION);
        result = evaluate();
        String before = new String(JsonCodec.write(parsed));
        String once = new String(JsonCodec.write(evaluate()));
        if (!once.equals(new String(JsonCodec.write(result))) || !before.equals(new String(JsonCodec.write(parsed)))
                || !parsed.equals(JsonCodec.read(orderBytes))) {
            throw new IllegalStateException("evaluation is not repeatable on one parsed document");
        }
    }

    /** JSON text to Map/List values (JsonInput for a byte[] body). */
    @Benchmark
    public Object parse() throws Exception {
        return JsonCodec.read(orderBytes);
    }

    /** A Map body's conversion to plain values (JsonInput for a Map body). */
    @Benchmark
    public Object convertMap() {
        return JsonCodec.toPlainValues(parsed);
    }

    /** The expression on an already parsed document, with $headers bound in a fresh frame. */
    @Benchmark
    public Object evaluate() {
        Jsonata.Frame frame = expression.createFrame();
        frame.bind("headers", headers);
        return expression.evaluate(parsed, frame);
    }

    /** The result back to JSON bytes. */
    @Benchmark
    public byte[] write() throws Exception {
        return JsonCodec.write(result);
    }
}
