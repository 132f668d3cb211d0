package dev.lamplighter.index.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.index.Bucket;
import dev.lamplighter.index.IndexField;
import dev.lamplighter.index.IndexField.FieldType;
import dev.lamplighter.index.IndexingConfiguration;
import dev.lamplighter.index.IndexingConfiguration.ConnectivityIndexingMode;
import dev.lamplighter.index.IndexingConfiguration.GroupIndexingMode;
import dev.lamplighter.index.IndexingConfiguration.ThingIndexingMode;
import dev.lamplighter.index.Statistics;
import dev.lamplighter.index.ThingIndexDocument;
import dev.lamplighter.shadow.Shadow;
import dev.lamplighter.shadow.ShadowId;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shadow fields in a real in-memory index: four lamps whose classic shadows report wattages (one as
 * a string), modes, switches, a position, tags and levels, and whose named shadows {@code battery}
 * (indexed, in the filter) and {@code secret} (not in the filter).
 */
class ShadowFieldsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMESTAMP = 1_700_000_000L;

  private static final IndexingConfiguration SHADOWS =
      configuration(ThingIndexingMode.REGISTRY_AND_SHADOW, "ON", List.of());

  private ByteBuffersDirectory directory;
  private DirectoryReader reader;
  private IndexSearcher searcher;
  private FieldCatalogue catalogue;

  @BeforeEach
  void index() throws IOException {
    open(SHADOWS);
  }

  @AfterEach
  void close() throws IOException {
    reader.close();
    directory.close();
  }

  @Test
  void numbers_areRangeQueryable_andAStringOfDigitsMatchesOnlyAsAString() throws IOException {
    assertThat(search("shadow.reported.wattage > 60")).containsExactly("lamp-1");
    assertThat(search("shadow.reported.wattage:[30 TO 50]")).containsExactly("lamp-2");
    // lamp-4 reports "75", a string: it is that value, not a number.
    assertThat(search("shadow.reported.wattage:75")).containsExactly("lamp-1", "lamp-4");
    assertThat(search("shadow.desired.wattage:60")).containsExactly("lamp-2");
  }

  @Test
  void strings_matchExactlyCaseInsensitively_andByWildcard() throws IOException {
    assertThat(search("shadow.reported.mode:full")).containsExactly("lamp-2");
    assertThat(search("shadow.reported.mode:e*")).containsExactly("lamp-1");
    assertThat(search("shadow.reported.mode:eco OR shadow.reported.mode:Full"))
        .containsExactly("lamp-1", "lamp-2");
  }

  @Test
  void booleans_nestedValues_andArrayElements_areSearchable() throws IOException {
    assertThat(search("shadow.reported.on:true")).containsExactly("lamp-1");
    assertThat(search("shadow.reported.on:false")).containsExactly("lamp-2");
    assertThat(search("shadow.reported.position.x < 2")).containsExactly("lamp-1");
    assertThat(search("shadow.reported.tags:led")).containsExactly("lamp-1");
    assertThat(search("shadow.reported.tags:street AND shadow.reported.levels:20"))
        .containsExactly("lamp-1");
    assertThat(search("shadow.reported.levels > 25")).isEmpty();
  }

  @Test
  void hasDeltaVersionMetadataAndExistence_areSearchable() throws IOException {
    assertThat(search("shadow.hasDelta:true")).containsExactly("lamp-2");
    assertThat(search("shadow.hasDelta:false")).containsExactly("lamp-1", "lamp-4");
    assertThat(search("shadow.version >= 5")).containsExactly("lamp-2");
    assertThat(search("shadow.metadata.reported.wattage.timestamp >= " + TIMESTAMP))
        .containsExactly("lamp-1", "lamp-2", "lamp-4");
    assertThat(search("shadow.reported.wattage:*")).containsExactly("lamp-1", "lamp-2", "lamp-4");
    assertThat(search("NOT shadow.version:*")).containsExactly("lamp-3");
  }

  @Test
  void namedShadows_areSearchableOnlyWhenInTheFilter() throws IOException {
    assertThat(search("shadow.name.battery.reported.level > 50")).containsExactly("lamp-1");
    assertThat(search("shadow.name.battery.hasDelta:false")).containsExactly("lamp-1", "lamp-2");
    assertThat(search("shadow.name.battery.version:1")).containsExactly("lamp-1", "lamp-2");
    assertThatThrownBy(() -> search("shadow.name.secret.reported.code:x"))
        .isInstanceOfSatisfying(
            ServiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUERY))
        .hasMessageContaining("shadow.name.secret.reported.code");
    // The classic shadow's fields hold none of a named shadow's values.
    assertThat(search("shadow.reported.level:*")).isEmpty();
  }

  @Test
  void registryMode_indexesNoShadowField() throws IOException {
    close();
    open(configuration(ThingIndexingMode.REGISTRY, "OFF", List.of()));

    assertThatThrownBy(() -> search("shadow.reported.wattage > 60"))
        .isInstanceOfSatisfying(
            ServiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUERY));
    assertThat(catalogue.managedFields())
        .extracting(IndexField::name)
        .noneMatch(n -> n.startsWith("shadow"));
  }

  @Test
  void theStoredDocument_carriesTheIndexedShadowsAsJson() throws IOException {
    ScoreDoc hit = searcher.search(query("thingName:lamp-1"), 1).scoreDocs[0];
    ThingIndexDocument lamp = DocumentMapper.readThing(reader, hit.doc);

    JsonNode shadow = JSON.readTree(lamp.shadow());
    assertThat(shadow.at("/reported/wattage").asInt()).isEqualTo(75);
    assertThat(shadow.at("/metadata/reported/wattage/timestamp").asLong()).isEqualTo(TIMESTAMP);
    assertThat(shadow.at("/hasDelta").asBoolean()).isFalse();
    assertThat(shadow.at("/version").asLong()).isEqualTo(3);
    assertThat(shadow.at("/name/battery/reported/level").asInt()).isEqualTo(80);
    assertThat(shadow.at("/name").has("secret")).isFalse();
    ScoreDoc bare = searcher.search(query("thingName:lamp-3"), 1).scoreDocs[0];
    assertThat(DocumentMapper.readThing(reader, bare.doc).shadow()).isNull();
  }

  @Test
  void aggregations_overAShadowNumber_takeItsNumbers() {
    Statistics statistics =
        Aggregations.statistics(searcher, query("*"), "shadow.reported.wattage", catalogue);
    assertThat(statistics.count()).isEqualTo(2);
    assertThat(statistics.sum()).isEqualTo(115);
    assertThat(statistics.maximum()).isEqualTo(75);
    assertThat(
            Aggregations.percentiles(
                searcher, query("*"), "shadow.reported.wattage", List.of(50d), catalogue))
        .singleElement()
        .satisfies(p -> assertThat(p.value()).isEqualTo(57.5));
    // 75 and 40 as numbers, "75" as a string.
    assertThat(Aggregations.cardinality(searcher, query("*"), "shadow.reported.wattage", catalogue))
        .isEqualTo(3);
  }

  @Test
  void buckets_overShadowStringsAndBooleans() {
    assertThat(Aggregations.buckets(searcher, query("*"), "shadow.reported.mode", 10, catalogue))
        .containsExactly(new Bucket("Full", 1), new Bucket("eco", 1));
    assertThat(Aggregations.buckets(searcher, query("*"), "shadow.reported.on", 10, catalogue))
        .containsExactly(new Bucket("false", 1), new Bucket("true", 1));
  }

  @Test
  void aCustomField_typesAShadowValue_forQueriesAndAggregations() throws IOException {
    close();
    open(
        configuration(
            ThingIndexingMode.REGISTRY_AND_SHADOW,
            "ON",
            List.of(new IndexField("shadow.reported.wattage", FieldType.Number))));

    // "75" converts to the number 75 now, so it counts and compares as one.
    assertThat(search("shadow.reported.wattage > 60")).containsExactly("lamp-1", "lamp-4");
    Statistics statistics =
        Aggregations.statistics(searcher, query("*"), "shadow.reported.wattage", catalogue);
    assertThat(statistics.count()).isEqualTo(3);
    assertThat(statistics.sum()).isEqualTo(190);
    assertThat(catalogue.acceptsCustomField("shadow.name.battery.reported.level")).isTrue();
    assertThat(catalogue.acceptsCustomField("shadow.name.secret.reported.code")).isFalse();
    assertThat(catalogue.acceptsCustomField("shadow.version")).isFalse();
  }

  private void open(IndexingConfiguration configuration) throws IOException {
    catalogue = FieldCatalogue.things(configuration);
    directory = new ByteBuffersDirectory();
    try (IndexWriter writer =
        new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer()))) {
      for (ThingIndexDocument thing : lamps(configuration)) {
        writer.addDocument(DocumentMapper.thing(Fleet.SCOPE, thing, catalogue));
      }
    }
    reader = DirectoryReader.open(directory);
    searcher = new IndexSearcher(reader);
  }

  private static List<ThingIndexDocument> lamps(IndexingConfiguration configuration) {
    return List.of(
        lamp(
            configuration,
            "lamp-1",
            shadow(
                "lamp-1",
                null,
                "{\"desired\":{\"wattage\":75},\"reported\":{\"wattage\":75,\"mode\":\"eco\","
                    + "\"on\":true,\"position\":{\"x\":1.5,\"y\":2},\"tags\":[\"street\",\"led\"],"
                    + "\"levels\":[10,20]}}",
                3),
            shadow("lamp-1", "battery", "{\"reported\":{\"level\":80}}", 1),
            shadow("lamp-1", "secret", "{\"reported\":{\"code\":\"x\"}}", 1)),
        lamp(
            configuration,
            "lamp-2",
            shadow(
                "lamp-2",
                null,
                "{\"desired\":{\"wattage\":60},\"reported\":{\"wattage\":40,\"mode\":\"Full\","
                    + "\"on\":false}}",
                7),
            shadow("lamp-2", "battery", "{\"reported\":{\"level\":20}}", 1)),
        lamp(configuration, "lamp-3"),
        lamp(
            configuration,
            "lamp-4",
            shadow("lamp-4", null, "{\"reported\":{\"wattage\":\"75\"}}", 1)));
  }

  private static ThingIndexDocument lamp(
      IndexingConfiguration configuration, String name, Shadow... shadows) {
    String shadow =
        ShadowJson.indexed(
            List.of(shadows),
            configuration.classicShadowIndexed(),
            configuration.indexedNamedShadows());
    return new ThingIndexDocument(name, "id-" + name, null, Map.of(), 1, List.of(), null, shadow);
  }

  private static Shadow shadow(String thing, String name, String state, long version) {
    try {
      ObjectNode stateNode = (ObjectNode) JSON.readTree(state);
      return new Shadow(
          ShadowId.of(thing, name),
          stateNode,
          (ObjectNode) metadata(stateNode),
          version,
          TIMESTAMP);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The metadata the shadow service keeps: the state's shape, a timestamp for every leaf. */
  private static JsonNode metadata(JsonNode state) {
    if (state.isObject()) {
      ObjectNode metadata = JSON.createObjectNode();
      state.properties().forEach(e -> metadata.set(e.getKey(), metadata(e.getValue())));
      return metadata;
    }
    if (state.isArray()) {
      ArrayNode metadata = JSON.createArrayNode();
      state.forEach(element -> metadata.add(metadata(element)));
      return metadata;
    }
    return JSON.createObjectNode().put("timestamp", TIMESTAMP);
  }

  private static IndexingConfiguration configuration(
      ThingIndexingMode mode, String namedShadowMode, List<IndexField> customFields) {
    return new IndexingConfiguration(
        mode,
        ConnectivityIndexingMode.OFF,
        "OFF",
        namedShadowMode,
        customFields,
        GroupIndexingMode.OFF,
        List.of(),
        List.of("battery"));
  }

  private Query query(String queryString) {
    return new BooleanQuery.Builder()
        .add(DocumentMapper.scope(Fleet.SCOPE, IndexKind.THINGS), Occur.FILTER)
        .add(FleetQueryParser.parse(queryString, catalogue), Occur.FILTER)
        .build();
  }

  private TreeSet<String> search(String queryString) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    for (ScoreDoc hit : searcher.search(query(queryString), 100).scoreDocs) {
      names.add(DocumentMapper.readThing(reader, hit.doc).thingName());
    }
    return names;
  }
}
