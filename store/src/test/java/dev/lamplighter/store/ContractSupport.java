package dev.lamplighter.store;

import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobStatus;
import dev.lamplighter.jobs.TargetSelection;
import dev.lamplighter.jobs.spi.JobExecutionRepository;
import dev.lamplighter.jobs.spi.JobRepository;
import dev.lamplighter.jobs.spi.JobTarget;
import dev.lamplighter.registry.BillingGroup;
import dev.lamplighter.registry.DynamicGroupDefinition;
import dev.lamplighter.registry.DynamicGroupStatus;
import dev.lamplighter.registry.Registry;
import dev.lamplighter.registry.RegistryConfig;
import dev.lamplighter.registry.Thing;
import dev.lamplighter.registry.ThingGroup;
import dev.lamplighter.registry.ThingQuery;
import dev.lamplighter.registry.spi.BillingGroupRepository;
import dev.lamplighter.registry.spi.DynamicThingGroupMembershipRepository;
import dev.lamplighter.registry.spi.ThingGroupMembershipRepository;
import dev.lamplighter.registry.spi.ThingGroupRepository;
import dev.lamplighter.registry.spi.ThingRepository;
import dev.lamplighter.security.spi.SecurityPorts;
import dev.lamplighter.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/** What every contract of the store uses; a suite says which store is under test. */
abstract class ContractSupport {
  /** The one target of {@link #job}: a thing. */
  protected static final JobTarget THING_TARGET =
      new JobTarget("arn:aws:iot:eu-west-1:123456789012:thing/lamp-1", null, null);

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

  protected SecurityPorts security() {
    return store().securityPorts();
  }

  protected ThingRepository things() {
    return store().registryPorts().things();
  }

  protected ThingGroupRepository thingGroups() {
    return store().registryPorts().thingGroups();
  }

  protected ThingGroupMembershipRepository memberships() {
    return store().registryPorts().thingGroupMembers();
  }

  protected DynamicThingGroupMembershipRepository dynamicMemberships() {
    return store().registryPorts().dynamicThingGroupMembers();
  }

  protected BillingGroupRepository billingGroups() {
    return store().registryPorts().billingGroups();
  }

  protected JobRepository jobs() {
    return store().jobsPorts().jobs();
  }

  protected JobExecutionRepository executions() {
    return store().jobsPorts().executions();
  }

  /** The registry's services on the store under test, for rules that span several ports. */
  protected Registry registry() {
    return Registry.create(
        store().registryPorts(), clock(), IdSource.secure(), RegistryConfig.defaults());
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
        name, uuid(name), typeName, attributes, 1, null, clock().instant(), clock().instant());
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

  /** Inserts version-1 things without type or attributes. */
  protected void insertThings(Scope scope, List<String> names) {
    tx(() -> names.forEach(name -> things().insert(scope, thing(name, Map.of()))));
  }

  /** A version-1 thing group without description or attributes, made now. */
  protected ThingGroup group(String name, List<String> ancestors) {
    return new ThingGroup(name, uuid(name), ancestors, null, Map.of(), 1, clock().instant());
  }

  /** A version-1 dynamic thing group in status BUILDING, made now. */
  protected ThingGroup dynamicGroup(String name, String queryString) {
    return new ThingGroup(
        name,
        uuid(name),
        List.of(),
        null,
        Map.of(),
        1,
        clock().instant(),
        new DynamicGroupDefinition(
            DynamicGroupDefinition.DEFAULT_INDEX_NAME,
            queryString,
            DynamicGroupDefinition.DEFAULT_QUERY_VERSION,
            DynamicGroupStatus.BUILDING));
  }

  /** A version-1 child of {@code parent}. */
  protected ThingGroup childOf(ThingGroup parent, String name) {
    List<String> ancestors = new ArrayList<>(parent.ancestors());
    ancestors.add(parent.name());
    return group(name, ancestors);
  }

  /**
   * A version-1 snapshot job in {@code status} targeting one thing, without the optional parts,
   * created at {@code at}.
   */
  protected static Job job(String jobId, JobStatus status, Instant at) {
    return new Job(
        jobId,
        status,
        TargetSelection.SNAPSHOT,
        List.of(THING_TARGET.arn()),
        null,
        "{}",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        at,
        at,
        null,
        Job.RolloutState.START,
        1);
  }

  /** Inserts {@link #job} rows IN_PROGRESS, each targeting one thing. */
  protected void insertJobs(Scope scope, Instant at, String... jobIds) {
    tx(
        () -> {
          for (String jobId : jobIds) {
            jobs().insert(scope, job(jobId, JobStatus.IN_PROGRESS, at), List.of(THING_TARGET));
          }
        });
  }

  /** A version-1 billing group without description, made now. */
  protected BillingGroup billingGroup(String name) {
    return new BillingGroup(name, uuid(name), null, 1, clock().instant());
  }

  /**
   * Reads a keyset listing to its end: {@code page} returns the page after the name it is given
   * (null for the first).
   *
   * @return the pages, each of at most {@code size} names; an empty last page is left out
   */
  protected static List<List<String>> pages(Function<String, List<String>> page, int size) {
    List<List<String>> pages = new ArrayList<>();
    String after = null;
    while (true) {
      List<String> next = page.apply(after);
      if (next.size() > size) {
        throw new AssertionError("a page larger than its limit: " + next);
      }
      if (!next.isEmpty() || pages.isEmpty()) {
        pages.add(next);
      }
      if (next.size() < size) {
        return pages;
      }
      after = next.get(next.size() - 1);
    }
  }

  /**
   * Reads a keyset listing of records to its end: {@code page} returns the page after the cursor it
   * is given (null for the first), and {@code cursorOf} makes the cursor of a record.
   *
   * @return the pages, each of at most {@code size} records; an empty last page is left out
   */
  protected static <T> List<List<T>> keysetPages(
      Function<String, List<T>> page, Function<T, String> cursorOf, int size) {
    List<List<T>> pages = new ArrayList<>();
    String after = null;
    while (true) {
      List<T> next = page.apply(after);
      if (next.size() > size) {
        throw new AssertionError("a page larger than its limit: " + next);
      }
      if (!next.isEmpty() || pages.isEmpty()) {
        pages.add(next);
      }
      if (next.size() < size) {
        return pages;
      }
      after = cursorOf.apply(next.get(next.size() - 1));
    }
  }

  /** SHA-256 of the text, lower-case hex: the shape of a certificate id. */
  protected static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  protected static List<String> flatten(List<List<String>> pages) {
    return pages.stream().flatMap(List::stream).toList();
  }

  private static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
