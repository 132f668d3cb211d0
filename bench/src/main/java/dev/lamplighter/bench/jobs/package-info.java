/**
 * The jobs suite behind {@code bench/run jobs}: a snapshot job to a large static group timed until
 * every execution exists, against the same rows inserted into the same SQLite file directly;
 * devices over MQTT with their own certificates taking jobs from notify-next to SUCCEEDED, against
 * the broker delivering one plain message to each of them; and a rollout's measured rate against
 * its configured {@code maximumPerMinute}. {@link dev.lamplighter.bench.jobs.JobsBench} runs one
 * step and prints its raw result lines.
 */
package dev.lamplighter.bench.jobs;
