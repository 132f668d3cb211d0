package dev.lamplighter.registry;

import java.util.List;

/**
 * The input of UpdateThingType; null members are not being changed.
 *
 * @param description a new description (refused: thing types are immutable)
 * @param searchableAttributes new searchable attributes (refused likewise)
 * @param propagatingAttributes the new MQTT 5 propagating attributes
 */
public record ThingTypeUpdate(
    String description,
    List<String> searchableAttributes,
    List<PropagatingAttribute> propagatingAttributes) {}
