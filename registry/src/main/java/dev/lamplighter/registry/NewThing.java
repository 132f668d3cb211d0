package dev.lamplighter.registry;

import java.util.Map;

/**
 * The input of CreateThing.
 *
 * @param name the thing's name
 * @param typeName the thing type to give it, or null
 * @param attributes initial attributes; empty values are dropped
 * @param billingGroupName the billing group to add it to, or null
 */
public record NewThing(
    String name, String typeName, Map<String, String> attributes, String billingGroupName) {
  public NewThing {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
