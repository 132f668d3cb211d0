package dev.lamplighter.index.internal.query;

import static dev.lamplighter.index.internal.query.FieldCatalogue.ATTRIBUTES_PREFIX;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.index.Connectivity;
import dev.lamplighter.index.IndexField.FieldType;
import dev.lamplighter.index.ThingGroupIndexDocument;
import dev.lamplighter.index.ThingIndexDocument;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Things and thing groups as Lucene documents, and back. Each document carries its scope and kind
 * ({@code _scope}), a unique key ({@code _key}), its name for sorting and paging ({@code _name}),
 * every searchable field under its AWS name, and the whole document in one binary doc value.
 */
public final class DocumentMapper {
  /** The thing's or group's name: a term for exact lookups and sorted doc values for paging. */
  public static final String NAME_FIELD = "_name";

  public static final String KEY_FIELD = "_key";
  static final String SCOPE_FIELD = "_scope";
  static final String SOURCE_FIELD = "_source";

  /** Every string value of a document, for query terms without a field name. */
  static final String FREE_TEXT_FIELD = "_text";

  // Account ids and region names never contain it, so scope and kind prefixes cannot collide.
  private static final char SEPARATOR = '|';

  private DocumentMapper() {}

  /** The Lucene document of a thing, typed by the catalogue of AWS_Things. */
  public static Document thing(Scope scope, ThingIndexDocument thing, FieldCatalogue catalogue) {
    Document document = skeleton(scope, IndexKind.THINGS, thing.thingName());
    document.add(new BinaryDocValuesField(SOURCE_FIELD, new BytesRef(StoredSource.encode(thing))));
    IndexedValues values = new IndexedValues(document);
    values.string(FieldCatalogue.THING_NAME, thing.thingName());
    values.string(FieldCatalogue.THING_ID, thing.thingId());
    values.string(FieldCatalogue.THING_TYPE_NAME, thing.thingTypeName());
    thing.thingGroupNames().forEach(g -> values.string(FieldCatalogue.THING_GROUP_NAMES, g));
    values.number(FieldCatalogue.REGISTRY_VERSION, thing.version());
    attributes(values, thing.attributes(), catalogue);
    Connectivity connectivity = thing.connectivity();
    if (connectivity != null && catalogue.connectivityIndexed()) {
      values.bool(FieldCatalogue.CONNECTED, connectivity.connected());
      values.number(FieldCatalogue.CONNECTIVITY_TIMESTAMP, connectivity.timestamp());
      values.string(FieldCatalogue.DISCONNECT_REASON, connectivity.disconnectReason());
    }
    ShadowJson.forEachValue(thing.shadow(), value -> shadowValue(values, value, catalogue));
    return document;
  }

  /** The Lucene document of a thing group, typed by the catalogue of AWS_ThingGroups. */
  public static Document thingGroup(
      Scope scope, ThingGroupIndexDocument group, FieldCatalogue catalogue) {
    Document document = skeleton(scope, IndexKind.THING_GROUPS, group.thingGroupName());
    document.add(new BinaryDocValuesField(SOURCE_FIELD, new BytesRef(StoredSource.encode(group))));
    IndexedValues values = new IndexedValues(document);
    values.string(FieldCatalogue.THING_GROUP_NAME, group.thingGroupName());
    values.string(FieldCatalogue.THING_GROUP_ID, group.thingGroupId());
    values.string(FieldCatalogue.THING_GROUP_DESCRIPTION, group.thingGroupDescription());
    group.parentGroupNames().forEach(p -> values.string(FieldCatalogue.PARENT_GROUP_NAMES, p));
    attributes(values, group.attributes(), catalogue);
    return document;
  }

  /** The thing a document of the index was made from. */
  public static ThingIndexDocument readThing(IndexReader reader, int docId) throws IOException {
    return StoredSource.decodeThing(source(reader, docId));
  }

  /** The thing group a document of the index was made from. */
  public static ThingGroupIndexDocument readThingGroup(IndexReader reader, int docId)
      throws IOException {
    return StoredSource.decodeThingGroup(source(reader, docId));
  }

  /** The thing a document built by {@link #thing} was made from. */
  public static ThingIndexDocument readThing(Document built) {
    return StoredSource.decodeThing(source(built));
  }

