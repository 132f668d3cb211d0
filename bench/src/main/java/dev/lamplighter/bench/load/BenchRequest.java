package dev.lamplighter.bench.load;

/**
 * One API call before signing.
 *
 * @param method the HTTP method
 * @param path the path, already percent-encoded
 * @param body the JSON body, or null for none
 */
record BenchRequest(String method, String path, byte[] body) {}
