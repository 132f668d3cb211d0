/**
 * The shadow rules (request parsing and limits, merge, metadata, delta, response documents) and the
 * service that applies them in store transactions.
 */
package dev.lamplighter.shadow.internal;
