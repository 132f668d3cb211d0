package dev.lamplighter.shadow;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a shadow change puts in the change log, under resource type SHADOW and the thing's name: the
 * messages AWS IoT publishes for it, so every node's MQTT gateway can publish them to its own
 * subscribers.
 *
 * @param thingName the thing
 * @param shadowName the named shadow, or null for the classic one
 * @param version the shadow's version after the change (the deleted version for a delete)
 * @param accepted the {@code update/accepted} or {@code delete/accepted} document
 * @param delta the {@code update/delta} document, or null when none is published
 * @param documents the {@code update/documents} document, or null for a delete
 */
public record ShadowLogState(
    String thingName,
    String shadowName,
    long version,
    ObjectNode accepted,
    ObjectNode delta,
    ObjectNode documents) {}
