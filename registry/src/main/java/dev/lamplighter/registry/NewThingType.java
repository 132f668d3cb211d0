package dev.lamplighter.registry;

import java.util.List;

/**
 * The input of CreateThingType.
 *
 * @param name the type's name
 * @param description free text, or null
 * @param searchableAttributes at most 3 attribute names
 * @param propagatingAttributes MQTT 5 propagating attributes
 * @param tags tags to put on the new type
 */
public record NewThingType(
    String name,
    String description,
    List<String> searchableAttributes,
    List<PropagatingAttribute> propagatingAttributes,
    List<Tag> tags) {
  public NewThingType {
    searchableAttributes =
        searchableAttributes == null ? List.of() : List.copyOf(searchableAttributes);
    propagatingAttributes =
        propagatingAttributes == null ? List.of() : List.copyOf(propagatingAttributes);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
