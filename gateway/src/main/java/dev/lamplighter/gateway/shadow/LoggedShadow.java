package dev.lamplighter.gateway.shadow;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A shadow change log entry's state, scanned once: the thing and shadow names, and where each
 * document ({@code accepted}, {@code delta}, {@code documents}) lies in the entry's JSON, so a
 * document is cut out as text only when somebody will receive it.
 */
final class LoggedShadow {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Set<String> DOCUMENTS = Set.of("accepted", "delta", "documents");

  private final String json;
  private final String thingName;
  private final String shadowName;
  private final Map<String, int[]> documents;

  private LoggedShadow(
      String json, String thingName, String shadowName, Map<String, int[]> documents) {
    this.json = json;
    this.thingName = thingName;
    this.shadowName = shadowName;
    this.documents = documents;
  }

  /** Which of an entry's documents are wanted, asked once the entry's names are known. */
  interface Wanted {
    boolean wanted(String topicPrefix, String document);
  }

  /**
   * The entry's names and the positions of the documents {@code wanted}, or null when it is not
   * such an entry. The scan stops after the last document: the rest of an entry is not read.
   */
  static LoggedShadow scan(String json, Wanted wanted) {
    String thingName = null;
    String shadowName = null;
    Map<String, int[]> documents = new HashMap<>(4);
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      int remaining = DOCUMENTS.size();
      boolean sawShadowName = false;
      while (!(remaining == 0 && thingName != null && sawShadowName)
          && parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("thingName") && value == JsonToken.VALUE_STRING) {
          thingName = parser.getText();
        } else if (field.equals("shadowName")) {
          shadowName = value == JsonToken.VALUE_STRING ? parser.getText() : null;
          sawShadowName = true;
        } else if (DOCUMENTS.contains(field)) {
          remaining--;
          // Names are logged first; should they come later, every document is kept.
          if (value == JsonToken.START_OBJECT
              && (thingName == null
                  || !sawShadowName
                  || wanted.wanted(prefix(thingName, shadowName), field))) {
            int start = (int) parser.currentTokenLocation().getCharOffset();
            parser.skipChildren();
            int end = (int) parser.currentTokenLocation().getCharOffset() + 1;
            documents.put(field, new int[] {start, end});
          } else {
            parser.skipChildren();
          }
        } else {
          parser.skipChildren();
        }
      }
    } catch (IOException | RuntimeException malformed) {
      return null;
    }
    return thingName == null ? null : new LoggedShadow(json, thingName, shadowName, documents);
  }

  /** All of the entry's documents. */
  static LoggedShadow scan(String json) {
    return scan(json, (prefix, document) -> true);
  }

  /** {@code $aws/things/{thingName}/shadow}, with {@code /name/{shadowName}} for a named one. */
  String topicPrefix() {
    return prefix(thingName, shadowName);
  }

  private static String prefix(String thingName, String shadowName) {
    String prefix = "$aws/things/" + thingName + "/shadow";
    return shadowName == null ? prefix : prefix + "/name/" + shadowName;
  }

  /** The document's JSON as logged, or null when the entry has none by that name. */
  String document(String name) {
    int[] range = documents.get(name);
    return range == null ? null : json.substring(range[0], range[1]);
  }
}
