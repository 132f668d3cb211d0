package dev.lamplighter.index.internal.query;

import dev.lamplighter.index.IndexField.FieldType;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

/**
 * Adds searchable values to a document, one way per field type, so that queries, aggregations and
 * {@code field:*} (which needs doc values) agree on every field.
 */
final class IndexedValues {
  private final Document document;

  IndexedValues(Document document) {
    this.document = document;
  }

  /**
   * A whole value, also searchable without a field name. AWS's search is case-insensitive, so the
   * term is case-folded; the doc values keep the value as given, for aggregations to report.
   */
  void string(String field, String value) {
    if (value == null) {
      return;
    }
    document.add(new StringField(field, fold(value), Field.Store.NO));
    document.add(new SortedSetDocValuesField(field, new BytesRef(value)));
    freeText(value);
  }

  /**
   * The Lucene field that holds an AWS field's values of one type. Lucene fixes how a field is
   * indexed across the whole index, while each scope types its custom fields as it likes (one
   * scope's {@code attributes.level} may be a Number, another's a String), so each type has its own
   * Lucene field. '|' cannot occur in an AWS field name.
   */
  static String luceneField(String field, FieldType type) {
    return switch (type) {
      case String -> field;
      case Number -> field + "|number";
      case Boolean -> field + "|boolean";
    };
  }

  /** The searchable form of a string value or query term: case-folded. */
  static String fold(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  void number(String field, double value) {
    String name = luceneField(field, FieldType.Number);
    document.add(new DoublePoint(name, value));
    document.add(new SortedNumericDocValuesField(name, NumericUtils.doubleToSortableLong(value)));
  }

  /** A boolean as the terms {@code true} and {@code false}, so buckets report them as AWS does. */
  void bool(String field, boolean value) {
    String text = Boolean.toString(value);
    String name = luceneField(field, FieldType.Boolean);
    document.add(new StringField(name, text, Field.Store.NO));
    document.add(new SortedSetDocValuesField(name, new BytesRef(text)));
  }

  /** A value that a term without a field name finds. */
  void freeText(String value) {
    document.add(new StringField(DocumentMapper.FREE_TEXT_FIELD, fold(value), Field.Store.NO));
  }

  /** Parses a Number field's value, or null when it is not a finite number. */
  static Double parseNumber(String text) {
    try {
      double value = Double.parseDouble(text.trim());
      return Double.isFinite(value) ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
