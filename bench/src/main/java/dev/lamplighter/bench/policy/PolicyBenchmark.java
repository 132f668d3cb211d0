package dev.lamplighter.bench.policy;

import dev.lamplighter.security.policy.PolicyContext;
import dev.lamplighter.security.policy.PolicyEvaluator;
import dev.lamplighter.security.policy.PolicyEvaluator.Decision;
import dev.lamplighter.security.policy.PolicyEvaluator.NamedPolicy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decisions per second of one thread evaluating {@code iot:Publish} against {@link PolicySet}: the
 * compiled evaluator and the naive peer, each on a topic the lamp may publish to and on one it may
 * not. Iterations and forks are set by {@code bench/run policy} on the command line.
 *
 * <p>The inputs are fields of a thread-scoped state, not constants, so the JIT cannot fold the
 * evaluation away; each benchmark returns its decision for JMH to consume.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PolicyBenchmark {
  private List<NamedPolicy> policies;
  private PolicyContext context;
  private NaiveEvaluator naive;
  private Map<String, String> variables;
  private String action;
  private String matchingTopic;
  private String nonMatchingTopic;

  @Setup
  public void setUp() {
    policies = PolicySet.compiled();
    context = PolicySet.context();
    naive = PolicySet.naive();
    variables = PolicySet.variables();
    action = PolicySet.ACTION;
    matchingTopic = PolicySet.MATCHING_TOPIC;
    nonMatchingTopic = PolicySet.NON_MATCHING_TOPIC;
  }

  @Benchmark
  public Decision compiledMatching() {
    return PolicyEvaluator.evaluate(policies, action, matchingTopic, context);
  }

  @Benchmark
  public Decision compiledNonMatching() {
    return PolicyEvaluator.evaluate(policies, action, nonMatchingTopic, context);
  }

  @Benchmark
  public boolean naiveMatching() {
    return naive.allowed(action, matchingTopic, variables);
  }

  @Benchmark
  public boolean naiveNonMatching() {
    return naive.allowed(action, nonMatchingTopic, variables);
  }
}
