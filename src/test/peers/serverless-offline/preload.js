'use strict';

// Loaded into serverless-offline with NODE_OPTIONS=--require. An Event (async) invoke of a
// throwing handler ends in an unhandled promise rejection, which would kill the whole server;
// log such errors instead so the peer keeps serving the other tests.
process.on('unhandledRejection', (reason) => {
  console.error('[peer preload] unhandled rejection (ignored):', reason);
});
process.on('uncaughtException', (error) => {
  console.error('[peer preload] uncaught exception (ignored):', error);
});
