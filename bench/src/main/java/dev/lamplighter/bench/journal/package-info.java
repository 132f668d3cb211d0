/**
 * Where the broker keeps what it acknowledged: its append-only journal measured against a SQLite
 * transaction per message, the store's way of writing.
 */
package dev.lamplighter.bench.journal;
