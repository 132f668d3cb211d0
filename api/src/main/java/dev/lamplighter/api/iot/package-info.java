/**
 * The {@code iot} service (AWS IoT control plane): the route table naming each operation, the
 * handlers, and the wire records with their mappers from registry domain records.
 */
package dev.lamplighter.api.iot;
