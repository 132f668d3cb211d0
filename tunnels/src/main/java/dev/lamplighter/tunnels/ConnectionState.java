package dev.lamplighter.tunnels;

import java.time.Instant;

/** One side's connection to the relay and when it last changed. */
public record ConnectionState(ConnectionStatus status, Instant lastUpdatedAt) {}
