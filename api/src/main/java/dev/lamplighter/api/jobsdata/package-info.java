/**
 * The {@code iot-jobs-data} service (the AWS IoT Jobs API of devices over HTTPS, signed as {@code
 * iot-jobs-data}): the route table naming each operation, the handlers, and the wire records with
 * their mappers from the {@link dev.lamplighter.jobs.DeviceJobService} domain records.
 */
package dev.lamplighter.api.jobsdata;
