package dev.lamplighter.api.http;

/**
 * An operation's output that is a JSON document sent as it is, for outputs whose whole body is a
 * blob payload (the shadow operations of iot-data).
 */
public record JsonDocument(byte[] bytes) {}
