package dev.lamplighter.registry;

/**
 * An MQTT 5 user property that the broker adds to messages of things of a type, taken from a thing
 * attribute or a connection attribute.
 *
 * @param userPropertyKey the user property's key
 * @param thingAttribute the thing attribute that supplies the value, or null
 * @param connectionAttribute the connection attribute that supplies the value, or null
 */
public record PropagatingAttribute(
    String userPropertyKey, String thingAttribute, String connectionAttribute) {}
