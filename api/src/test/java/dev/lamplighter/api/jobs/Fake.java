package dev.lamplighter.api.jobs;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stand-in for a service interface: it records every call and answers those a test scripted with
 * {@link #answer}; a call nobody scripted fails (or does nothing, for a {@code void} method).
 *
 * <pre>{@code
 * Fake<JobService> jobs = Fake.of(JobService.class);
 * jobs.answer("describe", args -> details);
 * ... jobs.service() ...
 * assertThat(jobs.only("describe").arg(1)).isEqualTo("job-1");
 * }</pre>
 */
public final class Fake<T> implements InvocationHandler {

  /** One recorded call. */
  public record Invocation(String method, List<Object> args) {
    public Object arg(int index) {
      return args.get(index);
    }
  }

  private final Class<T> type;
  private final T service;
  private final List<Invocation> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Function<Object[], Object>> answers = new ConcurrentHashMap<>();

  private Fake(Class<T> type) {
    this.type = type;
    this.service =
        type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, this));
  }

  public static <T> Fake<T> of(Class<T> type) {
    return new Fake<>(type);
  }

  /** The stand-in to hand to the code under test. */
  public T service() {
    return service;
  }

  /** Answers every later call of {@code method}; the answer may throw. */
  public Fake<T> answer(String method, Function<Object[], Object> answer) {
    answers.put(method, answer);
    return this;
  }

  /** Every call so far. */
  public List<Invocation> calls() {
    return List.copyOf(calls);
  }

  /** The one call of {@code method}; fails unless there was exactly one. */
  public Invocation only(String method) {
    List<Invocation> matching = calls.stream().filter(c -> c.method().equals(method)).toList();
    if (matching.size() != 1) {
      throw new AssertionError(
          "expected one call of " + type.getSimpleName() + "." + method + ", got " + calls);
    }
    return matching.get(0);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "hashCode" -> System.identityHashCode(proxy);
        case "equals" -> proxy == args[0];
        default -> "Fake<" + type.getSimpleName() + ">";
      };
    }
    Object[] actual = args == null ? new Object[0] : args;
    calls.add(new Invocation(method.getName(), Arrays.asList(actual.clone())));
    Function<Object[], Object> answer = answers.get(method.getName());
    if (answer != null) {
      return answer.apply(actual);
    }
    if (method.getReturnType() == void.class) {
      return null;
    }
    throw new UnsupportedOperationException(
        type.getSimpleName() + "." + method.getName() + " was not scripted");
  }
}
