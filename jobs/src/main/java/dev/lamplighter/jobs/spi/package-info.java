/**
 * Persistence ports of jobs, implemented by the store. Scoped methods act within the caller's
 * {@link dev.lamplighter.core.tenancy.Scope}; the engine's methods look across scopes. Writes are
 * made inside {@link dev.lamplighter.core.tx.Transactions#inTransaction}.
 */
package dev.lamplighter.jobs.spi;
