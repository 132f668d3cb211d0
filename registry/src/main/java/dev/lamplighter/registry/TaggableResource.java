package dev.lamplighter.registry;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.tenancy.Scope;

/** A resource type that can carry tags, with a way to tell whether a resource of it exists. */
public interface TaggableResource {

  ResourceType type();

  /** Whether the resource named {@code name} exists in {@code scope}. */
  boolean exists(Scope scope, String name);
}
