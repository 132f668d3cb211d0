/**
 * The long fuzz run behind {@code bench/run fuzz}: the broker's own fuzzer (its test-jar, package
 * {@code dev.lamplighter.broker.fuzz}) against an in-process broker for minutes instead of seconds.
 */
package dev.lamplighter.bench.fuzz;
