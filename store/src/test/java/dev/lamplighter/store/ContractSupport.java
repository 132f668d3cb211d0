package dev.lamplighter.store;

import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.Thing;
import dev.lamplighter.registry.ThingQuery;
import dev.lamplighter.registry.spi.ThingRepository;
import dev.lamplighter.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** What every contract of the store uses; a suite says which store is under test. */
abstract class ContractSupport {

  /** The store under test; {@link StoreContractSuite} supplies it. */
  protected abstract StoreFixture fixture();

  protected Store store() {
    return fixture().store();
  }

  protected MutableClock clock() {
    return fixture().clock();
  }

  protected Scope newScope() {
    return fixture().newScope();
  }

  protected AccountId newAccountId() {
    return fixture().newAccountId();
  }

  protected ThingRepository things() {
    return store().registryPorts().things();
  }

  protected <T> T tx(Supplier<T> work) {
    return store().transactions().inTransaction(work);
  }

  protected void tx(Runnable work) {
    store().transactions().inTransaction(work);
  }

  protected long logHead() {
    return fixture().logHead();
  }

  protected List<ChangeEvent> logAfter(long sequence) {
    return fixture().logAfter(sequence);
  }

  /** A version-1 thing without type, made now. */
  protected Thing thing(String name, Map<String, String> attributes) {
    return thing(name, null, attributes);
  }

  protected Thing thing(String name, String typeName, Map<String, String> attributes) {
    return new Thing(
        name,
        UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString(),
        typeName,
        attributes,
        1,
        null,
        clock().instant(),
        clock().instant());
  }

  /** The next version of {@code thing} with other attributes. */
  protected Thing nextVersion(Thing thing, Map<String, String> attributes) {
    return new Thing(
        thing.name(),
        thing.thingId(),
        thing.typeName(),
        attributes,
        thing.version() + 1,
        thing.billingGroupName(),
        thing.createdAt(),
        clock().instant());
  }

  protected Thing withType(Thing thing, String typeName) {
    return new Thing(
        thing.name(),
        thing.thingId(),
        typeName,
        thing.attributes(),
        thing.version() + 1,
        thing.billingGroupName(),
        thing.createdAt(),
        clock().instant());
  }

  protected List<String> names(List<Thing> things) {
    return things.stream().map(Thing::name).toList();
  }

  protected List<String> listNames(Scope scope, ThingQuery query) {
    return names(things().list(scope, query, null, 1000));
  }

  protected static ThingQuery attribute(String name, String value) {
    return new ThingQuery(null, name, value, false);
  }

  protected static ThingQuery attributePrefix(String name, String prefix) {
    return new ThingQuery(null, name, prefix, true);
  }
}
