/**
 * Shared test fixtures: a clock tests move by hand, predictable ids, and an embedded PostgreSQL
 * server. Used only in test scope.
 */
package dev.lamplighter.testkit;
