package dev.lamplighter.registry;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;

/**
 * Thing types. Every method acts within the caller's scope only.
 *
 * <p>Threading: safe from any thread; writes are single durable transactions with a change log
 * entry.
 */
public interface ThingTypeService {

  /**
   * CreateThingType. Calling it again with the same name and properties returns the existing type.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_ALREADY_EXISTS when a type of that
   *     name exists with other properties; INVALID_REQUEST when more than 3 searchable attributes
   *     are given or the tags break the tag rules
   */
  ThingType create(Scope scope, NewThingType type);

  /**
   * DescribeThingType.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND when it does not exist
   */
  ThingType describe(Scope scope, String name);

  /**
   * ListThingTypes, ordered by name.
   *
   * @param name only the type of this name, or null for all
   */
  Page<ThingType> list(Scope scope, String name, PageRequest page);

  /**
   * DeprecateThingType: deprecates the type, or with {@code undo} makes it usable again.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND when it does not exist
   */
  void deprecate(Scope scope, String name, boolean undo);

  /**
   * DeleteThingType. The type must have been deprecated for at least the configured delay (AWS
   * waits 5 minutes) and no thing may still have it.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND when it does not exist;
   *     INVALID_REQUEST when it is not deprecated, was deprecated too recently, or things still
   *     have it
   */
  void delete(Scope scope, String name);

  /**
   * UpdateThingType: only the MQTT 5 propagating attributes can change, as in AWS.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND when it does not exist;
   *     INVALID_REQUEST when the update touches the description or searchable attributes
   */
  ThingType update(Scope scope, String name, ThingTypeUpdate update);
}
