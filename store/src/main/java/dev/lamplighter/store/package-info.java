/**
 * The store: the source of truth for every module, on SQLite (embedded default) or PostgreSQL.
 *
 * <p>{@link dev.lamplighter.store.Store#open} applies the schema migrations and hands out the
 * persistence ports the domain modules declare ({@link dev.lamplighter.registry.spi.RegistryPorts},
 * {@link dev.lamplighter.security.spi.SecurityPorts}) together with the transaction boundary and
 * the change log. Its settings are in {@link dev.lamplighter.store.StoreSettings}. Everything else
 * lives in {@code dev.lamplighter.store.internal} and is not used outside this module.
 */
package dev.lamplighter.store;
