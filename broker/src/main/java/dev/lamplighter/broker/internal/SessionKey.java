package dev.lamplighter.broker.internal;

/** A session's identity: its client id within its namespace. */
record SessionKey(String namespace, String clientId) {}
