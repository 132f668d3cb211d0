/**
 * Shared test fixtures: a clock tests move by hand, predictable ids, an embedded PostgreSQL server
 * and generated PKI ({@link dev.lamplighter.testkit.TestPki}). Used only in test scope.
 */
package dev.lamplighter.testkit;
