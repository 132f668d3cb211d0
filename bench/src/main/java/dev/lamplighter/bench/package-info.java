/**
 * The whole-server benchmark harness behind {@code bench/run}: the fixed bench credentials shared
 * by the load generator, the ceiling server and the server under test. The sub-packages hold the
 * ceiling server ({@code ceiling}), the load generator ({@code load}), the steps of the thing-group
 * suite ({@code groups}) and the reports ({@code report}). Nothing here is used by the server
 * itself.
 */
package dev.lamplighter.bench;
