package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.DeviceExecution;
import dev.lamplighter.jobs.ExecutionStateException;
import dev.lamplighter.jobs.ExecutionUpdate;
import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobConfigs.AbortCriteria;
import dev.lamplighter.jobs.JobConfigs.FailureType;
import dev.lamplighter.jobs.JobConfigs.RetryCriteria;
import dev.lamplighter.jobs.JobDetails;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.JobExecutionStatus;
import dev.lamplighter.jobs.JobStatus;
import dev.lamplighter.jobs.Jobs;
import dev.lamplighter.jobs.NewJob;
import dev.lamplighter.jobs.PresignedUrls;
import dev.lamplighter.jobs.TargetSelection;
import dev.lamplighter.registry.NewDynamicThingGroup;
import dev.lamplighter.registry.NewThing;
import dev.lamplighter.registry.NewThingGroup;
import dev.lamplighter.registry.Registry;
import dev.lamplighter.registry.RegistryConfig;
import dev.lamplighter.registry.Tag;
import dev.lamplighter.testkit.MutableClock;
import dev.lamplighter.testkit.SequentialIdSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jobs on a real store, driven the way the server drives them: the control plane and the devices'
 * API through the services, the engine one tick at a time with a clock the test moves. Each test
 * has a database of its own. Subclasses name the store.
 */
abstract class JobsBehaviourTest {
  static final Scope SCOPE = Scope.of("111122223333", "eu-west-1");
  static final String DOCUMENT = "{\"operation\":\"install\",\"version\":\"2.1\"}";

  private final List<AutoCloseable> closeLater = new ArrayList<>();
  MutableClock clock;
  Store store;
  Registry registry;
  Jobs jobs;

  protected abstract StoreConfig newEmptyDatabase();

