/**
 * The {@code policy} suite of {@code bench/run}: a JMH benchmark of the AWS IoT policy evaluator of
 * {@code dev.lamplighter.security.policy} on a realistic set of policies ({@link
 * dev.lamplighter.bench.policy.PolicySet}), measured beside a deliberately naive evaluator that
 * builds regular expressions per evaluation ({@link dev.lamplighter.bench.policy.NaiveEvaluator}),
 * the comparison peer of the report. {@link dev.lamplighter.bench.policy.JmhLines} turns JMH's JSON
 * result into the suite's raw result lines.
 */
package dev.lamplighter.bench.policy;
