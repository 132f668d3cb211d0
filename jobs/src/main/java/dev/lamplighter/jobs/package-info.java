/**
 * Jobs' public API: jobs and their executions on things, job templates and AWS managed templates as
 * domain records, and the services that implement the AWS IoT Jobs operations of the control plane
 * ({@link dev.lamplighter.jobs.JobService}, {@link dev.lamplighter.jobs.JobExecutionService},
 * {@link dev.lamplighter.jobs.JobTemplateService}) and of devices ({@link
 * dev.lamplighter.jobs.DeviceJobService}). {@link dev.lamplighter.jobs.Jobs} wires them to a store
 * and runs the engine that rolls executions out, times them out, retries and aborts. Adapters (the
 * HTTP API, the MQTT gateway) use only this package.
 */
package dev.lamplighter.jobs;