  /** The thing group a document built by {@link #thingGroup} was made from. */
  public static ThingGroupIndexDocument readThingGroup(Document built) {
    return StoredSource.decodeThingGroup(source(built));
  }

  /** The unique key of a thing or group, for updateDocument and deleteDocuments. */
  public static Term key(Scope scope, IndexKind kind, String name) {
    return new Term(KEY_FIELD, scopeValue(scope, kind) + SEPARATOR + name);
  }

  /** The term a String field holds for {@code value}: what a query for the value looks up. */
  public static Term stringTerm(String field, String value) {
    return new Term(field, IndexedValues.fold(value));
  }

  /** Matches every document of one scope and kind. */
  public static Query scope(Scope scope, IndexKind kind) {
    return new TermQuery(new Term(SCOPE_FIELD, scopeValue(scope, kind)));
  }

  private static Document skeleton(Scope scope, IndexKind kind, String name) {
    Document document = new Document();
    document.add(new StringField(SCOPE_FIELD, scopeValue(scope, kind), Field.Store.NO));
    document.add(new StringField(KEY_FIELD, key(scope, kind, name).text(), Field.Store.NO));
    document.add(new StringField(NAME_FIELD, name, Field.Store.NO));
    document.add(new SortedDocValuesField(NAME_FIELD, new BytesRef(name)));
    return document;
  }

  /**
   * Attributes are Strings unless a custom field types them; a value that does not fit its declared
   * type is left out of the field (it stays in the stored document and in free-text search).
   */
  private static void attributes(
      IndexedValues values, Map<String, String> attributes, FieldCatalogue catalogue) {
    attributes.forEach(
        (name, value) -> {
          String field = ATTRIBUTES_PREFIX + name;
          FieldType type = catalogue.attributeType(name);
          switch (type) {
            case String -> values.string(field, value);
            case Number -> {
              Double number = IndexedValues.parseNumber(value);
              if (number != null) {
                values.number(field, number);
              }
              values.freeText(value);
            }
            case Boolean -> {
              if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
                values.bool(field, Boolean.parseBoolean(value));
              }
              values.freeText(value);
            }
          }
        });
  }

  /**
   * A shadow value is indexed as its JSON type, or as the type a custom field declares when it
   * converts (a number's text as a String, a numeric string as a Number, "true" or "false" as a
   * Boolean); one that does not convert is left out of the field, as AWS leaves it out.
   */
  private static void shadowValue(
      IndexedValues values, ShadowJson.Value value, FieldCatalogue catalogue) {
    FieldType declared = catalogue.declaredType(value.field());
    FieldType type = declared == null ? value.type() : declared;
    String text = value.text();
    switch (type) {
      case String -> values.string(value.field(), text);
      case Number -> {
        Double number = IndexedValues.parseNumber(text);
        if (number != null) {
          values.number(value.field(), number);
        }
      }
      case Boolean -> {
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
          values.bool(value.field(), Boolean.parseBoolean(text));
        }
      }
    }
  }

  private static String scopeValue(Scope scope, IndexKind kind) {
    return kind.name() + SEPARATOR + scope.account().value() + SEPARATOR + scope.region().value();
  }

  private static byte[] source(Document built) {
    BytesRef bytes = built.getBinaryValue(SOURCE_FIELD);
    if (bytes == null) {
      throw new IllegalArgumentException("The document has no " + SOURCE_FIELD);
    }
    return BytesRef.deepCopyOf(bytes).bytes;
  }

  /**
   * The source of an indexed document. It lives in binary doc values, not stored fields: a page of
   * results is a run of neighbouring documents (segments are sorted by name), which doc values read
   * from a few small blocks where stored fields would decompress a large block per document.
   */
  private static byte[] source(IndexReader reader, int docId) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
    BinaryDocValues values = leaf.reader().getBinaryDocValues(SOURCE_FIELD);
    if (values == null || !values.advanceExact(docId - leaf.docBase)) {
      throw new IllegalArgumentException("Document " + docId + " has no " + SOURCE_FIELD);
    }
    return BytesRef.deepCopyOf(values.binaryValue()).bytes;
  }
}
