package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobConfigs.AbortCriteria;
import dev.lamplighter.jobs.JobConfigs.EndBehavior;
import dev.lamplighter.jobs.JobConfigs.ExponentialRate;
import dev.lamplighter.jobs.JobConfigs.FailureType;
import dev.lamplighter.jobs.JobConfigs.MaintenanceWindow;
import dev.lamplighter.jobs.JobConfigs.RetryCriteria;
import dev.lamplighter.jobs.JobQuery;
import dev.lamplighter.jobs.JobStatus;
import dev.lamplighter.jobs.TargetSelection;
import dev.lamplighter.jobs.spi.JobTarget;
import dev.lamplighter.jobs.spi.ScopedJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.lamplighter.jobs.spi.JobRepository}. */
abstract class JobRepositoryContract extends ContractSupport {
  private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00.123456789Z");
  private static final Instant LATER = Instant.parse("2026-03-01T11:30:00Z");

  /** Every configuration set, with every optional part of each. */
  static final JobConfigs FULL_CONFIGS =
      new JobConfigs(
          new JobConfigs.Rollout(50, new ExponentialRate(5, 1.5, 100, null)),
          new JobConfigs.Abort(
              List.of(
                  new AbortCriteria(FailureType.FAILED, 12.5, 10),
                  new AbortCriteria(FailureType.ALL, 50, 100))),
          new JobConfigs.Timeout(30L),
          new JobConfigs.Retry(
              List.of(
                  new RetryCriteria(FailureType.TIMED_OUT, 2),
                  new RetryCriteria(FailureType.FAILED, 1))),
          new JobConfigs.Scheduling(
              "2026-03-02T08:00",
              "2026-03-09T08:00",
              EndBehavior.FORCE_CANCEL,
              List.of(
                  new MaintenanceWindow("cron(0 22 * * ? *)", 120),
                  new MaintenanceWindow("cron(30 3 ? * SUN *)", 60))),
          new JobConfigs.PresignedUrl("arn:aws:iam::123456789012:role/jobs", 600L));

  private static String groupArn(String name) {
    return "arn:aws:iot:eu-west-1:123456789012:thinggroup/" + name;
  }

  private static JobTarget groupTarget(String name) {
    return new JobTarget(groupArn(name), name, "id-" + name);
  }

  /** A job with every field set, none at its default. */
  private static Job fullJob(String jobId) {
    return new Job(
        jobId,
        JobStatus.IN_PROGRESS,
        TargetSelection.CONTINUOUS,
        List.of(groupArn("street"), THING_TARGET.arn()),
        "Firmware 2.1 for the street lights",
        "{\"operation\":\"install\",\"url\":\"${aws:iot:parameter:url}\"}",
        "s3://firmware/street-2.1.json",
        "arn:aws:iot:eu-west-1::jobtemplate/AWS-Download:1.0",
        Map.of("url", "https://example.com/fw.bin", "path", "/tmp"),
        FULL_CONFIGS,
        "AWS",
        "canceled by the operator",
        "OPERATOR",
        true,
        List.of("arn:aws:iot:eu-west-1:123456789012:package/fw/version/2.1"),
        CREATED,
        LATER,
        LATER.plusSeconds(1),
        new Job.RolloutState(true, 1_234, CREATED.plusMillis(5), 1_000, 3, true, true),
        7);
  }

  private Job withVersion(Job job, long version) {
    return new Job(
        job.jobId(),
        job.status(),
        job.targetSelection(),
        job.targets(),
        job.description(),
        job.document(),
        job.documentSource(),
        job.jobTemplateArn(),
        job.documentParameters(),
        job.configs(),
        job.namespaceId(),
        job.comment(),
        job.reasonCode(),
        job.forceCanceled(),
        job.destinationPackageVersions(),
        job.createdAt(),
        job.lastUpdatedAt(),
        job.completedAt(),
        job.rollout(),
        version);
  }

