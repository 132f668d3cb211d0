package dev.lamplighter.registry.spi;

import dev.lamplighter.core.event.ChangeLog;
import dev.lamplighter.core.tx.Transactions;
import java.util.Objects;

/** Everything the registry needs from a store. */
public record RegistryPorts(
    Transactions transactions,
    ChangeLog changeLog,
    ThingRepository things,
    ThingTypeRepository thingTypes,
    TagRepository tags,
    ThingGroupRepository thingGroups,
    ThingGroupMembershipRepository thingGroupMembers,
    DynamicThingGroupMembershipRepository dynamicThingGroupMembers,
    BillingGroupRepository billingGroups,
    ThingConnectivityRepository thingConnectivity,
    EventConfigurationRepository eventConfigurations) {
  public RegistryPorts {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(changeLog, "changeLog");
    Objects.requireNonNull(things, "things");
    Objects.requireNonNull(thingTypes, "thingTypes");
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(thingGroups, "thingGroups");
    Objects.requireNonNull(thingGroupMembers, "thingGroupMembers");
    Objects.requireNonNull(dynamicThingGroupMembers, "dynamicThingGroupMembers");
    Objects.requireNonNull(billingGroups, "billingGroups");
    Objects.requireNonNull(thingConnectivity, "thingConnectivity");
    Objects.requireNonNull(eventConfigurations, "eventConfigurations");
  }
}
