package dev.lambdainvoke.local;

import java.util.List;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Handler classes whose generic types the tests need to be real, not erased. */
final class TestHandlers {

    private TestHandlers() {
    }

    /** A POJO input with a list, as a user's function would take. */
    public static class Order {
        public String id;
        public int quantity;
        public List<String> tags;
    }

    /** A POJO result; the null note must be left out, as the Java runtime does. */
    public static class Priced {
        public String id;
        public double total;
        public String note;

        Priced(String id, double total) {
            this.id = id;
            this.total = total;
        }
    }

    public static class OrderPricer implements RequestHandler<Order, Priced> {
        @Override
        public Priced handleRequest(Order order, Context context) {
            return new Priced(order.id, order.quantity * 2.5);
        }
    }

    /** The input type is bound two levels up the hierarchy, through a type variable. */
    public abstract static class TypeReporter<T> implements RequestHandler<T, String> {
        @Override
        public String handleRequest(T input, Context context) {
            return input == null ? "null" : input.getClass().getSimpleName();
        }
    }

    public static class OrderTypeReporter extends TypeReporter<Order> {
    }

    /** Raw: whatever the JSON parses to. */
    @SuppressWarnings("rawtypes")
    public static class RawTypeReporter implements RequestHandler {
        @Override
        public Object handleRequest(Object input, Context context) {
            return input == null ? "null" : input.getClass().getSimpleName();
        }
    }

    /** A Function class whose input type can be read from its interface. */
    public static class Doubler implements java.util.function.Function<Integer, Integer> {
        @Override
        public Integer apply(Integer value) {
            return value * 2;
        }
    }
}
