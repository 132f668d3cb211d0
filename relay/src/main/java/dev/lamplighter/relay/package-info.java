/**
 * The secure-tunneling relay on the data-plane port: admits each tunnel's source and destination
 * clients by access token at {@code /tunnel}, pairs them and forwards their tunnel frames, and
 * drops connections that a close, a rotation or the end of a tunnel's lifetime ended.
 */
package dev.lamplighter.relay;
