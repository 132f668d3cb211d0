package dev.lamplighter.security.authorization;

import java.util.List;

/**
 * One question of TestAuthorization: may the principal do this action on these resources?
 *
 * @param actionType PUBLISH, SUBSCRIBE, RECEIVE or CONNECT
 * @param resources resource ARNs (topics, topic filters, client ids)
 */
public record AuthorizationCheck(String actionType, List<String> resources) {
  public AuthorizationCheck {
    resources = resources == null ? List.of() : List.copyOf(resources);
  }
}
