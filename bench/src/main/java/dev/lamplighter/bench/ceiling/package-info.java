/**
 * The ceiling server: the JDK's built-in HTTP server doing only what every API call must do (read
 * the request, verify its SigV4 signature with {@link dev.lamplighter.api.sigv4.SigV4Verifier},
 * write a small JSON answer). Its throughput on the same machine is the ceiling the server's
 * numbers are compared with.
 */
package dev.lamplighter.bench.ceiling;
