package dev.lambdainvoke.camel.internal.mapping;

import dev.lambdainvoke.camel.LambdaMappingException;
import org.apache.camel.Exchange;

/** Turns the exchange's body into the bytes sent to the function. */
public interface PayloadMapper {

    byte[] toPayload(Exchange exchange, String function) throws LambdaMappingException;
}
