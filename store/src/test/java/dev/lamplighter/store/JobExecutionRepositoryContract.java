package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.JobExecutionStatus;
import dev.lamplighter.jobs.spi.ScopedExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.lamplighter.jobs.spi.JobExecutionRepository}. */
abstract class JobExecutionRepositoryContract extends ContractSupport {
  private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
  private static final Instant T1 = T0.plus(Duration.ofMinutes(1));
  private static final Instant T2 = T0.plus(Duration.ofMinutes(2));

  private Scope scopeWithJobs(String... jobIds) {
    Scope scope = newScope();
    insertJobs(scope, T0, jobIds);
    return scope;
  }

  private void insert(Scope scope, JobExecution... executions) {
    tx(
        () -> {
          for (JobExecution execution : executions) {
            executions().insert(scope, execution);
          }
        });
  }

  private int insertHeldBack(Scope scope, String jobId, List<String> thingNames, Instant at) {
    return tx(() -> executions().insertHeldBack(scope, jobId, thingNames, at));
  }

  /** A rolled-out first execution in {@code status}, queued at {@code queuedAt}, no timers. */
  private static JobExecution execution(
      String jobId, String thingName, JobExecutionStatus status, Instant queuedAt) {
    return new JobExecution(
        jobId, thingName, status, null, 1, 1, 0, false, queuedAt, null, queuedAt, null, null, true);
  }

  /** An execution IN_PROGRESS with the given timers (either may be null). */
  private static JobExecution inProgress(
      String jobId, String thingName, Instant inProgressDeadline, Instant stepDeadline) {
    return new JobExecution(
        jobId,
        thingName,
        JobExecutionStatus.IN_PROGRESS,
        Map.of(),
        1,
        2,
        0,
        false,
        T0,
        T0,
        T0,
        inProgressDeadline,
        stepDeadline,
        true);
  }

  /** A held-back execution as insertHeldBack makes it at {@code at}. */
  private static JobExecution heldBack(String jobId, String thingName, Instant at) {
    return new JobExecution(
        jobId,
        thingName,
        JobExecutionStatus.QUEUED,
        Map.of(),
        1,
        1,
        0,
        false,
        at,
        null,
        at,
        null,
        null,
        false);
  }

  private static List<String> things(List<JobExecution> executions) {
    return executions.stream().map(JobExecution::thingName).toList();
  }

  private static List<String> jobIds(List<JobExecution> executions) {
    return executions.stream().map(JobExecution::jobId).toList();
  }

  /** Reads a paged listing to its end; each page's names (or ids) as {@code key} gives them. */
  private static List<List<String>> pages(
      Function<PageRequest, Page<JobExecution>> list,
      Function<JobExecution, String> key,
      int size) {
    List<List<String>> pages = new ArrayList<>();
    PageRequest request = PageRequest.first(size);
    while (true) {
      Page<JobExecution> page = list.apply(request);
      pages.add(page.items().stream().map(key).toList());
      if (page.next().isEmpty()) {
        return pages;
      }
      request = PageRequest.after(page.next().get(), size);
    }
  }

  private List<String> listForJob(Scope scope, String jobId, JobExecutionStatus status) {
    return things(executions().listForJob(scope, jobId, status, PageRequest.first(100)).items());
  }

  private List<String> listForThing(Scope scope, String thingName) {
    return jobIds(
        executions().listForThing(scope, thingName, null, null, PageRequest.first(100)).items());
  }

  @Test
  void insert_thenFind_returnsEveryField_includingNullTimes() {
    Scope scope = scopeWithJobs("job");
    JobExecution full =
        new JobExecution(
            "job",
            "lamp-1",
            JobExecutionStatus.IN_PROGRESS,
            Map.of("step", "2", "progress", "40%"),
            3,
            7,
            2,
            true,
            T0,
            T0.plusNanos(123_456_789),
            T1,
            T0.plus(Duration.ofHours(1)),
            T0.plus(Duration.ofMinutes(10)),
            true);
    JobExecution bare =
        new JobExecution(
            "job",
            "lamp-2",
            JobExecutionStatus.QUEUED,
            null,
            1,
            1,
            0,
            false,
            T0,
            null,
            T0,
            null,
            null,
            false);

    insert(scope, full, bare);

    assertThat(executions().find(scope, "job", "lamp-1")).contains(full);
    assertThat(executions().find(scope, "job", "lamp-2")).contains(bare);
    assertThat(executions().find(scope, "job", "lamp-3")).isEmpty();
    assertThat(executions().find(scope, "other-job", "lamp-1")).isEmpty();
  }

