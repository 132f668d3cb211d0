package dev.lamplighter.api.iotdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.messaging.OutgoingMessage.UserProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MQTT 5 user properties in AWS's JSON form: an array of objects, each mapping a property name to
 * its value, such as {@code [{"deviceName": "alpha"}, {"deviceCnt": "45"}]}. Order and repeated
 * names are kept. Reading accepts an object with several names as several properties in order;
 * writing gives one object per property.
 */
final class UserPropertiesJson {
  private UserPropertiesJson() {}

  /**
   * The properties a JSON text holds.
   *
   * @throws ServiceException INVALID_REQUEST when it is not an array of objects of strings
   */
  static List<UserProperty> read(ObjectMapper mapper, String json) {
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw malformed();
    }
    if (root == null || !root.isArray()) {
      throw malformed();
    }
    List<UserProperty> properties = new ArrayList<>();
    for (JsonNode element : root) {
      if (!element.isObject()) {
        throw malformed();
      }
      for (Map.Entry<String, JsonNode> field : element.properties()) {
        if (!field.getValue().isTextual()) {
          throw malformed();
        }
        properties.add(new UserProperty(field.getKey(), field.getValue().textValue()));
      }
    }
    return properties;
  }

  /** The JSON text of the properties, or null when there are none (AWS then omits the member). */
  static byte[] write(ObjectMapper mapper, List<UserProperty> properties) {
    if (properties.isEmpty()) {
      return null;
    }
    ArrayNode array = mapper.createArrayNode();
    properties.forEach(p -> array.addObject().put(p.name(), p.value()));
    try {
      return mapper.writeValueAsBytes(array);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("user properties cannot be written as JSON", e);
    }
  }

  private static ServiceException malformed() {
    return ErrorCode.INVALID_REQUEST.exception(
        "x-amz-mqtt5-user-properties must be a base64-encoded JSON array of objects whose"
            + " values are strings.");
  }
}
