/**
 * The AWS IoT policy language: {@link dev.lamplighter.security.policy.PolicyDocument} validates and
 * compiles a policy once, {@link dev.lamplighter.security.policy.PolicyEvaluator} decides a request
 * against a principal's policies with the values of a {@link
 * dev.lamplighter.security.policy.PolicyContext}, many times and on the broker's hot path.
 *
 * <p>The three public types are the whole surface. The rest of the package is the compiler and the
 * matchers behind them: {@code PolicyParser} (JSON and the validation rules, the only class that
 * sees Jackson), {@code IotActions} (the action catalogue), {@code Template} (resource and value
 * patterns split into literal, variable and wildcard elements), {@code ContextKey} (policy
 * variables and condition keys), {@code ConditionClause} and {@code ConditionOperator} (the
 * Condition block) and {@code Statement}.
 */
package dev.lamplighter.security.policy;
