package dev.lamplighter.index.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.index.IndexField;
import dev.lamplighter.index.IndexField.FieldType;
import dev.lamplighter.index.IndexingConfiguration;
import dev.lamplighter.index.ThingIndexDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.Test;

/**
 * Scopes share one Lucene index but type their custom fields each their own way: the same attribute
 * may be a Number in one scope, a String in another and a Boolean in a third.
 */
class FieldTypesPerScopeTest {
  private static final Scope NUMBERS = Scope.of("111111111111", "eu-west-1");
  private static final Scope STRINGS = Scope.of("222222222222", "eu-west-1");
  private static final Scope BOOLEANS = Scope.of("333333333333", "eu-west-1");

  @Test
  void oneAttribute_typedDifferentlyPerScope_isSearchableInEach() throws Exception {
    FieldCatalogue numbers = catalogue(FieldType.Number);
    FieldCatalogue strings = catalogue(FieldType.String);
    FieldCatalogue booleans = catalogue(FieldType.Boolean);
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer()))) {
        writer.addDocument(DocumentMapper.thing(NUMBERS, thing("n-5", "5"), numbers));
        writer.addDocument(DocumentMapper.thing(NUMBERS, thing("n-10", "10"), numbers));
        writer.addDocument(DocumentMapper.thing(STRINGS, thing("s-5", "5"), strings));
        writer.addDocument(DocumentMapper.thing(STRINGS, thing("s-10", "10"), strings));
        writer.addDocument(DocumentMapper.thing(BOOLEANS, thing("b-true", "true"), booleans));
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);

        assertThat(names(searcher, NUMBERS, "attributes.level < 6", numbers))
            .containsExactly("n-5");
        assertThat(names(searcher, STRINGS, "attributes.level < 6", strings))
            .containsExactlyInAnyOrder("s-5", "s-10");
        assertThat(names(searcher, BOOLEANS, "attributes.level:true", booleans))
            .containsExactly("b-true");
        assertThat(
                Aggregations.statistics(
                        searcher, scoped(NUMBERS, "*", numbers), "attributes.level", numbers)
                    .sum())
            .isEqualTo(15.0);
      }
    }
  }

  private static FieldCatalogue catalogue(FieldType type) {
    return FieldCatalogue.things(
        new IndexingConfiguration(
            IndexingConfiguration.ThingIndexingMode.REGISTRY,
            IndexingConfiguration.ConnectivityIndexingMode.OFF,
            "OFF",
            "OFF",
            List.of(new IndexField("attributes.level", type)),
            IndexingConfiguration.GroupIndexingMode.OFF,
            List.of()));
  }

  private static ThingIndexDocument thing(String name, String level) {
    return new ThingIndexDocument(
        name, "id-" + name, null, Map.of("level", level), 1, List.of(), null);
  }

  private static Query scoped(Scope scope, String query, FieldCatalogue catalogue) {
    return new BooleanQuery.Builder()
        .add(DocumentMapper.scope(scope, IndexKind.THINGS), Occur.FILTER)
        .add(FleetQueryParser.parse(query, catalogue), Occur.MUST)
        .build();
  }

  private static List<String> names(
      IndexSearcher searcher, Scope scope, String query, FieldCatalogue catalogue)
      throws Exception {
    List<String> names = new ArrayList<>();
    for (ScoreDoc hit : searcher.search(scoped(scope, query, catalogue), 100).scoreDocs) {
      names.add(DocumentMapper.readThing(searcher.getIndexReader(), hit.doc).thingName());
    }
    return names;
  }
}
