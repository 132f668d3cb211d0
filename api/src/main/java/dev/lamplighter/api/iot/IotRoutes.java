package dev.lamplighter.api.iot;

import dev.lamplighter.api.Endpoints;
import dev.lamplighter.api.http.Operation;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.http.Route;
import dev.lamplighter.index.FleetIndex;
import dev.lamplighter.jobs.JobExecutionService;
import dev.lamplighter.jobs.JobService;
import dev.lamplighter.jobs.JobTemplateService;
import dev.lamplighter.jobs.Jobs;
import dev.lamplighter.registry.EventConfigurationService;
import dev.lamplighter.registry.Registry;
import dev.lamplighter.security.Security;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The route table of the {@code iot} service: one row per AWS operation. Method and URI come from
 * the wire model and are shown in the comment above each row.
 */
public final class IotRoutes {
  public static final String SERVICE = "iot";

  private IotRoutes() {}

  /**
   * Every row of the service.
   *
   * @param jobs the jobs services
   * @param clock the server's clock, against which execution timers are reported
   */
  public static List<Route> of(
      Registry registry,
      Security security,
      FleetIndex fleetIndex,
      Jobs jobs,
      Endpoints endpoints,
      PageTokens pages,
      Clock clock) {
    List<Route> routes =
        new ArrayList<>(registryAndSecurity(registry, security, fleetIndex, endpoints, pages));
    routes.addAll(eventConfigurations(registry.eventConfigurations()));
    routes.addAll(jobs(jobs.jobs(), jobs.executions(), jobs.templates(), pages, clock));
    return List.copyOf(routes);
  }

  /** The rows of the job, job execution, job template and managed template operations. */
  public static List<Route> jobs(
      JobService jobs,
      JobExecutionService executions,
      JobTemplateService templates,
      PageTokens pages,
      Clock clock) {
    JobOperations job = new JobOperations(jobs, pages);
    JobExecutionOperations execution = new JobExecutionOperations(executions, pages, clock);
    JobTemplateOperations template = new JobTemplateOperations(templates, pages);
    return List.of(
        // PUT /jobs/{jobId}
        iot("CreateJob", job::create),
        // GET /jobs/{jobId}
        iot("DescribeJob", job::describe),
        // PATCH /jobs/{jobId}
        iot("UpdateJob", job::update),
        // PUT /jobs/{jobId}/cancel
        iot("CancelJob", job::cancel),
        // DELETE /jobs/{jobId}
        iot("DeleteJob", job::delete),
        // GET /jobs
        iot("ListJobs", job::list),
        // GET /jobs/{jobId}/job-document
        iot("GetJobDocument", job::getDocument),
        // POST /jobs/{jobId}/targets
        iot("AssociateTargetsWithJob", job::associateTargets),
        // PUT /things/{thingName}/jobs/{jobId}/cancel
        iot("CancelJobExecution", execution::cancel),
        // DELETE /things/{thingName}/jobs/{jobId}/executionNumber/{executionNumber}
        iot("DeleteJobExecution", execution::delete),
        // GET /things/{thingName}/jobs/{jobId}
        iot("DescribeJobExecution", execution::describe),
        // GET /jobs/{jobId}/things
        iot("ListJobExecutionsForJob", execution::listForJob),
        // GET /things/{thingName}/jobs
        iot("ListJobExecutionsForThing", execution::listForThing),
        // PUT /job-templates/{jobTemplateId}
        iot("CreateJobTemplate", template::create),
        // GET /job-templates/{jobTemplateId}
        iot("DescribeJobTemplate", template::describe),
        // GET /job-templates
        iot("ListJobTemplates", template::list),
        // DELETE /job-templates/{jobTemplateId}
        iot("DeleteJobTemplate", template::delete),
        // GET /managed-job-templates
        iot("ListManagedJobTemplates", template::listManaged),
        // GET /managed-job-templates/{templateName}
        iot("DescribeManagedJobTemplate", template::describeManaged));
  }

  /** The rows of the event configuration operations. */
  public static List<Route> eventConfigurations(EventConfigurationService configurations) {
    EventConfigurationOperations events = new EventConfigurationOperations(configurations);
    return List.of(
        // GET /event-configurations
        iot("DescribeEventConfigurations", events::describe),
        // PATCH /event-configurations
        iot("UpdateEventConfigurations", events::update));
  }