  @Test
  void insert_ofAThingThatHasAnExecution_isRefused_andKeepsTheFirst() {
    Scope scope = scopeWithJobs("job");
    JobExecution first = JobExecution.queued("job", "lamp-1", T0);
    insert(scope, first);

    assertThatThrownBy(() -> insert(scope, JobExecution.queued("job", "lamp-1", T1)))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_ALREADY_EXISTS))
        .hasMessageContaining("lamp-1");

    assertThat(executions().find(scope, "job", "lamp-1")).contains(first);
  }

  @Test
  void insertHeldBack_createsQueuedFirstExecutions_thatAreHeldBack() {
    Scope scope = scopeWithJobs("job");

    int created = insertHeldBack(scope, "job", List.of("lamp-b", "lamp-a", "lamp-c"), T0);

    assertThat(created).isEqualTo(3);
    assertThat(executions().find(scope, "job", "lamp-b")).contains(heldBack("job", "lamp-b", T0));
    assertThat(executions().countHeldBack(scope, "job")).isEqualTo(3);
  }

  @Test
  void insertHeldBack_ofThingsThatHaveAnExecution_createsNothingNew() {
    Scope scope = scopeWithJobs("job");
    JobExecution rolledOut = JobExecution.queued("job", "lamp-1", T0);
    insert(scope, rolledOut);

    assertThat(insertHeldBack(scope, "job", List.of("lamp-1", "lamp-2", "lamp-3"), T1))
        .isEqualTo(2);
    assertThat(insertHeldBack(scope, "job", List.of("lamp-1", "lamp-2", "lamp-3"), T2)).isZero();
    assertThat(insertHeldBack(scope, "job", List.of("lamp-3", "lamp-4", "lamp-4"), T2))
        .isEqualTo(1);

    assertThat(executions().find(scope, "job", "lamp-1")).contains(rolledOut);
    assertThat(executions().find(scope, "job", "lamp-2")).contains(heldBack("job", "lamp-2", T1));
    assertThat(executions().countHeldBack(scope, "job")).isEqualTo(3);
    assertThat(insertHeldBack(scope, "job", List.of(), T2)).isZero();
  }

  @Test
  void heldBackExecutions_areInvisibleToListingsCountsAndPendingQueries() {
    Scope scope = scopeWithJobs("job", "other");
    insertHeldBack(scope, "job", List.of("lamp-1", "lamp-2", "lamp-3"), T0);
    insertHeldBack(scope, "other", List.of("lamp-1"), T0);
    insert(scope, JobExecution.queued("job", "lamp-9", T0));

    assertThat(listForJob(scope, "job", null)).containsExactly("lamp-9");
    assertThat(listForJob(scope, "job", JobExecutionStatus.QUEUED)).containsExactly("lamp-9");
    assertThat(listForThing(scope, "lamp-1")).isEmpty();
    assertThat(
            executions()
                .listForThing(
                    scope, "lamp-1", JobExecutionStatus.QUEUED, "job", PageRequest.first(10))
                .items())
        .isEmpty();
    assertThat(executions().statusCounts(scope, "job"))
        .containsExactlyEntriesOf(Map.of(JobExecutionStatus.QUEUED, 1L));
    assertThat(executions().statusCounts(scope, "other")).isEmpty();
    assertThat(executions().pendingForThing(scope, "lamp-1", 10)).isEmpty();
    assertThat(things(executions().inStatuses(scope, "job", Set.of(JobExecutionStatus.QUEUED), 10)))
        .containsExactly("lamp-9");
    assertThat(executions().find(scope, "job", "lamp-1").orElseThrow().rolledOut()).isFalse();
  }

  @Test
  void releaseHeldBack_rollsOutInThingNameOrder_upToTheLimit() {
    Scope scope = scopeWithJobs("job");
    insertHeldBack(scope, "job", List.of("lamp-5", "lamp-1", "lamp-3", "lamp-2", "lamp-4"), T0);

    List<JobExecution> first = tx(() -> executions().releaseHeldBack(scope, "job", 2, T1));

    assertThat(first)
        .containsExactly(
            JobExecution.queued("job", "lamp-1", T1), JobExecution.queued("job", "lamp-2", T1));
    assertThat(executions().find(scope, "job", "lamp-1")).contains(first.get(0));
    assertThat(executions().countHeldBack(scope, "job")).isEqualTo(3);
    assertThat(listForJob(scope, "job", null)).containsExactly("lamp-1", "lamp-2");
    assertThat(executions().pendingForThing(scope, "lamp-2", 10)).containsExactly(first.get(1));

    List<JobExecution> rest = tx(() -> executions().releaseHeldBack(scope, "job", 10, T2));

    assertThat(things(rest)).containsExactly("lamp-3", "lamp-4", "lamp-5");
    assertThat(rest)
        .allSatisfy(e -> assertThat(e).isEqualTo(JobExecution.queued("job", e.thingName(), T2)));
    assertThat(executions().countHeldBack(scope, "job")).isZero();
    assertThat(tx(() -> executions().releaseHeldBack(scope, "job", 10, T2))).isEmpty();
    assertThat(executions().statusCounts(scope, "job"))
        .containsExactlyEntriesOf(Map.of(JobExecutionStatus.QUEUED, 5L));
  }

  @Test
  void deleteHeldBack_dropsTheHeldBackExecutionsOnly() {
    Scope scope = scopeWithJobs("job", "other");
    insert(scope, JobExecution.queued("job", "lamp-1", T0));
    insertHeldBack(scope, "job", List.of("lamp-1", "lamp-2", "lamp-3"), T0);
    insertHeldBack(scope, "other", List.of("lamp-2"), T0);

    assertThat(tx(() -> executions().deleteHeldBack(scope, "job"))).isEqualTo(2);

    assertThat(executions().countHeldBack(scope, "job")).isZero();
    assertThat(executions().find(scope, "job", "lamp-1")).isPresent();
    assertThat(executions().find(scope, "job", "lamp-2")).isEmpty();
    assertThat(executions().countHeldBack(scope, "other")).isEqualTo(1);
  }

  @Test
  void replace_atTheNumbersRead_writesEveryColumn() {
    Scope scope = scopeWithJobs("job");
    JobExecution stored = JobExecution.queued("job", "lamp-1", T0);
    insert(scope, stored);
    JobExecution next =
        stored
            .moved(JobExecutionStatus.IN_PROGRESS, Map.of("progress", "10%"), T1, false)
            .withDeadlines(T1.plus(Duration.ofHours(1)), T1.plus(Duration.ofMinutes(5)));

    assertThat(tx(() -> executions().replace(scope, stored, next))).isTrue();

    assertThat(executions().find(scope, "job", "lamp-1")).contains(next);
  }

  @Test
  void replace_atAStaleVersionOrExecutionNumber_orOfAMissingExecution_changesNothing() {
    Scope scope = scopeWithJobs("job");
    JobExecution stored = JobExecution.queued("job", "lamp-1", T0);
    insert(scope, stored);
    JobExecution started = stored.moved(JobExecutionStatus.IN_PROGRESS, null, T1, false);
    tx(() -> executions().replace(scope, stored, started));
    // The numbers of the stored version, but of another execution of the thing.
    JobExecution otherExecution =
        new JobExecution(
            "job",
            "lamp-1",
            JobExecutionStatus.IN_PROGRESS,
            null,
            2,
            started.versionNumber(),
            0,
            false,
            T0,
            T1,
            T1,
            null,
            null,
            true);

    assertThat(
            tx(
                () ->
                    executions()
                        .replace(
                            scope,
                            stored,
                            stored.moved(JobExecutionStatus.CANCELED, null, T2, false))))
        .isFalse();
    assertThat(
            tx(
                () ->
                    executions()
                        .replace(
                            scope,
                            otherExecution,
                            otherExecution.moved(JobExecutionStatus.SUCCEEDED, null, T2, false))))
        .isFalse();
    JobExecution ghost = JobExecution.queued("job", "ghost", T0);
    assertThat(
            tx(
                () ->
                    executions()
                        .replace(
                            scope, ghost, ghost.moved(JobExecutionStatus.FAILED, null, T2, false))))
        .isFalse();

    assertThat(executions().find(scope, "job", "lamp-1")).contains(started);
    assertThat(executions().find(scope, "job", "ghost")).isEmpty();
  }

  @Test
  void replace_byAnExecutionOfAnotherThing_isAnError() {
    Scope scope = scopeWithJobs("job");
    JobExecution stored = JobExecution.queued("job", "lamp-1", T0);
    insert(scope, stored);

    assertThatThrownBy(
            () ->
                tx(
                    () ->
                        executions()
                            .replace(scope, stored, JobExecution.queued("job", "lamp-2", T1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(executions().find(scope, "job", "lamp-1")).contains(stored);
  }

  @Test
  void pendingForThing_listsInProgressFirst_thenByQueueTime_thenByJobId_upToTheLimit() {
    Scope scope = scopeWithJobs("a", "b", "c", "d", "e", "f", "g");
    insert(
        scope,
        execution("e", "lamp-1", JobExecutionStatus.IN_PROGRESS, T0.plusSeconds(2)),
        execution("f", "lamp-1", JobExecutionStatus.IN_PROGRESS, T0.plusSeconds(1)),
        execution("b", "lamp-1", JobExecutionStatus.QUEUED, T0.plusSeconds(5)),
        execution("a", "lamp-1", JobExecutionStatus.QUEUED, T0.plusSeconds(5)),
        execution("c", "lamp-1", JobExecutionStatus.QUEUED, T0.plusSeconds(3)),
        execution("d", "lamp-1", JobExecutionStatus.SUCCEEDED, T0),
        execution("a", "lamp-2", JobExecutionStatus.QUEUED, T0));
    insertHeldBack(scope, "g", List.of("lamp-1"), T0);

    assertThat(jobIds(executions().pendingForThing(scope, "lamp-1", 10)))
        .containsExactly("f", "e", "c", "a", "b");
    assertThat(jobIds(executions().pendingForThing(scope, "lamp-1", 3)))
        .containsExactly("f", "e", "c");
    assertThat(executions().pendingForThing(scope, "lamp-1", 10).get(0))
        .isEqualTo(execution("f", "lamp-1", JobExecutionStatus.IN_PROGRESS, T0.plusSeconds(1)));
    assertThat(executions().pendingForThing(scope, "lamp-3", 10)).isEmpty();
  }

  @Test
  void pendingForThings_readsSeveralThingsAtOnce_eachInTheOrderOfOne() {
    Scope scope = scopeWithJobs("a", "b", "c");
    insert(
        scope,
        execution("b", "lamp-1", JobExecutionStatus.QUEUED, T0),
        execution("a", "lamp-1", JobExecutionStatus.IN_PROGRESS, T1),
        execution("c", "lamp-1", JobExecutionStatus.FAILED, T0),
        execution("a", "lamp-2", JobExecutionStatus.QUEUED, T1),
        execution("c", "lamp-2", JobExecutionStatus.QUEUED, T0),
        execution("a", "lamp-4", JobExecutionStatus.SUCCEEDED, T0));
    insertHeldBack(scope, "b", List.of("lamp-2"), T0);
    List<String> many = new ArrayList<>(List.of("lamp-1", "lamp-2", "lamp-3", "lamp-4"));
    for (int i = 0; i < 600; i++) {
      many.add("absent-" + i);
    }

    Map<String, List<JobExecution>> pending = executions().pendingForThings(scope, many);

    assertThat(pending).containsOnlyKeys("lamp-1", "lamp-2");
    assertThat(jobIds(pending.get("lamp-1"))).containsExactly("a", "b");
    assertThat(jobIds(pending.get("lamp-2"))).containsExactly("c", "a");
    assertThat(executions().pendingForThings(newScope(), many)).isEmpty();
  }

  @Test
  void pendingForThing_followsStatusChanges() {
    Scope scope = scopeWithJobs("a", "b");
    JobExecution a = execution("a", "lamp-1", JobExecutionStatus.QUEUED, T0);
    JobExecution b = execution("b", "lamp-1", JobExecutionStatus.QUEUED, T1);
    insert(scope, a, b);

    tx(
        () ->
            executions()
                .replace(scope, b, b.moved(JobExecutionStatus.IN_PROGRESS, null, T2, false)));
    assertThat(jobIds(executions().pendingForThing(scope, "lamp-1", 10))).containsExactly("b", "a");

    tx(() -> executions().replace(scope, a, a.moved(JobExecutionStatus.REJECTED, null, T2, false)));
    assertThat(jobIds(executions().pendingForThing(scope, "lamp-1", 10))).containsExactly("b");
  }

  @Test
  void listForJob_pagesInThingNameOrder_ofAllOrOneStatus() {
    Scope scope = scopeWithJobs("job", "other");
    List<String> names = List.of("t-03", "Z-upper", "t-01", "a-lower", "t-02", "t-04", "t-00");
    for (int i = 0; i < names.size(); i++) {
      insert(
          scope,
          execution(
              "job",
              names.get(i),
              i % 2 == 0 ? JobExecutionStatus.SUCCEEDED : JobExecutionStatus.QUEUED,
              T0));
    }
    insert(scope, execution("other", "t-00", JobExecutionStatus.SUCCEEDED, T0));

    assertThat(
            pages(p -> executions().listForJob(scope, "job", null, p), JobExecution::thingName, 3))
        .containsExactly(
            List.of("Z-upper", "a-lower", "t-00"),
            List.of("t-01", "t-02", "t-03"),
            List.of("t-04"));
    assertThat(
            pages(
                p -> executions().listForJob(scope, "job", JobExecutionStatus.SUCCEEDED, p),
                JobExecution::thingName,
                2))
        .containsExactly(List.of("t-00", "t-01"), List.of("t-02", "t-03"));
    assertThat(listForJob(scope, "job", JobExecutionStatus.QUEUED))
        .containsExactly("Z-upper", "a-lower", "t-04");
    assertThat(listForJob(scope, "job", JobExecutionStatus.FAILED)).isEmpty();
    assertThat(
            things(
                executions().listForJob(scope, "job", null, PageRequest.after("t-01", 10)).items()))
        .containsExactly("t-02", "t-03", "t-04");
  }

  @Test
  void listForThing_pagesInJobIdOrder_filteredByStatusAndJob() {
    Scope scope = scopeWithJobs("j-1", "j-2", "j-3", "j-4", "j-5");
    insert(
        scope,
        execution("j-4", "lamp-1", JobExecutionStatus.FAILED, T0),
        execution("j-2", "lamp-1", JobExecutionStatus.SUCCEEDED, T0),
        execution("j-5", "lamp-1", JobExecutionStatus.SUCCEEDED, T0),
        execution("j-1", "lamp-1", JobExecutionStatus.QUEUED, T0),
        execution("j-3", "lamp-2", JobExecutionStatus.SUCCEEDED, T0));

    assertThat(
            pages(
                p -> executions().listForThing(scope, "lamp-1", null, null, p),
                JobExecution::jobId,
                2))
        .containsExactly(List.of("j-1", "j-2"), List.of("j-4", "j-5"));
    assertThat(
            jobIds(
                executions()
                    .listForThing(
                        scope, "lamp-1", JobExecutionStatus.SUCCEEDED, null, PageRequest.first(10))
                    .items()))
        .containsExactly("j-2", "j-5");
    assertThat(
            executions().listForThing(scope, "lamp-1", null, "j-4", PageRequest.first(10)).items())
        .containsExactly(execution("j-4", "lamp-1", JobExecutionStatus.FAILED, T0));
    assertThat(
            executions()
                .listForThing(
                    scope, "lamp-1", JobExecutionStatus.SUCCEEDED, "j-4", PageRequest.first(10))
                .items())
        .isEmpty();
    assertThat(
            jobIds(
                executions()
                    .listForThing(scope, "lamp-1", null, null, PageRequest.after("j-2", 10))
                    .items()))
        .containsExactly("j-4", "j-5");
  }

  @Test
  void statusCounts_countsTheJobsRolledOutExecutionsByStatus() {
    Scope scope = scopeWithJobs("job", "other");
    insert(
        scope,
        execution("job", "q-1", JobExecutionStatus.QUEUED, T0),
        execution("job", "q-2", JobExecutionStatus.QUEUED, T0),
        execution("job", "p-1", JobExecutionStatus.IN_PROGRESS, T0),
        execution("job", "p-2", JobExecutionStatus.IN_PROGRESS, T0),
        execution("job", "p-3", JobExecutionStatus.IN_PROGRESS, T0),
        execution("job", "f-1", JobExecutionStatus.FAILED, T0),
        execution("other", "q-1", JobExecutionStatus.CANCELED, T0));
    insertHeldBack(scope, "job", List.of("h-1", "h-2", "h-3", "h-4"), T0);

    assertThat(executions().statusCounts(scope, "job"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                JobExecutionStatus.QUEUED, 2L,
                JobExecutionStatus.IN_PROGRESS, 3L,
                JobExecutionStatus.FAILED, 1L));
    assertThat(executions().statusCounts(scope, "ghost")).isEmpty();
  }

  @Test
  void inStatuses_returnsTheFirstInThingNameOrder_acrossTheStatuses_upToTheLimit() {
    Scope scope = scopeWithJobs("job");
    insert(
        scope,
        execution("job", "t-1", JobExecutionStatus.QUEUED, T0),
        execution("job", "t-4", JobExecutionStatus.QUEUED, T0),
        execution("job", "t-6", JobExecutionStatus.QUEUED, T0),
        execution("job", "t-2", JobExecutionStatus.IN_PROGRESS, T0),
        execution("job", "t-5", JobExecutionStatus.IN_PROGRESS, T0),
        execution("job", "t-3", JobExecutionStatus.SUCCEEDED, T0));
    insertHeldBack(scope, "job", List.of("t-0"), T0);
    Set<JobExecutionStatus> pending =
        Set.of(JobExecutionStatus.QUEUED, JobExecutionStatus.IN_PROGRESS);

    assertThat(things(executions().inStatuses(scope, "job", pending, 4)))
        .containsExactly("t-1", "t-2", "t-4", "t-5");
    assertThat(things(executions().inStatuses(scope, "job", pending, 10)))
        .containsExactly("t-1", "t-2", "t-4", "t-5", "t-6");
    assertThat(executions().inStatuses(scope, "job", Set.of(JobExecutionStatus.SUCCEEDED), 10))
        .containsExactly(execution("job", "t-3", JobExecutionStatus.SUCCEEDED, T0));
    assertThat(executions().inStatuses(scope, "job", Set.of(), 10)).isEmpty();
  }

  @Test
  void timedOut_picksTheExecutionsInProgressWhoseEarlierTimerPassed_acrossScopes() {
    Scope scope = scopeWithJobs("job");
    Scope other = scopeWithJobs("job");
    Instant now = T0.plus(Duration.ofHours(1));
    insert(
        scope,
        inProgress("job", "step-passed", now.plus(Duration.ofHours(1)), now.minusSeconds(1)),
        inProgress("job", "in-progress-passed", now.minus(Duration.ofMinutes(1)), null),
        inProgress("job", "step-now", null, now),
        inProgress("job", "not-yet", now.plus(Duration.ofMinutes(1)), now.plusSeconds(30)),
        inProgress("job", "no-timers", null, null),
        new JobExecution(
            "job",
            "queued",
            JobExecutionStatus.QUEUED,
            null,
            1,
            1,
            0,
            false,
            T0,
            null,
            T0,
            T0,
            T0,
            true),
        new JobExecution(
            "job",
            "failed",
            JobExecutionStatus.FAILED,
            null,
            1,
            3,
            0,
            false,
            T0,
            T0,
            T0,
            T0,
            T0,
            true));
    insert(other, inProgress("job", "elsewhere", now.minusSeconds(10), null));

    List<ScopedExecution> found = executions().timedOut(now, 1_000_000);

    assertThat(found.stream().filter(e -> e.scope().equals(scope)).map(ScopedExecution::thingName))
        .containsExactly("in-progress-passed", "step-passed", "step-now");
    assertThat(found).contains(new ScopedExecution(other, "job", "elsewhere"));
    assertThat(executions().timedOut(now, 1)).hasSize(1);
  }

  @Test
  void timedOut_followsTheTimersEveryReplaceWrites() {
    Scope scope = scopeWithJobs("job");
    Instant now = T0.plus(Duration.ofHours(1));
    JobExecution ending = inProgress("job", "ending", null, now.minusSeconds(1));
    JobExecution waiting = inProgress("job", "waiting", now.plusSeconds(60), null);
    insert(scope, ending, waiting);

    tx(
        () -> {
          executions()
              .replace(scope, ending, ending.moved(JobExecutionStatus.SUCCEEDED, null, now, false));
          executions()
              .replace(
                  scope,
                  waiting,
                  waiting
                      .moved(JobExecutionStatus.IN_PROGRESS, null, now, false)
                      .withDeadlines(now.plusSeconds(60), now.minusSeconds(5)));
        });

    assertThat(
            executions().timedOut(now, 1_000_000).stream()
                .filter(e -> e.scope().equals(scope))
                .map(ScopedExecution::thingName))
        .containsExactly("waiting");
  }

  @Test
  void deleteSome_removesUpToTheLimit_heldBackOrNot_inThingNameOrder() {
    Scope scope = scopeWithJobs("job", "other");
    JobExecution t2 = execution("job", "t-2", JobExecutionStatus.SUCCEEDED, T0);
    JobExecution t4 = execution("job", "t-4", JobExecutionStatus.QUEUED, T0);
    insert(scope, t2, t4, execution("other", "t-1", JobExecutionStatus.QUEUED, T0));
    insertHeldBack(scope, "job", List.of("t-1", "t-3", "t-5"), T0);

    List<JobExecution> first = tx(() -> executions().deleteSome(scope, "job", 3));

    assertThat(first).containsExactly(heldBack("job", "t-1", T0), t2, heldBack("job", "t-3", T0));
    assertThat(executions().find(scope, "job", "t-1")).isEmpty();
    assertThat(executions().countHeldBack(scope, "job")).isEqualTo(1);
    assertThat(listForJob(scope, "job", null)).containsExactly("t-4");

    assertThat(things(tx(() -> executions().deleteSome(scope, "job", 10))))
        .containsExactly("t-4", "t-5");
    assertThat(tx(() -> executions().deleteSome(scope, "job", 10))).isEmpty();
    assertThat(listForJob(scope, "other", null)).containsExactly("t-1");
    tx(() -> jobs().delete(scope, "job"));
    assertThat(jobs().find(scope, "job")).isEmpty();
  }

  @Test
  void delete_removesOneExecution() {
    Scope scope = scopeWithJobs("job");
    insert(
        scope, JobExecution.queued("job", "lamp-1", T0), JobExecution.queued("job", "lamp-2", T0));

    tx(() -> executions().delete(scope, "job", "lamp-1"));

    assertThat(executions().find(scope, "job", "lamp-1")).isEmpty();
    assertThat(listForJob(scope, "job", null)).containsExactly("lamp-2");
  }

  /** The store's own guard: the engine deletes a job's executions before the job. */
  @Test
  void deletingAJob_thatStillHasExecutions_isRefused() {
    Scope scope = scopeWithJobs("job");
    insertHeldBack(scope, "job", List.of("lamp-1"), T0);

    assertThatThrownBy(() -> tx(() -> jobs().delete(scope, "job")))
        .isInstanceOf(StoreException.class);

    assertThat(jobs().find(scope, "job")).isPresent();
    assertThat(executions().countHeldBack(scope, "job")).isEqualTo(1);
  }

  @Test
  void scopes_keepExecutionsApart() {
    Scope mine = scopeWithJobs("job");
    Scope otherRegion = Scope.of(mine.account().value(), "us-east-1");
    insertJobs(otherRegion, T0, "job");
    insert(otherRegion, JobExecution.queued("job", "lamp-1", T0));
    insertHeldBack(otherRegion, "job", List.of("lamp-2"), T0);

    assertThat(insertHeldBack(mine, "job", List.of("lamp-1", "lamp-2"), T0)).isEqualTo(2);
    assertThat(tx(() -> executions().releaseHeldBack(mine, "job", 1, T1)))
        .containsExactly(JobExecution.queued("job", "lamp-1", T1));

    assertThat(executions().find(otherRegion, "job", "lamp-1"))
        .contains(JobExecution.queued("job", "lamp-1", T0));
    assertThat(executions().countHeldBack(otherRegion, "job")).isEqualTo(1);
    assertThat(executions().countHeldBack(mine, "job")).isEqualTo(1);
    assertThat(executions().pendingForThing(newScope(), "lamp-1", 10)).isEmpty();
    assertThat(listForThing(mine, "lamp-1")).containsExactly("job");
    assertThat(executions().statusCounts(otherRegion, "job"))
        .containsExactlyEntriesOf(Map.of(JobExecutionStatus.QUEUED, 1L));

    tx(() -> executions().deleteHeldBack(otherRegion, "job"));
    tx(() -> executions().deleteSome(otherRegion, "job", 10));

    assertThat(executions().countHeldBack(mine, "job")).isEqualTo(1);
    assertThat(executions().find(mine, "job", "lamp-1")).isPresent();
  }
}
