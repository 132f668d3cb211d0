/**
 * Persistence ports of shadows, implemented by the store. Documents cross the port as JSON text;
 * writes are made inside {@link dev.lamplighter.core.tx.Transactions#inTransaction}.
 */
package dev.lamplighter.shadow.spi;
