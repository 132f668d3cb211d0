package dev.lamplighter.api.http;

import java.util.Objects;

/**
 * One row of a route table: an AWS operation of a service and its handler. Method and URI come from
 * the service's wire model, so a row cannot disagree with AWS about them.
 */
public record Route(String service, String operation, Operation handler) {
  public Route {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(handler, "handler");
  }
}
