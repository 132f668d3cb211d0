package dev.lamplighter.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.core.tenancy.Region;
import java.util.List;
import java.util.Map;

/**
 * The store's JSON: change log states (domain records as Jackson sees them, instants as ISO-8601
 * text, ids as plain strings) and the JSON columns of rows.
 */
final class StoreJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(
              new SimpleModule("lamplighter-ids")
                  .addSerializer(AccountId.class, ToStringSerializer.instance)
                  .addSerializer(Region.class, ToStringSerializer.instance)
                  .addSerializer(Arn.class, ToStringSerializer.instance))
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};
  private static final TypeReference<List<Map<String, String>>> MAP_LIST = new TypeReference<>() {};
  private static final TypeReference<Map<String, Boolean>> BOOLEAN_MAP = new TypeReference<>() {};

  private StoreJson() {}

  /** Any value (a domain record, a map, a list) as JSON. */
  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot write a " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(),
          e);
    }
  }

  static Map<String, String> readStringMap(String json) {
    return read(json, STRING_MAP);
  }

  static List<String> readStringList(String json) {
    return read(json, STRING_LIST);
  }

  static List<Map<String, String>> readMapList(String json) {
    return read(json, MAP_LIST);
  }

  static Map<String, Boolean> readBooleanMap(String json) {
    return read(json, BOOLEAN_MAP);
  }

  /**
   * A value {@link #write} wrote from a {@code type}, such as a domain record: Jackson reads a
   * record through its canonical constructor, nested records and enums included, so the column's
   * shape is the record's components by name.
   */
  static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored JSON column is malformed: " + e.getMessage(), e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored JSON column is malformed: " + e.getMessage(), e);
    }
  }
}