  @BeforeEach
  void open() {
    clock = MutableClock.at("2026-03-02T10:00:00Z");
    store = Store.open(newEmptyDatabase(), clock);
    registry =
        Registry.create(
            store.registryPorts(),
            clock,
            new SequentialIdSource(),
            RegistryConfig.defaults(),
            Jobs.taggable(store.jobsPorts()));
    jobs = node("node-a");
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : closeLater) {
      closeable.close();
    }
    store.close();
  }

  /** A server node's jobs on this store (its engine runs only when the test ticks it). */
  Jobs node(String nodeId) {
    Jobs node =
        Jobs.create(
            store.jobsPorts(),
            registry,
            clock,
            Jobs.Settings.of(nodeId),
            url -> Optional.empty(),
            PresignedUrls.none());
    closeLater.add(node);
    return node;
  }

  /** Things {@code lamp-00} … in a static group {@code lamps}. */
  void lampsGroup(int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(String.format("lamp-%02d", i));
    }
    things(names.toArray(String[]::new));
    group("lamps", null, names.toArray(String[]::new));
  }

  void things(String... names) {
    for (String name : names) {
      registry.things().create(SCOPE, new NewThing(name, null, Map.of(), null));
    }
  }

  void group(String name, String parent, String... members) {
    registry.thingGroups().create(SCOPE, new NewThingGroup(name, parent, null, null, List.of()));
    for (String member : members) {
      registry.thingGroups().addThing(SCOPE, name, member, false);
    }
  }

  static String thingArn(String name) {
    return Arn.of(SCOPE, ResourceType.THING, name).toString();
  }

  static String groupArn(String name) {
    return Arn.of(SCOPE, ResourceType.THING_GROUP, name).toString();
  }

  Job create(String jobId, List<String> targets, JobConfigs configs) {
    return create(jobId, targets, TargetSelection.SNAPSHOT, configs);
  }

  Job create(String jobId, List<String> targets, TargetSelection selection, JobConfigs configs) {
    return jobs.jobs()
        .create(
            SCOPE,
            new NewJob(
                jobId,
                targets,
                selection,
                "firmware 2.1",
                DOCUMENT,
                null,
                null,
                null,
                configs,
                null,
                List.of(),
                null));
  }

  void tick() {
    assertThat(jobs.runEngineOnce()).as("this node holds the engine lease").isTrue();
  }

  void tickAfter(Duration duration) {
    clock.advance(duration);
    tick();
  }

  JobDetails describe(String jobId) {
    return jobs.jobs().describe(SCOPE, jobId, false);
  }

  Map<JobExecutionStatus, Long> counts(String jobId) {
    return new EnumMap<>(describe(jobId).processDetails().counts());
  }

  List<JobExecution> executions(String jobId) {
    return jobs.executions().listForJob(SCOPE, jobId, null, PageRequest.first(250)).items();
  }

  JobExecution execution(String jobId, String thing) {
    return jobs.executions().describe(SCOPE, jobId, thing, null);
  }

  DeviceExecution report(String jobId, String thing, JobExecutionStatus status) {
    return jobs.device()
        .update(SCOPE, new ExecutionUpdate(thing, jobId, status, null, null, null, null), false);
  }

  static void assertRefused(ThrowingCallable call, ErrorCode code, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessageContaining(message);
  }

  List<ChangeEvent> logOf(ResourceType type, long after) {
    List<ChangeEvent> all = new ArrayList<>();
    long position = after;
    while (true) {
      List<ChangeEvent> page = store.changeLog().readAfter(position, 500);
      if (page.isEmpty()) {
        return all.stream().filter(e -> e.type() == type).toList();
      }
      all.addAll(page);
      position = page.get(page.size() - 1).sequence();
    }
  }

  // ---- Snapshot jobs: targets, rollout, completion ----

  @Test
  void snapshotJob_onAGroupHierarchyAndAThing_queuesOneExecutionPerThing_andCompletesWhenAllEnd() {
    things("lamp-1", "lamp-2", "lamp-3", "pole-9");
    group("italy", null, "lamp-1");
    group("turin", "italy", "lamp-2", "lamp-3");

    Job created = create("fw-21", List.of(groupArn("italy"), thingArn("pole-9")), JobConfigs.NONE);
    assertThat(created.status()).isEqualTo(JobStatus.IN_PROGRESS);
    tick();

    assertThat(executions("fw-21"))
        .extracting(JobExecution::thingName)
        .containsExactly("lamp-1", "lamp-2", "lamp-3", "pole-9");
    assertThat(executions("fw-21"))
        .allSatisfy(
            e -> {
              assertThat(e.status()).isEqualTo(JobExecutionStatus.QUEUED);
              assertThat(e.executionNumber()).isEqualTo(1);
              assertThat(e.versionNumber()).isEqualTo(1);
            });
    assertThat(counts("fw-21")).containsEntry(JobExecutionStatus.QUEUED, 4L);

    for (String thing : List.of("lamp-1", "lamp-2", "lamp-3")) {
      report("fw-21", thing, JobExecutionStatus.SUCCEEDED);
    }
    tick();
    assertThat(describe("fw-21").job().status()).isEqualTo(JobStatus.IN_PROGRESS);

    report("fw-21", "pole-9", JobExecutionStatus.FAILED);
    tick();

    JobDetails done = describe("fw-21");
    assertThat(done.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(done.job().completedAt()).isEqualTo(clock.instant());
    assertThat(done.processDetails().count(JobExecutionStatus.SUCCEEDED)).isEqualTo(3);
    assertThat(done.processDetails().count(JobExecutionStatus.FAILED)).isEqualTo(1);
    assertThat(done.concurrent()).isFalse();
  }

  @Test
  void snapshotJob_doesNotReachAThingThatJoinsItsGroupLater() {
    things("lamp-1", "lamp-2");
    group("lamps", null, "lamp-1");
    create("fw", List.of(groupArn("lamps")), JobConfigs.NONE);
    tick();

    registry.thingGroups().addThing(SCOPE, "lamps", "lamp-2", false);
    tick();

    assertThat(executions("fw")).extracting(JobExecution::thingName).containsExactly("lamp-1");
  }

  @Test
  void rollout_atMaximumPerMinute_releasesThatManyEachMinute_andListsOnlyWhatWasReleased() {
    lampsGroup(25);
    create(
        "fw",
        List.of(groupArn("lamps")),
        new JobConfigs(new JobConfigs.Rollout(10, null), null, null, null, null, null));

    tick();
    assertThat(executions("fw")).hasSize(1);
    assertThat(describe("fw").concurrent()).isTrue();
    assertThat(describe("fw").processDetails().processingTargets())
        .containsExactly(groupArn("lamps"));

    tickAfter(Duration.ofSeconds(30));
    assertThat(executions("fw")).hasSize(6);
    tickAfter(Duration.ofSeconds(29));
    assertThat(executions("fw")).hasSize(10);
    tickAfter(Duration.ofSeconds(1));
    assertThat(executions("fw")).hasSize(11);
    tickAfter(Duration.ofMinutes(5));
    assertThat(executions("fw")).hasSize(25);
    assertThat(describe("fw").processDetails().processingTargets()).isEmpty();
  }

  @Test
  void exponentialRate_growsAsThingsAreNotified() {
    lampsGroup(40);
    create(
        "fw",
        List.of(groupArn("lamps")),
        new JobConfigs(
            new JobConfigs.Rollout(null, new JobConfigs.ExponentialRate(4, 2.0, 4, null)),
            null,
            null,
            null,
            null,
            null));

    tick(); // 1 at once
    tickAfter(Duration.ofSeconds(59)); // 4 in the first minute; 4 notified doubles the rate to 8
    assertThat(executions("fw")).hasSize(4);
    tickAfter(Duration.ofSeconds(59)); // 8 a minute from the increase: floor(8 × 59 / 60) = 7
    assertThat(executions("fw")).hasSize(11);
  }

  @Test
  void aNewNode_takingOverTheEngine_continuesTheRolloutAtItsRate_withoutABurst() {
    lampsGroup(30);
    create(
        "fw",
        List.of(groupArn("lamps")),
        new JobConfigs(new JobConfigs.Rollout(6, null), null, null, null, null, null));
    tick();
    tickAfter(Duration.ofSeconds(20)); // 1 + 2
    assertThat(executions("fw")).hasSize(3);

    // The node dies; ten minutes later another one takes the lease over.
    clock.advance(Duration.ofMinutes(10));
    Jobs other = node("node-b");
    assertThat(other.runEngineOnce()).isTrue();
    assertThat(executions("fw")).hasSize(3);
    clock.advance(Duration.ofSeconds(30));
    other.runEngineOnce();
    assertThat(executions("fw")).hasSize(6);
  }

  @Test
  void onlyTheNodeHoldingTheLease_runsTheEngine_untilItLapses() {
    Jobs other = node("node-b");
    assertThat(jobs.runEngineOnce()).isTrue();
    assertThat(other.runEngineOnce()).isFalse();

    clock.advance(Duration.ofSeconds(16));

    assertThat(other.runEngineOnce()).isTrue();
    assertThat(jobs.runEngineOnce()).isFalse();
  }

  // ---- The devices' API ----

  @Test
  void devices_startTheOldestQueuedExecution_reportProgress_andFinish() {
    things("lamp-1");
    create("fw-a", List.of(thingArn("lamp-1")), JobConfigs.NONE);
    tick();
    clock.advance(Duration.ofSeconds(5));
    create("fw-b", List.of(thingArn("lamp-1")), JobConfigs.NONE);
    tick();

    assertThat(jobs.device().pending(SCOPE, "lamp-1").queued())
        .extracting(JobExecution::jobId)
        .containsExactly("fw-a", "fw-b");
    DeviceExecution started =
        jobs.device().startNext(SCOPE, "lamp-1", Map.of("step", "download"), null).orElseThrow();
    assertThat(started.execution().jobId()).isEqualTo("fw-a");
    assertThat(started.execution().status()).isEqualTo(JobExecutionStatus.IN_PROGRESS);
    assertThat(started.execution().versionNumber()).isEqualTo(2);
    assertThat(started.execution().startedAt()).isEqualTo(clock.instant());
    assertThat(started.document()).isEqualTo(DOCUMENT);

    // Starting again returns the one in progress, unchanged.
    DeviceExecution again =
        jobs.device().startNext(SCOPE, "lamp-1", Map.of("x", "y"), null).orElseThrow();
    assertThat(again.execution().versionNumber()).isEqualTo(2);
    assertThat(again.execution().statusDetails()).containsEntry("step", "download");
    assertThat(jobs.device().describe(SCOPE, "lamp-1", "$next", null, false))
        .get()
        .extracting(d -> d.execution().jobId())
        .isEqualTo("fw-a");

    DeviceExecution done =
        jobs.device()
            .update(
                SCOPE,
                new ExecutionUpdate(
                    "lamp-1",
                    "fw-a",
                    JobExecutionStatus.SUCCEEDED,
                    Map.of("step", "done"),
                    2L,
                    1L,
                    null),
                true);
    assertThat(done.execution().status()).isEqualTo(JobExecutionStatus.SUCCEEDED);
    assertThat(done.execution().versionNumber()).isEqualTo(3);
    assertThat(done.document()).isEqualTo(DOCUMENT);
    assertThat(jobs.device().describe(SCOPE, "lamp-1", "$next", null, false))
        .get()
        .extracting(d -> d.execution().jobId())
        .isEqualTo("fw-b");
  }

  @Test
  void devicesUpdates_thatAreStaleOrFromATerminalStatus_areRefused_andChangeNothing() {
    things("lamp-1");
    create("fw", List.of(thingArn("lamp-1")), JobConfigs.NONE);
    tick();
    report("fw", "lamp-1", JobExecutionStatus.IN_PROGRESS);

    assertThatThrownBy(
            () ->
                jobs.device()
                    .update(
                        SCOPE,
                        new ExecutionUpdate(
                            "lamp-1", "fw", JobExecutionStatus.SUCCEEDED, null, 1L, null, null),
                        false))
        .isInstanceOfSatisfying(
            ExecutionStateException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.EXECUTION_VERSION_MISMATCH);
              assertThat(e.current().versionNumber()).isEqualTo(2);
            });
    report("fw", "lamp-1", JobExecutionStatus.SUCCEEDED);
    assertThatThrownBy(() -> report("fw", "lamp-1", JobExecutionStatus.IN_PROGRESS))
        .isInstanceOfSatisfying(
            ExecutionStateException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION));
    assertRefused(
        () -> report("fw", "lamp-1", JobExecutionStatus.CANCELED),
        ErrorCode.INVALID_REQUEST,
        "not CANCELED");
    assertRefused(
        () -> report("fw", "lamp-2", JobExecutionStatus.SUCCEEDED),
        ErrorCode.RESOURCE_NOT_FOUND,
        "No job execution of job fw on thing lamp-2");
    assertThat(execution("fw", "lamp-1").status()).isEqualTo(JobExecutionStatus.SUCCEEDED);
    assertThat(execution("fw", "lamp-1").versionNumber()).isEqualTo(3);
  }

  // ---- Timers and retries ----

  @Test
  void inProgressTimeout_endsTheExecutionTimedOut_andTheRetryQueuesItAgain() {
    things("lamp-1");
    create(
        "fw",
        List.of(thingArn("lamp-1")),
        new JobConfigs(
            null,
            null,
            new JobConfigs.Timeout(10L),
            new JobConfigs.Retry(List.of(new RetryCriteria(FailureType.TIMED_OUT, 1))),
            null,
            null));
    tick();
    report("fw", "lamp-1", JobExecutionStatus.IN_PROGRESS);

    tickAfter(Duration.ofMinutes(9));
    assertThat(execution("fw", "lamp-1").status()).isEqualTo(JobExecutionStatus.IN_PROGRESS);
    long before = store.changeLog().head();
    tickAfter(Duration.ofMinutes(1));

    JobExecution retried = execution("fw", "lamp-1");
    assertThat(retried.status()).isEqualTo(JobExecutionStatus.QUEUED);
    assertThat(retried.retryAttempt()).isEqualTo(1);
    assertThat(retried.executionNumber()).isEqualTo(1);
    assertThat(logOf(ResourceType.JOB_EXECUTION, before))
        .extracting(e -> e.stateJson().contains("\"status\":\"TIMED_OUT\""))
        .containsExactly(true, false);

    report("fw", "lamp-1", JobExecutionStatus.IN_PROGRESS);
    tickAfter(Duration.ofMinutes(10));
    assertThat(execution("fw", "lamp-1").status()).isEqualTo(JobExecutionStatus.TIMED_OUT);
    tick();
    assertThat(describe("fw").job().status()).isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  void aStepTimer_endsTheExecutionBeforeTheInProgressTimer_andIsReplacedByTheNextStep() {
    things("lamp-1");
    create(
        "fw",
        List.of(thingArn("lamp-1")),
        new JobConfigs(null, null, new JobConfigs.Timeout(60L), null, null, null));
    tick();
    jobs.device().startNext(SCOPE, "lamp-1", null, 5L);
    tickAfter(Duration.ofMinutes(4));
    jobs.device()
        .update(
            SCOPE,
            new ExecutionUpdate(
                "lamp-1", "fw", JobExecutionStatus.IN_PROGRESS, null, null, null, 5L),
            false);

    tickAfter(Duration.ofMinutes(4));
    assertThat(execution("fw", "lamp-1").status()).isEqualTo(JobExecutionStatus.IN_PROGRESS);
    tickAfter(Duration.ofMinutes(1));
    assertThat(execution("fw", "lamp-1").status()).isEqualTo(JobExecutionStatus.TIMED_OUT);
  }

  @Test
  void failedExecutions_areRetriedUpToTheLimit_thenStayFailed() {
    things("lamp-1");
    create(
        "fw",
        List.of(thingArn("lamp-1")),
        new JobConfigs(
            null,
            null,
            null,
            new JobConfigs.Retry(List.of(new RetryCriteria(FailureType.FAILED, 2))),
            null,
            null));
    tick();

    report("fw", "lamp-1", JobExecutionStatus.FAILED);
    assertThat(execution("fw", "lamp-1").status()).isEqualTo(JobExecutionStatus.QUEUED);
    report("fw", "lamp-1", JobExecutionStatus.FAILED);
    report("fw", "lamp-1", JobExecutionStatus.FAILED);

    JobExecution last = execution("fw", "lamp-1");
    assertThat(last.status()).isEqualTo(JobExecutionStatus.FAILED);
    assertThat(last.retryAttempt()).isEqualTo(2);
    tick();
    assertThat(describe("fw").job().status()).isEqualTo(JobStatus.COMPLETED);
  }

  // ---- Abort, cancel, delete ----

  @Test
  void abortCriteria_cancelTheJobAndItsQueuedExecutions_butLeaveThoseInProgress() {
    things("a", "b", "c", "d", "e");
    group("lamps", null, "a", "b", "c", "d", "e");
    create(
        "fw",
        List.of(groupArn("lamps")),
        new JobConfigs(
            null,
            new JobConfigs.Abort(List.of(new AbortCriteria(FailureType.FAILED, 50, 2))),
            null,
            null,
            null,
            null));
    tick();
    report("fw", "a", JobExecutionStatus.FAILED);
    tick();
    assertThat(describe("fw").job().status()).isEqualTo(JobStatus.IN_PROGRESS);
    report("fw", "b", JobExecutionStatus.SUCCEEDED);
    report("fw", "c", JobExecutionStatus.IN_PROGRESS);

    tick(); // 1 of 2 executed failed: 50 %
    tick(); // winds down

    Job job = describe("fw").job();
    assertThat(job.status()).isEqualTo(JobStatus.CANCELED);
    assertThat(job.reasonCode()).isEqualTo("ABORT_CRITERIA_MET");
    assertThat(job.comment()).contains("1 of 2 executed things (50.00%) ended FAILED");
    assertThat(execution("fw", "c").status()).isEqualTo(JobExecutionStatus.IN_PROGRESS);
    assertThat(execution("fw", "d").status()).isEqualTo(JobExecutionStatus.CANCELED);
    assertThat(execution("fw", "e").status()).isEqualTo(JobExecutionStatus.CANCELED);
  }

  @Test
  void cancelWithForce_cancelsExecutionsInProgressToo_andMarksThemForced() {
    things("a", "b");
    create("fw", List.of(thingArn("a"), thingArn("b")), JobConfigs.NONE);
    tick();
    report("fw", "a", JobExecutionStatus.IN_PROGRESS);

    Job canceled = jobs.jobs().cancel(SCOPE, "fw", "OPERATOR", "wrong image", true);
    assertThat(canceled.status()).isEqualTo(JobStatus.CANCELED);
    assertThat(describe("fw").concurrent()).isTrue();
    tick();

    assertThat(execution("fw", "a").status()).isEqualTo(JobExecutionStatus.CANCELED);
    assertThat(execution("fw", "a").forceCanceled()).isTrue();
    assertThat(execution("fw", "b").forceCanceled()).isFalse();
    JobDetails details = describe("fw");
    assertThat(details.job().forceCanceled()).isTrue();
    assertThat(details.job().reasonCode()).isEqualTo("OPERATOR");
    assertThat(details.concurrent()).isFalse();
    assertRefused(
        () -> jobs.jobs().cancel(SCOPE, "fw", null, null, false),
        ErrorCode.INVALID_REQUEST,
        "Job fw is CANCELED and cannot be canceled");
  }

  @Test
  void cancelExecution_needsForceWhileInProgress_andChecksTheVersion() {
    things("a");
    create("fw", List.of(thingArn("a")), JobConfigs.NONE);
    tick();
    report("fw", "a", JobExecutionStatus.IN_PROGRESS);

    assertRefused(
        () -> jobs.executions().cancel(SCOPE, "fw", "a", false, null, null),
        ErrorCode.INVALID_STATE_TRANSITION,
        "set force");
    assertRefused(
        () -> jobs.executions().cancel(SCOPE, "fw", "a", true, 1L, null),
        ErrorCode.VERSION_CONFLICT,
        "at version 2, not 1");

    JobExecution canceled =
        jobs.executions().cancel(SCOPE, "fw", "a", true, 2L, Map.of("reason", "operator"));
    assertThat(canceled.status()).isEqualTo(JobExecutionStatus.CANCELED);
    assertThat(canceled.statusDetails()).containsEntry("reason", "operator");
  }

  @Test
  void deleteJob_needsForceBeforeItIsFinished_thenRemovesItsExecutionsAndTags_andFreesTheId() {
    things("a", "b");
    jobs.jobs()
        .create(
            SCOPE,
            new NewJob(
                "fw",
                List.of(thingArn("a"), thingArn("b")),
                null,
                null,
                DOCUMENT,
                null,
                null,
                null,
                null,
                null,
                List.of(new Tag("team", "lights")),
                null));
    tick();
    assertThat(store.registryPorts().tags().find(Arn.of(SCOPE, ResourceType.JOB, "fw")))
        .containsEntry("team", "lights");
    assertRefused(
        () -> jobs.jobs().delete(SCOPE, "fw", false),
        ErrorCode.INVALID_STATE_TRANSITION,
        "set force");

    jobs.jobs().delete(SCOPE, "fw", true);
    assertThat(describe("fw").job().status()).isEqualTo(JobStatus.DELETION_IN_PROGRESS);
    assertRefused(
        () -> jobs.jobs().delete(SCOPE, "fw", true),
        ErrorCode.INVALID_REQUEST,
        "already being deleted");
    tick();

    assertRefused(() -> describe("fw"), ErrorCode.RESOURCE_NOT_FOUND, "Job fw does not exist");
    assertThat(
            jobs.executions().listForThing(SCOPE, "a", null, null, PageRequest.first(10)).items())
        .isEmpty();
    assertThat(store.registryPorts().tags().find(Arn.of(SCOPE, ResourceType.JOB, "fw"))).isEmpty();
  }

  // ---- Scheduling ----

  @Test
  void aScheduledJob_waitsForItsStart_andEndsAsItsEndBehaviorSays() {
    things("a");
    create(
        "fw",
        List.of(thingArn("a")),
        new JobConfigs(
            null,
            null,
            null,
            null,
            new JobConfigs.Scheduling(
                "2026-03-02T11:00", "2026-03-02T12:00", JobConfigs.EndBehavior.CANCEL, List.of()),
            null));
    tick();
    assertThat(describe("fw").job().status()).isEqualTo(JobStatus.SCHEDULED);
    assertThat(executions("fw")).isEmpty();

    clock.set(Instant.parse("2026-03-02T11:00:00Z"));
    tick();
    assertThat(describe("fw").job().status()).isEqualTo(JobStatus.IN_PROGRESS);
    tick();
    assertThat(executions("fw")).hasSize(1);

    clock.set(Instant.parse("2026-03-02T12:00:00Z"));
    tick();
    tick();
    assertThat(describe("fw").job().status()).isEqualTo(JobStatus.CANCELED);
    assertThat(execution("fw", "a").status()).isEqualTo(JobExecutionStatus.CANCELED);
  }

  @Test
  void maintenanceWindows_letTheRolloutRunOnlyInsideThem() {
    things("a");
    create(
        "fw",
        List.of(thingArn("a")),
        new JobConfigs(
            null,
            null,
            null,
            null,
            new JobConfigs.Scheduling(
                null,
                null,
                null,
                List.of(new JobConfigs.MaintenanceWindow("cron(0 2 * * ? *)", 60))),
            null));
    tick();
    tick();
    assertThat(describe("fw").job().status()).isEqualTo(JobStatus.SCHEDULED);
    assertThat(executions("fw")).isEmpty();
    assertThat(describe("fw").scheduledRollouts()).first().isEqualTo("2026-03-03T02:00");

    clock.set(Instant.parse("2026-03-03T02:10:00Z"));
    tick();
    tick();
    assertThat(describe("fw").job().status()).isEqualTo(JobStatus.IN_PROGRESS);
    assertThat(executions("fw")).hasSize(1);

    clock.set(Instant.parse("2026-03-03T03:00:00Z"));
    tick();
    assertThat(describe("fw").job().status()).isEqualTo(JobStatus.SCHEDULED);
  }

  // ---- Continuous jobs ----

  @Test
  void continuousJob_reachesThingsThatJoinLater_removesQueuedOnesThatLeave_andRunsAgainOnReturn() {
    things("a", "b", "c");
    group("lamps", null, "a");
    group("north", "lamps");
    create("fw", List.of(groupArn("lamps")), TargetSelection.CONTINUOUS, JobConfigs.NONE);
    tick();
    assertThat(executions("fw")).extracting(JobExecution::thingName).containsExactly("a");

    registry.thingGroups().addThing(SCOPE, "north", "b", false);
    registry.thingGroups().addThing(SCOPE, "lamps", "c", false);
    tick();
    assertThat(executions("fw")).extracting(JobExecution::thingName).containsExactly("a", "b", "c");

    registry.thingGroups().removeThing(SCOPE, "lamps", "c");
    tick();
    assertThat(execution("fw", "c").status()).isEqualTo(JobExecutionStatus.REMOVED);

    report("fw", "a", JobExecutionStatus.SUCCEEDED);
    registry.thingGroups().removeThing(SCOPE, "lamps", "a");
    registry.thingGroups().addThing(SCOPE, "lamps", "a", false);
    tick();
    JobExecution again = execution("fw", "a");
    assertThat(again.status()).isEqualTo(JobExecutionStatus.QUEUED);
    assertThat(again.executionNumber()).isEqualTo(2);
    tick();
    assertThat(describe("fw").job().status()).isEqualTo(JobStatus.IN_PROGRESS);
  }

  @Test
  void continuousJob_onADynamicGroup_followsItsMembership() {
    things("a", "b");
    registry
        .dynamicThingGroups()
        .create(
            SCOPE,
            new NewDynamicThingGroup(
                "old-firmware", null, null, null, null, "attributes.firmware:1.*", null));
    create("fw", List.of(groupArn("old-firmware")), TargetSelection.CONTINUOUS, JobConfigs.NONE);
    tick();
    assertThat(executions("fw")).isEmpty();

    registry
        .dynamicThingGroups()
        .changeMembers(SCOPE, "old-firmware", List.of("a", "b"), List.of());
    tick();
    assertThat(executions("fw")).extracting(JobExecution::thingName).containsExactly("a", "b");

    registry.dynamicThingGroups().changeMembers(SCOPE, "old-firmware", List.of(), List.of("b"));
    tick();
    assertThat(execution("fw", "b").status()).isEqualTo(JobExecutionStatus.REMOVED);
  }

  @Test
  void deletingAThing_removesItsQueuedExecutions() {
    things("a", "b");
    create("fw", List.of(thingArn("a"), thingArn("b")), JobConfigs.NONE);
    tick();

    registry.things().delete(SCOPE, "b", null);
    tick();

    assertThat(execution("fw", "b").status()).isEqualTo(JobExecutionStatus.REMOVED);
  }

  // ---- Bad input: refused, nothing written ----

  @Test
  void createJob_refusesBadInput_andWritesNothing() {
    things("a");
    long head = store.changeLog().head();

    assertRefused(
        () -> jobs.jobs().create(SCOPE, newJob("j1", List.of(thingArn("a")), "not json")),
        ErrorCode.INVALID_REQUEST,
        "not valid JSON");
    assertRefused(
        () -> jobs.jobs().create(SCOPE, newJob("j2", List.of(thingArn("nobody")), DOCUMENT)),
        ErrorCode.RESOURCE_NOT_FOUND,
        "nobody");
    assertRefused(
        () ->
            jobs.jobs()
                .create(
                    SCOPE,
                    newJob(
                        "j3",
                        List.of(
                            Arn.of(Scope.of("999999999999", "eu-west-1"), ResourceType.THING, "a")
                                .toString()),
                        DOCUMENT)),
        ErrorCode.INVALID_REQUEST,
        "not in the account and region");
    assertRefused(
        () ->
            jobs.jobs()
                .create(
                    SCOPE,
                    newJob("j4", List.of("arn:aws:iot:eu-west-1:111122223333:policy/p"), DOCUMENT)),
        ErrorCode.INVALID_REQUEST,
        "not the ARN of a thing or a thing group");
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add(thingArn("t" + i));
    }
    assertRefused(
        () -> jobs.jobs().create(SCOPE, newJob("j5", many, DOCUMENT)),
        ErrorCode.LIMIT_EXCEEDED,
        "at most 100 targets");
    assertRefused(
        () ->
            jobs.jobs()
                .create(
                    SCOPE,
                    new NewJob(
                        "j6",
                        List.of(thingArn("a")),
                        null,
                        null,
                        DOCUMENT,
                        null,
                        null,
                        Map.of("x", "y"),
                        null,
                        null,
                        null,
                        null)),
        ErrorCode.INVALID_REQUEST,
        "documentParameters can only be used with an AWS managed job template");
    assertRefused(
        () ->
            jobs.jobs()
                .create(
                    SCOPE,
                    new NewJob(
                        "j7",
                        List.of(thingArn("a")),
                        null,
                        null,
                        null,
                        null,
                        "arn:aws:iot:eu-west-1::jobtemplate/AWS-Download-File:1.0",
                        Map.of("downloadUrl", "https://x"),
                        null,
                        null,
                        null,
                        null)),
        ErrorCode.INVALID_REQUEST,
        "Missing required document parameter filePath");

    assertThat(store.changeLog().head()).isEqualTo(head);
    assertThat(
            jobs.jobs()
                .list(SCOPE, dev.lamplighter.jobs.JobQuery.ALL, PageRequest.first(10))
                .items())
        .isEmpty();
  }

  @Test
  void aJobIdInUse_isRefusedWithTheExistingJobsArn() {
    things("a");
    create("fw", List.of(thingArn("a")), JobConfigs.NONE);

    assertThatThrownBy(() -> create("fw", List.of(thingArn("a")), JobConfigs.NONE))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_ALREADY_EXISTS);
              assertThat(e.details())
                  .containsEntry("resourceId", "fw")
                  .containsEntry("resourceArn", "arn:aws:iot:eu-west-1:111122223333:job/fw");
            });
  }

  @Test
  void managedTemplateJobs_serveTheirDocumentWithParametersFilledIn() {
    things("a");
    jobs.jobs()
        .create(
            SCOPE,
            new NewJob(
                "reboot",
                List.of(thingArn("a")),
                null,
                null,
                null,
                null,
                "arn:aws:iot:eu-west-1::jobtemplate/AWS-Reboot:1.0",
                Map.of("runAsUser", "root"),
                null,
                null,
                null,
                null));
    tick();

    assertThat(describe("reboot").job().description())
        .isEqualTo("A managed job template for rebooting the device.");
    assertThat(jobs.jobs().document(SCOPE, "reboot", false))
        .contains("\"runAsUser\":\"root\"")
        .contains("\"path\":\"\"");
    assertThat(jobs.jobs().document(SCOPE, "reboot", true))
        .contains("${aws:iot:parameter:runAsUser}");
    assertThat(jobs.device().startNext(SCOPE, "a", null, null).orElseThrow().document())
        .contains("\"handler\":\"reboot.sh\"")
        .contains("\"runAsUser\":\"root\"");
  }

  @Test
  void everyChange_isInTheChangeLog_withTheStatusBefore() {
    things("a");
    long head = store.changeLog().head();
    create("fw", List.of(thingArn("a")), JobConfigs.NONE);
    tick();
    report("fw", "a", JobExecutionStatus.SUCCEEDED);
    tick();

    assertThat(logOf(ResourceType.JOB, head))
        .extracting(ChangeEvent::kind, e -> e.stateJson().contains("\"status\":\"COMPLETED\""))
        .contains(org.assertj.core.groups.Tuple.tuple(ChangeKind.CREATED, false))
        .last()
        .isEqualTo(org.assertj.core.groups.Tuple.tuple(ChangeKind.UPDATED, true));
    assertThat(logOf(ResourceType.JOB_EXECUTION, head))
        .extracting(ChangeEvent::name, ChangeEvent::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fw/a", ChangeKind.CREATED),
            org.assertj.core.groups.Tuple.tuple("fw/a", ChangeKind.UPDATED));
    assertThat(logOf(ResourceType.JOB_EXECUTION, head).get(1).stateJson())
        .contains("\"previousStatus\":\"QUEUED\"")
        .contains("\"status\":\"SUCCEEDED\"");
  }

  private static NewJob newJob(String id, List<String> targets, String document) {
    return new NewJob(id, targets, null, null, document, null, null, null, null, null, null, null);
  }
}
