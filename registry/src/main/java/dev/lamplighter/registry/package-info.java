/**
 * The thing registry's public API: things, thing types, thing groups (static, and dynamic ones
 * defined by a fleet-index query), billing groups and tags as domain records, and the services that
 * implement the AWS IoT registry operations on them. Adapters (the HTTP API, the MQTT gateway, the
 * console) use only this package.
 */
package dev.lamplighter.registry;
