package dev.lamplighter.registry;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.internal.BillingGroupServiceImpl;
import dev.lamplighter.registry.internal.DynamicThingGroupServiceImpl;
import dev.lamplighter.registry.internal.EventConfigurationServiceImpl;
import dev.lamplighter.registry.internal.TagServiceImpl;
import dev.lamplighter.registry.internal.ThingConnectivityServiceImpl;
import dev.lamplighter.registry.internal.ThingGroupServiceImpl;
import dev.lamplighter.registry.internal.ThingServiceImpl;
import dev.lamplighter.registry.internal.ThingTypeServiceImpl;
import dev.lamplighter.registry.spi.RegistryPorts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/** The registry's services, wired to a store. Build one per server. */
public final class Registry {
  private final ThingService things;
  private final ThingTypeService thingTypes;
  private final ThingGroupService thingGroups;
  private final DynamicThingGroupService dynamicThingGroups;
  private final BillingGroupService billingGroups;
  private final TagService tags;
  private final ThingConnectivityService thingConnectivity;
  private final EventConfigurationService eventConfigurations;

  private Registry(
      RegistryPorts ports,
      Clock clock,
      IdSource ids,
      RegistryConfig config,
      List<TaggableResource> otherTaggable) {
    this.things = new ThingServiceImpl(ports, clock, ids);
    this.thingTypes = new ThingTypeServiceImpl(ports, clock, ids, config.thingTypeDeleteDelay());
    this.thingGroups = new ThingGroupServiceImpl(ports, clock, ids);
    this.dynamicThingGroups = new DynamicThingGroupServiceImpl(ports, clock, ids);
    this.billingGroups = new BillingGroupServiceImpl(ports, clock, ids);
    List<TaggableResource> taggable = new ArrayList<>(otherTaggable);
    taggable.add(
        taggable(ResourceType.THING_TYPE, (s, n) -> ports.thingTypes().find(s, n).isPresent()));
    taggable.add(
        taggable(ResourceType.THING_GROUP, (s, n) -> ports.thingGroups().find(s, n).isPresent()));
    taggable.add(
        taggable(
            ResourceType.BILLING_GROUP, (s, n) -> ports.billingGroups().find(s, n).isPresent()));
    this.tags = new TagServiceImpl(ports, taggable);
    this.thingConnectivity = new ThingConnectivityServiceImpl(ports);
    this.eventConfigurations = new EventConfigurationServiceImpl(ports, clock);
  }

  public static Registry create(
      RegistryPorts ports, Clock clock, IdSource ids, RegistryConfig config) {
    return new Registry(ports, clock, ids, config, List.of());
  }

  /**
   * A registry whose tag service also accepts resource types of other modules (policies, CA
   * certificates), told apart by {@link TaggableResource#type()}.
   */
  public static Registry create(
      RegistryPorts ports,
      Clock clock,
      IdSource ids,
      RegistryConfig config,
      List<TaggableResource> otherTaggable) {
    return new Registry(ports, clock, ids, config, otherTaggable);
  }

  public ThingService things() {
    return things;
  }

  public ThingTypeService thingTypes() {
    return thingTypes;
  }

  public ThingGroupService thingGroups() {
    return thingGroups;
  }

  public DynamicThingGroupService dynamicThingGroups() {
    return dynamicThingGroups;
  }

  public BillingGroupService billingGroups() {
    return billingGroups;
  }

  public TagService tags() {
    return tags;
  }

  /** Things' MQTT connectivity, reported by the gateway, read by the fleet index. */
  public ThingConnectivityService thingConnectivity() {
    return thingConnectivity;
  }

  /** Which events ({@code $aws/events/…}) each scope publishes. */
  public EventConfigurationService eventConfigurations() {
    return eventConfigurations;
  }

  /** A taggable resource type whose existence {@code exists} tells. */
  public static TaggableResource taggable(ResourceType type, BiPredicate<Scope, String> exists) {
    return new TaggableResource() {
      @Override
      public ResourceType type() {
        return type;
      }

      @Override
      public boolean exists(Scope scope, String name) {
        return exists.test(scope, name);
      }
    };
  }
}
