/**
 * Simulated devices shared by the suites that drive many MQTT things: registering each as a thing
 * with its own certificate and policy through the AWS SDK, and connecting them with mutual TLS.
 * What a device then does (take jobs, update its shadow) belongs to its suite.
 */
package dev.lamplighter.bench.fleet;
