/**
 * {@link dev.lambdainvoke.local.LocalLambda}: Java Lambda handlers served behind the real Invoke API on
 * 127.0.0.1, for the quickstart and for tests of routes that use {@code lambda-invoke:}, without Docker or an AWS
 * account. Only {@code LocalLambda} and {@code LocalFunction} are public; the rest is how the host works.
 */
package dev.lambdainvoke.local;
