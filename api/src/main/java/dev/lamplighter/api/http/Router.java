package dev.lamplighter.api.http;

import dev.lamplighter.api.wire.OperationSpec;
import dev.lamplighter.api.wire.Protocol;
import dev.lamplighter.api.wire.RequestDecoder;
import dev.lamplighter.api.wire.UriTemplate;
import dev.lamplighter.api.wire.WireModel;
import dev.lamplighter.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the operation a request calls: first by the service its signature is scoped to (paths
 * collide across services), then by method and path for REST-JSON services — literal segments
 * winning over labels — or by {@code X-Amz-Target} for JSON services.
 *
 * <p>Every operation of a wire model is found, whether or not it has a handler yet, so the answer
 * for an operation without one names it.
 */
public final class Router {
  private final Map<String, ServiceRoutes> bySigningName = new HashMap<>();

  public Router(List<WireModel> models, List<Route> routes) {
    Map<String, Route> routeByKey = new HashMap<>();
    for (Route route : routes) {
      if (routeByKey.put(route.service() + " " + route.operation(), route) != null) {
        throw new IllegalArgumentException("two routes for " + route.operation());
      }
    }
    for (WireModel model : models) {
      ServiceRoutes service =
          new ServiceRoutes(model, new RequestDecoder(model, Integer.MAX_VALUE));
      for (OperationSpec spec : model.operations()) {
        Route route = routeByKey.remove(model.service() + " " + spec.name());
        service.add(new Candidate(spec, route));
      }
      service.sort();
      model.signingNames().forEach(name -> bySigningName.put(name, service));
    }
    if (!routeByKey.isEmpty()) {
      throw new IllegalArgumentException("routes for unknown operations: " + routeByKey.keySet());
    }
  }

  /** A request matched to an operation that has a handler. */
  public record Match(
      Route route, OperationSpec operation, Map<String, String> labels, RequestDecoder decoder) {}

  /**
   * The operation a request calls.
   *
   * @param signingName the service of the request's credential scope
   * @param target the {@code X-Amz-Target} header, or null
   * @throws dev.lamplighter.core.error.ServiceException UNKNOWN_OPERATION when nothing matches or
   *     the matched operation has no handler yet
   */
  public Match find(String signingName, String method, String rawPath, String target) {
    ServiceRoutes service = bySigningName.get(signingName);
    if (service == null) {
      throw Dispatcher.unknownOperation(method, rawPath);
    }
    return service.find(method, rawPath, target);
  }

  private record Candidate(OperationSpec spec, Route route) {}

  /**
   * The operations of one service. REST candidates are bucketed by method and first path segment
   * (every AWS path starts with a literal), so a request tries only the handful of templates that
   * can match it, most specific first.
   */
  private static final class ServiceRoutes {
    private static final String LABEL_FIRST = "{";

    private final WireModel model;
    private final RequestDecoder decoder;
    private final Map<String, List<Candidate>> byMethodAndFirstSegment = new HashMap<>();
    private final Map<String, Candidate> byTarget = new HashMap<>();

    ServiceRoutes(WireModel model, RequestDecoder decoder) {
      this.model = model;
      this.decoder = decoder;
    }

    void add(Candidate candidate) {
      String first = firstSegment(candidate.spec().uri());
      String key = candidate.spec().method() + " " + (first.startsWith("{") ? LABEL_FIRST : first);
      byMethodAndFirstSegment.computeIfAbsent(key, k -> new ArrayList<>()).add(candidate);
      model
          .targetPrefix()
          .ifPresent(prefix -> byTarget.put(prefix + "." + candidate.spec().name(), candidate));
    }

    void sort() {
      Comparator<Candidate> order =
          Comparator.comparing(c -> c.spec().template(), UriTemplate.MOST_SPECIFIC_FIRST);
      byMethodAndFirstSegment.values().forEach(list -> list.sort(order));
    }

    Match find(String method, String rawPath, String target) {
      if (model.protocol() == Protocol.JSON) {
        Candidate candidate = target == null ? null : byTarget.get(target);
        if (candidate == null || !candidate.spec().method().equals(method)) {
          throw Dispatcher.unknownOperation(method, rawPath);
        }
        return handled(candidate, Map.of());
      }
      Match match = find(method + " " + firstSegment(rawPath), rawPath);
      if (match == null) {
        match = find(method + " " + LABEL_FIRST, rawPath);
      }
      if (match == null) {
        throw Dispatcher.unknownOperation(method, rawPath);
      }
      return match;
    }

    private Match find(String key, String rawPath) {
      for (Candidate candidate : byMethodAndFirstSegment.getOrDefault(key, List.of())) {
        Optional<Map<String, String>> labels = candidate.spec().template().match(rawPath);
        if (labels.isPresent()) {
          return handled(candidate, labels.get());
        }
      }
      return null;
    }

    private Match handled(Candidate candidate, Map<String, String> labels) {
      if (candidate.route() == null) {
        throw ErrorCode.UNKNOWN_OPERATION.exception(
            "%s is not supported by this server.", candidate.spec().name());
      }
      return new Match(candidate.route(), candidate.spec(), labels, decoder);
    }

    /** The first segment of a path or URI template, as written ({@code things}, {@code {x}}). */
    private static String firstSegment(String path) {
      int start = path.startsWith("/") ? 1 : 0;
      int end = start;
      while (end < path.length() && path.charAt(end) != '/' && path.charAt(end) != '?') {
        end++;
      }
      return path.substring(start, end);
    }
  }
}
