'use strict';

// Handlers of the serverless-offline test peer. Keep them trivial and deterministic:
// the Java tests assert on exactly what they return.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Returns the event unchanged (object in, object out).
exports.echo = async (event) => {
  console.log('echo invoked'); // a log line, but never the payload (it may carry test secrets)
  return event;
};

// Throws: serverless-offline answers 200 + X-Amz-Function-Error: Unhandled,
// body {errorMessage, errorType, trace}.
exports.fail = async (event) => {
  throw new Error('boom: ' + ((event && event.reason) || 'no reason'));
};

// Waits event.seconds (default 35, i.e. past the SDK's 30 s socket default), then answers.
exports.slow = async (event) => {
  const asked = Number(event && event.seconds); // accepts 2 and "2"
  const seconds = event && event.seconds != null && Number.isFinite(asked) ? asked : 35;
  await sleep(seconds * 1000);
  return { slept: seconds };
};

// Runs past its 1 s function timeout: serverless-offline answers 200 Unhandled "[504] - Lambda timeout.".
exports.timeout = async () => {
  await sleep(5000);
  return { finished: true };
};

// Counts invocations since the peer started (all handlers share one process with --useInProcess).
let count = 0;
exports.counter = async () => {
  count += 1;
  return { count };
};
