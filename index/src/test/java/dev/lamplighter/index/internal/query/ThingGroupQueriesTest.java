package dev.lamplighter.index.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.index.IndexingConfiguration;
import dev.lamplighter.index.ThingGroupIndexDocument;
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
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AWS's example thing group queries against an AWS_ThingGroups index. */
class ThingGroupQueriesTest {
  private static final FieldCatalogue GROUPS =
      FieldCatalogue.thingGroups(IndexingConfiguration.DEFAULT);

  private static final List<ThingGroupIndexDocument> ALL =
      List.of(
          group("myGroupThingName", "Lamps of the hall", Map.of("myAttribute", "75"), "house"),
          group("abc", null, Map.of("myAttribute", "80"), "house", "myGroupThingName"),
          group("abd", null, Map.of("myAttribute", "insight")),
          group("house", "root", Map.of()));

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "thingGroupName:myGroupThingName|myGroupThingName",
        "thingGroupName:my*|myGroupThingName",
        "thingGroupName:ab?|abc,abd",
        "attributes.myAttribute:75|myGroupThingName",
        "attributes.myAttribute:[75 TO 80]|abc,myGroupThingName",
        "attributes.myAttribute:i*t|abd",
        "parentGroupNames:house|abc,myGroupThingName",
        "parentGroupNames:myGroupThingName|abc",
        "thingGroupDescription:\"Lamps of the hall\"|myGroupThingName",
        "root|house",
        "house|abc,house,myGroupThingName",
      })
  void aGroupQuery_findsItsGroups(String query, String names) throws Exception {
    assertThat(search(query)).containsExactlyElementsOf(new TreeSet<>(List.of(names.split(","))));
  }

  private static TreeSet<String> search(String queryString) throws Exception {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer()))) {
        for (ThingGroupIndexDocument group : ALL) {
          writer.addDocument(DocumentMapper.thingGroup(Fleet.SCOPE, group, GROUPS));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        BooleanQuery query =
            new BooleanQuery.Builder()
                .add(DocumentMapper.scope(Fleet.SCOPE, IndexKind.THING_GROUPS), Occur.FILTER)
                .add(FleetQueryParser.parse(queryString, GROUPS), Occur.FILTER)
                .build();
        TreeSet<String> names = new TreeSet<>();
        for (ScoreDoc hit : searcher.search(query, 100).scoreDocs) {
          names.add(
              DocumentMapper.readThingGroup(searcher.getIndexReader(), hit.doc).thingGroupName());
        }
        return names;
      }
    }
  }

  private static ThingGroupIndexDocument group(
      String name, String description, Map<String, String> attributes, String... parents) {
    return new ThingGroupIndexDocument(
        name, "id-" + name, description, attributes, List.of(parents));
  }
}
