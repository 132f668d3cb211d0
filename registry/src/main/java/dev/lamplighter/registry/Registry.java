package dev.lamplighter.registry;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.internal.TagServiceImpl;
import dev.lamplighter.registry.internal.ThingServiceImpl;
import dev.lamplighter.registry.internal.ThingTypeServiceImpl;
import dev.lamplighter.registry.spi.RegistryPorts;
import java.time.Clock;
import java.util.List;

/** The registry's services, wired to a store. Build one per server. */
public final class Registry {
  private final ThingService things;
  private final ThingTypeService thingTypes;
  private final TagService tags;

  private Registry(RegistryPorts ports, Clock clock, IdSource ids, RegistryConfig config) {
    this.things = new ThingServiceImpl(ports, clock, ids);
    this.thingTypes = new ThingTypeServiceImpl(ports, clock, ids, config.thingTypeDeleteDelay());
    TaggableResource thingTypeResource =
        new TaggableResource() {
          @Override
          public ResourceType type() {
            return ResourceType.THING_TYPE;
          }

          @Override
          public boolean exists(Scope scope, String name) {
            return ports.thingTypes().find(scope, name).isPresent();
          }
        };
    this.tags = new TagServiceImpl(ports, List.of(thingTypeResource));
  }

  public static Registry create(
      RegistryPorts ports, Clock clock, IdSource ids, RegistryConfig config) {
    return new Registry(ports, clock, ids, config);
  }

  public ThingService things() {
    return things;
  }

  public ThingTypeService thingTypes() {
    return thingTypes;
  }

  public TagService tags() {
    return tags;
  }
}