  private static Job continuous(String jobId, JobStatus status) {
    Job job = job(jobId, status, CREATED);
    return new Job(
        jobId,
        status,
        TargetSelection.CONTINUOUS,
        job.targets(),
        null,
        job.document(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        CREATED,
        CREATED,
        null,
        Job.RolloutState.START,
        1);
  }

  private void insert(Scope scope, Job job, JobTarget... targets) {
    tx(() -> jobs().insert(scope, job, List.of(targets)));
  }

  private List<String> ids(List<Job> jobs) {
    return jobs.stream().map(Job::jobId).toList();
  }

  private List<String> listIds(Scope scope, JobQuery query) {
    return ids(jobs().list(scope, query, PageRequest.first(100)).items());
  }

  private List<List<String>> listPages(Scope scope, JobQuery query, int size) {
    List<List<String>> pages = new ArrayList<>();
    PageRequest request = PageRequest.first(size);
    while (true) {
      Page<Job> page = jobs().list(scope, query, request);
      pages.add(ids(page.items()));
      if (page.next().isEmpty()) {
        return pages;
      }
      request = PageRequest.after(page.next().get(), size);
    }
  }

  @Test
  void insert_thenFind_returnsEveryField_includingNestedConfigurations() {
    Scope scope = newScope();
    Job job = fullJob("firmware-2.1");

    insert(scope, job, groupTarget("street"), THING_TARGET);

    assertThat(jobs().find(scope, "firmware-2.1")).contains(job);
  }

  @Test
  void insert_thenFind_keepsNullFields_andPartlySetConfigurations() {
    Scope scope = newScope();
    JobConfigs partial =
        new JobConfigs(
            new JobConfigs.Rollout(null, new ExponentialRate(1, 1.1, null, 5)),
            null,
            new JobConfigs.Timeout(null),
            null,
            new JobConfigs.Scheduling(null, "2026-03-09T08:00", null, null),
            new JobConfigs.PresignedUrl(null, null));
    Job bare = job("bare", JobStatus.SCHEDULED, CREATED);
    Job configured = job("configured", JobStatus.SCHEDULED, CREATED).updated(null, partial, LATER);

    insert(scope, bare, THING_TARGET);
    insert(scope, configured, THING_TARGET);

    assertThat(jobs().find(scope, "bare")).contains(bare);
    assertThat(jobs().find(scope, "configured")).contains(configured);
    assertThat(jobs().find(scope, "configured").orElseThrow().configs().scheduling())
        .isEqualTo(new JobConfigs.Scheduling(null, "2026-03-09T08:00", null, List.of()));
  }

  @Test
  void insert_ofATakenJobId_isRefused_andKeepsTheFirst() {
    Scope scope = newScope();
    Job first = job("update", JobStatus.IN_PROGRESS, CREATED);
    insert(scope, first, THING_TARGET);

    assertThatThrownBy(() -> insert(scope, fullJob("update"), groupTarget("street")))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_ALREADY_EXISTS))
        .hasMessageContaining("update");

