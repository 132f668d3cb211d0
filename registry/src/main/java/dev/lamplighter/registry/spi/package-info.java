/**
 * Persistence ports of the registry, implemented by the store. Every method is scoped by the
 * caller's {@link dev.lamplighter.core.tenancy.Scope}; writes are made inside {@link
 * dev.lamplighter.core.tx.Transactions#inTransaction}.
 */
package dev.lamplighter.registry.spi;
