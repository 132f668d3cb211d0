/**
 * The load generator: worker threads that each send synchronous, freshly SigV4-signed requests
 * (signed by the AWS SDK's own signer) over {@link java.net.http.HttpClient} with HTTP/1.1
 * keep-alive, a warm-up followed by a measured window, and one machine-readable result line. Also
 * the seeding of the things that the describe scenario reads.
 *
 * <p>The other bench packages reuse its request parts: {@link BenchRequest}, {@link RequestSigner},
 * {@link ClientMode#newClient()}, {@link LatencyRecorder} and the CPU readers {@link ProcessCpu}
 * and {@link MachineCpu}.
 */
package dev.lamplighter.bench.load;