    assertThat(jobs().find(scope, "update")).contains(first);
    assertThat(jobs().firstGroupId(scope, "update")).isEmpty();
  }

  @Test
  void replace_atTheExpectedVersion_writesEveryColumn() {
    Scope scope = newScope();
    Job stored = job("update", JobStatus.IN_PROGRESS, CREATED);
    insert(scope, stored, THING_TARGET);
    Job next = withVersion(fullJob("update"), stored.version() + 1);

    assertThat(tx(() -> jobs().replace(scope, next, stored.version()))).isTrue();

    assertThat(jobs().find(scope, "update")).contains(next);
  }

  @Test
  void replace_atAStaleVersion_orOfAMissingJob_changesNothing() {
    Scope scope = newScope();
    Job stored = job("update", JobStatus.IN_PROGRESS, CREATED);
    insert(scope, stored, THING_TARGET);
    Job first = withVersion(stored.withStatus(JobStatus.COMPLETED, LATER), 2);
    Job second = withVersion(stored.canceled("OPERATOR", "stop", true, LATER), 2);
    tx(() -> jobs().replace(scope, first, 1));

    assertThat(tx(() -> jobs().replace(scope, second, 1))).isFalse();
    assertThat(
            tx(
                () ->
                    jobs()
                        .replace(
                            scope, withVersion(job("ghost", JobStatus.CANCELED, LATER), 2), 1)))
        .isFalse();

    assertThat(jobs().find(scope, "update")).contains(first);
    assertThat(jobs().find(scope, "ghost")).isEmpty();
  }

  @Test
  void list_inJobIdOrder_pageByPage() {
    Scope scope = newScope();
    List<String> jobIds =
        IntStream.range(0, 7).mapToObj(i -> String.format(Locale.ROOT, "job-%02d", 6 - i)).toList();
    insertJobs(scope, CREATED, jobIds.toArray(String[]::new));
    insertJobs(scope, CREATED, "Z-upper", "a-lower");

    assertThat(listPages(scope, JobQuery.ALL, 3))
        .containsExactly(
            List.of("Z-upper", "a-lower", "job-00"),
            List.of("job-01", "job-02", "job-03"),
            List.of("job-04", "job-05", "job-06"));
    assertThat(ids(jobs().list(scope, JobQuery.ALL, PageRequest.after("job-04", 10)).items()))
        .containsExactly("job-05", "job-06");
  }

  @Test
  void list_filtersByStatus_targetSelection_andNamespace() {
    Scope scope = newScope();
    insert(scope, job("a-running", JobStatus.IN_PROGRESS, CREATED), THING_TARGET);
    insert(scope, job("b-scheduled", JobStatus.SCHEDULED, CREATED), THING_TARGET);
    insert(scope, continuous("c-continuous", JobStatus.IN_PROGRESS), THING_TARGET);
    insert(scope, withVersion(fullJob("d-managed"), 1), THING_TARGET);
    insert(scope, job("e-done", JobStatus.COMPLETED, CREATED), THING_TARGET);

    assertThat(listIds(scope, new JobQuery(JobStatus.IN_PROGRESS, null, null, null, null)))
        .containsExactly("a-running", "c-continuous", "d-managed");
    assertThat(listIds(scope, new JobQuery(JobStatus.SCHEDULED, null, null, null, null)))
        .containsExactly("b-scheduled");
    assertThat(listIds(scope, new JobQuery(null, TargetSelection.CONTINUOUS, null, null, null)))
        .containsExactly("c-continuous", "d-managed");
    assertThat(
            listIds(
                scope,
                new JobQuery(JobStatus.IN_PROGRESS, TargetSelection.SNAPSHOT, null, null, null)))
        .containsExactly("a-running");
    assertThat(listIds(scope, new JobQuery(null, null, null, null, "AWS")))
        .containsExactly("d-managed");
    assertThat(listIds(scope, new JobQuery(JobStatus.CANCELED, null, null, null, null))).isEmpty();
  }

  @Test
  void list_byThingGroup_findsTheJobsTargetingIt_byNameOrById_pageByPage() {
    Scope scope = newScope();
    for (int i = 0; i < 5; i++) {
      insert(scope, job("street-" + i, JobStatus.IN_PROGRESS, CREATED), groupTarget("street"));
    }
    insert(
        scope,
        job("both", JobStatus.IN_PROGRESS, CREATED),
        groupTarget("park"),
        groupTarget("street"));
    insert(scope, job("park-only", JobStatus.COMPLETED, CREATED), groupTarget("park"));
    insert(scope, job("things-only", JobStatus.IN_PROGRESS, CREATED), THING_TARGET);
    tx(() -> jobs().addTargets(scope, "things-only", List.of(groupTarget("park"))));

    assertThat(listPages(scope, new JobQuery(null, null, "street", null, null), 2))
        .containsExactly(
            List.of("both", "street-0"),
            List.of("street-1", "street-2"),
            List.of("street-3", "street-4"));
    assertThat(listIds(scope, new JobQuery(null, null, null, "id-park", null)))
        .containsExactly("both", "park-only", "things-only");
    assertThat(listIds(scope, new JobQuery(JobStatus.IN_PROGRESS, null, "park", null, null)))
        .containsExactly("both", "things-only");
    assertThat(listIds(scope, new JobQuery(null, null, "park", "id-street", null)))
        .containsExactly("both");
    assertThat(listIds(scope, new JobQuery(null, null, "nowhere", null, null))).isEmpty();
  }

  @Test
  void firstGroupId_isTheIdOfTheFirstGroupTarget_inTheOrderGiven() {
    Scope scope = newScope();
    insert(
        scope,
        job("mixed", JobStatus.IN_PROGRESS, CREATED),
        THING_TARGET,
        groupTarget("park"),
        groupTarget("street"));
    insert(scope, job("things", JobStatus.IN_PROGRESS, CREATED), THING_TARGET);

    assertThat(jobs().firstGroupId(scope, "mixed")).contains("id-park");
    assertThat(jobs().firstGroupId(scope, "things")).isEmpty();
    assertThat(jobs().firstGroupId(scope, "ghost")).isEmpty();

    tx(() -> jobs().addTargets(scope, "things", List.of(groupTarget("zoo"), groupTarget("alley"))));

    assertThat(jobs().firstGroupId(scope, "things")).contains("id-zoo");
  }

  @Test
  void delete_removesTheJobAndItsTargets() {
    Scope scope = newScope();
    insert(scope, job("gone", JobStatus.CANCELED, CREATED), groupTarget("street"));
    insert(scope, job("kept", JobStatus.CANCELED, CREATED), groupTarget("street"));

    tx(() -> jobs().delete(scope, "gone"));

    assertThat(jobs().find(scope, "gone")).isEmpty();
    assertThat(listIds(scope, new JobQuery(null, null, "street", null, null)))
        .containsExactly("kept");
    insert(scope, job("gone", JobStatus.IN_PROGRESS, CREATED), THING_TARGET);
    assertThat(jobs().firstGroupId(scope, "gone")).isEmpty();
  }

  @Test
  void countDeleting_countsTheScopesJobsBeingDeleted() {
    Scope scope = newScope();
    Scope other = newScope();
    insert(scope, job("a", JobStatus.DELETION_IN_PROGRESS, CREATED), THING_TARGET);
    insert(scope, job("b", JobStatus.DELETION_IN_PROGRESS, CREATED), THING_TARGET);
    insert(scope, job("c", JobStatus.COMPLETED, CREATED), THING_TARGET);
    insert(other, job("a", JobStatus.DELETION_IN_PROGRESS, CREATED), THING_TARGET);

    assertThat(jobs().countDeleting(scope)).isEqualTo(2);
    assertThat(jobs().countDeleting(newScope())).isZero();
  }

  @Test
  void needingWork_findsScheduledInProgressAndWindingJobs_acrossScopes() {
    Scope scope = newScope();
    Scope other = newScope();
    Job winding = job("winding", JobStatus.CANCELED, CREATED).canceled("R", "c", false, LATER);
    insert(scope, job("scheduled", JobStatus.SCHEDULED, CREATED), THING_TARGET);
    insert(scope, job("running", JobStatus.IN_PROGRESS, CREATED), THING_TARGET);
    insert(scope, winding, THING_TARGET);
    insert(scope, job("completed", JobStatus.COMPLETED, CREATED), THING_TARGET);
    insert(scope, job("canceled", JobStatus.CANCELED, CREATED), THING_TARGET);
    insert(
        other,
        job("deleting", JobStatus.DELETION_IN_PROGRESS, CREATED).withRollout(winding.rollout()),
        THING_TARGET);
    insert(other, job("deleted", JobStatus.DELETION_IN_PROGRESS, CREATED), THING_TARGET);

    List<ScopedJob> found = jobs().needingWork(1_000_000);

    assertThat(found)
        .contains(
            new ScopedJob(scope, "scheduled"),
            new ScopedJob(scope, "running"),
            new ScopedJob(scope, "winding"),
            new ScopedJob(other, "deleting"))
        .doesNotContain(
            new ScopedJob(scope, "completed"),
            new ScopedJob(scope, "canceled"),
            new ScopedJob(other, "deleted"))
        .doesNotHaveDuplicates();
    assertThat(jobs().needingWork(2)).hasSize(2);
  }

  @Test
  void continuousTargeting_findsActiveContinuousJobs_targetingAnyOfTheGroups() {
    Scope scope = newScope();
    insert(scope, continuous("c-street", JobStatus.IN_PROGRESS), groupTarget("street"));
    insert(
        scope,
        continuous("c-both", JobStatus.SCHEDULED),
        groupTarget("street"),
        groupTarget("park"));
    insert(scope, continuous("c-park", JobStatus.IN_PROGRESS), THING_TARGET, groupTarget("park"));
    insert(scope, continuous("c-done", JobStatus.COMPLETED), groupTarget("street"));
    insert(scope, job("snapshot", JobStatus.IN_PROGRESS, CREATED), groupTarget("street"));
    insert(newScope(), continuous("c-elsewhere", JobStatus.IN_PROGRESS), groupTarget("street"));

    assertThat(ids(jobs().continuousTargeting(scope, List.of("street"))))
        .containsExactly("c-both", "c-street");
    assertThat(ids(jobs().continuousTargeting(scope, List.of("park", "street"))))
        .containsExactly("c-both", "c-park", "c-street");
    assertThat(jobs().continuousTargeting(scope, List.of("zoo"))).isEmpty();
    assertThat(jobs().continuousTargeting(scope, List.of())).isEmpty();
    assertThat(jobs().continuousTargeting(scope, List.of("park")))
        .filteredOn(job -> job.jobId().equals("c-park"))
        .singleElement()
        .isEqualTo(continuous("c-park", JobStatus.IN_PROGRESS));
  }

  /** A thing in many groups (each with its ancestors) asks with many names at once. */
  @Test
  void continuousTargeting_withHundredsOfGroupNames_findsEveryJobOnce() {
    Scope scope = newScope();
    List<String> names =
        IntStream.range(0, 250).mapToObj(i -> String.format(Locale.ROOT, "g-%03d", i)).toList();
    insert(
        scope,
        continuous("first", JobStatus.IN_PROGRESS),
        groupTarget("g-000"),
        groupTarget("g-249"));
    insert(scope, continuous("middle", JobStatus.IN_PROGRESS), groupTarget("g-150"));
    insert(scope, continuous("last", JobStatus.IN_PROGRESS), groupTarget("g-249"));

    assertThat(ids(jobs().continuousTargeting(scope, names)))
        .containsExactly("first", "last", "middle");
  }

  @Test
  void scopes_keepJobsApart() {
    Scope mine = newScope();
    Scope otherRegion = Scope.of(mine.account().value(), "us-east-1");
    insert(mine, job("shared", JobStatus.IN_PROGRESS, CREATED), groupTarget("street"));
    insert(otherRegion, job("shared", JobStatus.COMPLETED, LATER), THING_TARGET);

    assertThat(jobs().find(mine, "shared").orElseThrow().status()).isEqualTo(JobStatus.IN_PROGRESS);
    assertThat(jobs().find(otherRegion, "shared").orElseThrow().status())
        .isEqualTo(JobStatus.COMPLETED);
    assertThat(jobs().firstGroupId(otherRegion, "shared")).isEmpty();
    assertThat(listIds(otherRegion, new JobQuery(null, null, "street", null, null))).isEmpty();

    tx(() -> jobs().delete(otherRegion, "shared"));

    assertThat(jobs().find(mine, "shared")).isPresent();
    assertThat(jobs().find(newScope(), "shared")).isEmpty();
  }
}
