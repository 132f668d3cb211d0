/**
 * Device shadows' public API: a thing's classic shadow and its named shadows as JSON documents with
 * AWS IoT's rules (desired and reported state, delta, per-leaf metadata, versions, limits), and
 * {@link dev.lamplighter.shadow.ShadowService}, which serves GetThingShadow, UpdateThingShadow,
 * DeleteThingShadow and ListNamedShadowsForThing for the HTTP API and the MQTT gateway. Shadow
 * documents are JSON by definition, so this module works on Jackson's tree model throughout. {@link
 * dev.lamplighter.shadow.Shadows} wires the service to a store.
 */
package dev.lamplighter.shadow;