  private static List<Route> registryAndSecurity(
      Registry registry,
      Security security,
      FleetIndex fleetIndex,
      Endpoints endpoints,
      PageTokens pages) {
    ThingOperations things = new ThingOperations(registry.things(), pages);
    ThingTypeOperations types = new ThingTypeOperations(registry.thingTypes(), pages);
    // The index's view of thing groups: dynamic memberships read after the index took in writes.
    ThingGroupOperations groups = new ThingGroupOperations(fleetIndex.thingGroups(), pages);
    BillingGroupOperations billing = new BillingGroupOperations(registry.billingGroups(), pages);
    TagOperations tags = new TagOperations(registry.tags(), pages);
    EndpointOperations endpoint = new EndpointOperations(endpoints);
    CertificateOperations certificates = new CertificateOperations(security.certificates(), pages);
    CaCertificateOperations cas = new CaCertificateOperations(security.caCertificates(), pages);
    PolicyOperations policies = new PolicyOperations(security.policies(), pages);
    PrincipalOperations principals = new PrincipalOperations(security.principals(), pages);
    IndexOperations index =
        new IndexOperations(fleetIndex.search(), fleetIndex.configurations(), pages);
    DynamicThingGroupOperations dynamicGroups =
        new DynamicThingGroupOperations(fleetIndex.dynamicThingGroups());
    return List.of(
        // POST /things/{thingName}
        iot("CreateThing", things::create),
        // GET /things/{thingName}
        iot("DescribeThing", things::describe),
        // PATCH /things/{thingName}
        iot("UpdateThing", things::update),
        // DELETE /things/{thingName}
        iot("DeleteThing", things::delete),
        // GET /things
        iot("ListThings", things::list),
        // POST /thing-types/{thingTypeName}
        iot("CreateThingType", types::create),
        // GET /thing-types/{thingTypeName}
        iot("DescribeThingType", types::describe),
        // GET /thing-types
        iot("ListThingTypes", types::list),
        // POST /thing-types/{thingTypeName}/deprecate
        iot("DeprecateThingType", types::deprecate),
        // DELETE /thing-types/{thingTypeName}
        iot("DeleteThingType", types::delete),
        // PATCH /thing-types/{thingTypeName}
        iot("UpdateThingType", types::update),
        // POST /thing-groups/{thingGroupName}
        iot("CreateThingGroup", groups::create),
        // GET /thing-groups/{thingGroupName}
        iot("DescribeThingGroup", groups::describe),
        // PATCH /thing-groups/{thingGroupName}
        iot("UpdateThingGroup", groups::update),
        // DELETE /thing-groups/{thingGroupName}
        iot("DeleteThingGroup", groups::delete),
        // GET /thing-groups
        iot("ListThingGroups", groups::list),
        // POST /dynamic-thing-groups/{thingGroupName}
        iot("CreateDynamicThingGroup", dynamicGroups::create),
        // PATCH /dynamic-thing-groups/{thingGroupName}
        iot("UpdateDynamicThingGroup", dynamicGroups::update),
        // DELETE /dynamic-thing-groups/{thingGroupName}
        iot("DeleteDynamicThingGroup", dynamicGroups::delete),
        // PUT /thing-groups/addThingToThingGroup
        iot("AddThingToThingGroup", groups::addThing),
        // PUT /thing-groups/removeThingFromThingGroup
        iot("RemoveThingFromThingGroup", groups::removeThing),
        // GET /thing-groups/{thingGroupName}/things
        iot("ListThingsInThingGroup", groups::listThings),
        // GET /things/{thingName}/thing-groups
        iot("ListThingGroupsForThing", groups::listGroupsForThing),
        // PUT /thing-groups/updateThingGroupsForThing
        iot("UpdateThingGroupsForThing", groups::updateGroupsForThing),
        // POST /billing-groups/{billingGroupName}
        iot("CreateBillingGroup", billing::create),
        // GET /billing-groups/{billingGroupName}
        iot("DescribeBillingGroup", billing::describe),
        // PATCH /billing-groups/{billingGroupName}
        iot("UpdateBillingGroup", billing::update),
        // DELETE /billing-groups/{billingGroupName}
        iot("DeleteBillingGroup", billing::delete),
        // GET /billing-groups
        iot("ListBillingGroups", billing::list),
        // PUT /billing-groups/addThingToBillingGroup
        iot("AddThingToBillingGroup", billing::addThing),
        // PUT /billing-groups/removeThingFromBillingGroup
        iot("RemoveThingFromBillingGroup", billing::removeThing),
        // GET /billing-groups/{billingGroupName}/things
        iot("ListThingsInBillingGroup", billing::listThings),
        // POST /tags
        iot("TagResource", tags::tag),
        // POST /untag
        iot("UntagResource", tags::untag),
        // GET /tags
        iot("ListTagsForResource", tags::list),
        // GET /endpoint
        iot("DescribeEndpoint", endpoint::describe),
        // POST /keys-and-certificate
        iot("CreateKeysAndCertificate", certificates::createKeysAndCertificate),
        // POST /certificates
        iot("CreateCertificateFromCsr", certificates::createFromCsr),
        // GET /certificates/{certificateId}
        iot("DescribeCertificate", certificates::describe),
        // GET /certificates
        iot("ListCertificates", certificates::list),
        // GET /certificates-by-ca/{caCertificateId}
        iot("ListCertificatesByCA", certificates::list),
        // PUT /certificates/{certificateId}
        iot("UpdateCertificate", certificates::update),
        // DELETE /certificates/{certificateId}
        iot("DeleteCertificate", certificates::delete),
        // POST /certificate/register
        iot("RegisterCertificate", certificates::register),
        // POST /certificate/register-no-ca
        iot("RegisterCertificateWithoutCA", certificates::registerWithoutCa),
        // PATCH /transfer-certificate/{certificateId}
        iot("TransferCertificate", certificates::transfer),
        // PATCH /accept-certificate-transfer/{certificateId}
        iot("AcceptCertificateTransfer", certificates::acceptTransfer),
        // PATCH /reject-certificate-transfer/{certificateId}
        iot("RejectCertificateTransfer", certificates::rejectTransfer),
        // PATCH /cancel-certificate-transfer/{certificateId}
        iot("CancelCertificateTransfer", certificates::cancelTransfer),
        // GET /registrationcode
        iot("GetRegistrationCode", cas::getRegistrationCode),
        // DELETE /registrationcode
        iot("DeleteRegistrationCode", cas::deleteRegistrationCode),
        // POST /cacertificate
        iot("RegisterCACertificate", cas::register),
        // GET /cacertificate/{caCertificateId}
        iot("DescribeCACertificate", cas::describe),
        // GET /cacertificates
        iot("ListCACertificates", cas::list),
        // PUT /cacertificate/{caCertificateId}
        iot("UpdateCACertificate", cas::update),
        // DELETE /cacertificate/{caCertificateId}
        iot("DeleteCACertificate", cas::delete),
        // PUT /things/{thingName}/principals
        iot("AttachThingPrincipal", principals::attach),
        // DELETE /things/{thingName}/principals
        iot("DetachThingPrincipal", principals::detach),
        // GET /things/{thingName}/principals
        iot("ListThingPrincipals", principals::listThingPrincipals),
        // GET /things/{thingName}/principals-v2
        iot("ListThingPrincipalsV2", principals::listThingPrincipalsV2),
        // GET /principals/things
        iot("ListPrincipalThings", principals::listPrincipalThings),
        // GET /principals/things-v2
        iot("ListPrincipalThingsV2", principals::listPrincipalThingsV2),
        // POST /policies/{policyName}
        iot("CreatePolicy", policies::create),
        // GET /policies/{policyName}
        iot("GetPolicy", policies::get),
        // DELETE /policies/{policyName}
        iot("DeletePolicy", policies::delete),
        // GET /policies
        iot("ListPolicies", policies::list),
        // POST /policies/{policyName}/version
        iot("CreatePolicyVersion", policies::createVersion),
        // GET /policies/{policyName}/version/{policyVersionId}
        iot("GetPolicyVersion", policies::getVersion),
        // GET /policies/{policyName}/version
        iot("ListPolicyVersions", policies::listVersions),
        // DELETE /policies/{policyName}/version/{policyVersionId}
        iot("DeletePolicyVersion", policies::deleteVersion),
        // PATCH /policies/{policyName}/version/{policyVersionId}
        iot("SetDefaultPolicyVersion", policies::setDefaultVersion),
        // PUT /target-policies/{policyName}
        iot("AttachPolicy", policies::attach),
        // POST /target-policies/{policyName}
        iot("DetachPolicy", policies::detach),
        // POST /attached-policies/{target}
        iot("ListAttachedPolicies", policies::listAttached),
        // POST /policy-targets/{policyName}
        iot("ListTargetsForPolicy", policies::listTargets),
        // POST /effective-policies
        iot("GetEffectivePolicies", policies::effective),
        // POST /test-authorization
        iot("TestAuthorization", policies::testAuthorization),
        // PUT /principal-policies/{policyName}
        iot("AttachPrincipalPolicy", policies::attachPrincipal),
        // DELETE /principal-policies/{policyName}
        iot("DetachPrincipalPolicy", policies::detachPrincipal),
        // GET /principal-policies
        iot("ListPrincipalPolicies", policies::listPrincipalPolicies),
        // GET /policy-principals
        iot("ListPolicyPrincipals", policies::listPolicyPrincipals),
        // GET /indexing/config
        iot("GetIndexingConfiguration", index::getConfiguration),
        // POST /indexing/config
        iot("UpdateIndexingConfiguration", index::updateConfiguration),
        // GET /indices/{indexName}
        iot("DescribeIndex", index::describe),
        // GET /indices
        iot("ListIndices", index::list),
        // POST /indices/search
        iot("SearchIndex", index::search),
        // POST /indices/statistics
        iot("GetStatistics", index::statistics),
        // POST /indices/cardinality
        iot("GetCardinality", index::cardinality),
        // POST /indices/percentiles
        iot("GetPercentiles", index::percentiles),
        // POST /indices/buckets
        iot("GetBucketsAggregation", index::buckets));
  }

  private static Route iot(String operation, Operation handler) {
    return new Route(SERVICE, operation, handler);
  }
}
