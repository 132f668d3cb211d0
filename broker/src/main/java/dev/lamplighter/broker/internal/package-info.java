/**
 * The broker's engine: the Netty listener and pipeline, the per-connection protocol handler,
 * sessions, the subscription tree and retained messages. Not for use outside the broker module.
 */
package dev.lamplighter.broker.internal;
