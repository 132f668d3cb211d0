/**
 * The thing-group suite of {@code bench/run groups}: a {@link
 * dev.lamplighter.bench.groups.GroupPlan plan} of a thing-group hierarchy and the things spread
 * over its leaves (pure arithmetic on names), the steps that build it on a running server and
 * measure it (creating the groups, loading the memberships as fixed batches, paging recursively
 * through a group) and their raw result lines. Requests are signed and sent with the load
 * generator's parts from {@code load}.
 */
package dev.lamplighter.bench.groups;
