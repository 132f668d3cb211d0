/**
 * The tunnel suite: bytes and round trips through a secure tunnel (two local proxies and the
 * server's relay) against the same traffic over plain loopback TCP, many tunnels at once, and the
 * server's memory per connected tunnel.
 */
package dev.lamplighter.bench.tunnel;
