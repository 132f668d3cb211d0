/**
 * The secure-tunneling wire format shared by the relay and the local proxy: tunnel frames (a
 * big-endian 16-bit length, then a protobuf {@code Message}) carried as one byte stream per
 * direction across binary WebSocket frames.
 */
package dev.lamplighter.relay.protocol;
