package dev.lamplighter.index.internal.query;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.index.Connectivity;
import dev.lamplighter.index.IndexField;
import dev.lamplighter.index.IndexField.FieldType;
import dev.lamplighter.index.IndexingConfiguration;
import dev.lamplighter.index.ThingIndexDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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

/**
 * A small fleet in a real in-memory Lucene index, shaped after the examples of AWS's query syntax
 * documentation, plus a thing of another scope that no query of this scope may find.
 */
final class Fleet implements AutoCloseable {
  static final Scope SCOPE = Scope.of("123456789012", "eu-west-1");
  static final Scope OTHER_SCOPE = Scope.of("210987654321", "eu-west-1");

  static final IndexingConfiguration CONFIGURATION =
      new IndexingConfiguration(
          IndexingConfiguration.ThingIndexingMode.REGISTRY,
          IndexingConfiguration.ConnectivityIndexingMode.STATUS,
          "OFF",
          "OFF",
          List.of(
              new IndexField("attributes.temperature", FieldType.Number),
              new IndexField("attributes.attr2", FieldType.Number),
              new IndexField("attributes.attr3", FieldType.Number),
              new IndexField("attributes.enabled", FieldType.Boolean)),
          IndexingConfiguration.GroupIndexingMode.ON,
          List.of());

  static final FieldCatalogue CATALOGUE = FieldCatalogue.things(CONFIGURATION);

  static final List<ThingIndexDocument> THINGS =
      List.of(
          thing("myThing", "aa", List.of("a"), Map.of("myAttribute", "75", "model", "legacy"))
              .connected(true, 1557651600000L, null),
          thing("myLamp", "aa", List.of("a", "ab"), Map.of("myAttribute", "80", "model", "new"))
              .connected(true, 1557700000000L, null),
          thing("mySensor", "bb", List.of("b"), Map.of("myAttribute", "76"))
              .connected(false, 1557867600000L, "CLIENT_INITIATED_DISCONNECT"),
          thing("MyCapital", null, List.of(), Map.of()).build(),
          thing("aba", null, List.of(), Map.of("serialNumber", "abcd", "myAttribute", "90"))
              .build(),
          thing("abb", null, List.of(), Map.of("serialNumber", "abce", "temperature", "20.5"))
              .build(),
          thing("abc", null, List.of(), Map.of("serialNumber", "abcf", "temperature", "22"))
              .build(),
          thing("abcd", null, List.of(), Map.of("serialNumber", "abcg", "temperature", "25"))
              .build(),
          thing("too-hot", null, List.of(), Map.of("temperature", "hot", "enabled", "maybe"))
              .build(),
          thing("tv-lcd", null, List.of("tv"), Map.of("model", "lcd", "enabled", "true")).build(),
          thing("tv-plasma", null, List.of("tv"), Map.of("model", "plasma", "enabled", "false"))
              .build(),
          thing("plasma", null, List.of("tv"), Map.of()).build(),
          thing("word-1", null, List.of(), Map.of("myAttribute", "input")).build(),
          thing("word-2", null, List.of(), Map.of("myAttribute", "it")).build(),
          thing("word-3", null, List.of(), Map.of("myAttribute", "items")).build(),
          thing("attr-1", null, List.of(), Map.of("attr1", "abc", "attr2", "3", "attr3", "5"))
              .build(),
          thing("attr-2", null, List.of(), Map.of("attr1", "abc", "attr2", "3", "attr3", "11"))
              .build(),
          thing("attr-3", null, List.of(), Map.of("attr1", "abc", "attr2", "7")).build(),
          thing("attr-4", null, List.of(), Map.of("attr1", "abc", "attr2", "4")).build(),
          thing("arn:thing", null, List.of(), Map.of("path", "a b", "note", "x*y")).build(),
          thing("neg", null, List.of(), Map.of("temperature", "-5")).build());

  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  Fleet() {
    try (IndexWriter writer =
        new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer()))) {
      for (ThingIndexDocument thing : THINGS) {
        writer.addDocument(DocumentMapper.thing(SCOPE, thing, CATALOGUE));
      }
      writer.addDocument(
          DocumentMapper.thing(
              OTHER_SCOPE,
              thing("myThing", "aa", List.of("a"), Map.of("myAttribute", "75")).build(),
              CATALOGUE));
      writer.commit();
      reader = DirectoryReader.open(directory);
      searcher = new IndexSearcher(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  IndexSearcher searcher() {
    return searcher;
  }

  /** The query of this scope for a query string. */
  Query query(String queryString) {
    return new BooleanQuery.Builder()
        .add(DocumentMapper.scope(SCOPE, IndexKind.THINGS), Occur.FILTER)
        .add(FleetQueryParser.parse(queryString, CATALOGUE), Occur.FILTER)
        .build();
  }

  /** The names of the things the index finds, read back from their indexed documents. */
  TreeSet<String> search(String queryString) {
    try {
      TreeSet<String> names = new TreeSet<>();
      for (ScoreDoc hit : searcher.search(query(queryString), 1000).scoreDocs) {
        names.add(DocumentMapper.readThing(searcher.getIndexReader(), hit.doc).thingName());
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of the things that match one by one in memory. */
  static TreeSet<String> matchInMemory(String queryString) {
    Query query = FleetQueryParser.parse(queryString, CATALOGUE);
    TreeSet<String> names = new TreeSet<>();
    for (ThingIndexDocument thing : THINGS) {
      if (DocumentMatcher.matches(DocumentMapper.thing(SCOPE, thing, CATALOGUE), query)) {
        names.add(thing.thingName());
      }
    }
    return names;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }

  static ThingBuilder thing(
      String name, String type, List<String> groups, Map<String, String> attributes) {
    return new ThingBuilder(name, type, groups, attributes);
  }

  record ThingBuilder(
      String name, String type, List<String> groups, Map<String, String> attributes) {
    ThingIndexDocument connected(boolean connected, long timestamp, String reason) {
      return document(new Connectivity(connected, timestamp, reason));
    }

    ThingIndexDocument build() {
      return document(null);
    }

    private ThingIndexDocument document(Connectivity connectivity) {
      return new ThingIndexDocument(
          name, "id-" + name, type, attributes, 3, new ArrayList<>(groups), connectivity);
    }
  }
}
