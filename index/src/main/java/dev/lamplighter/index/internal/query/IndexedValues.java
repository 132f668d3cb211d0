package dev.lamplighter.index.internal.query;

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

  /** The searchable form of a string value or query term: case-folded. */
  static String fold(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  void number(String field, double value) {
    document.add(new DoublePoint(field, value));
    document.add(new SortedNumericDocValuesField(field, NumericUtils.doubleToSortableLong(value)));
  }

  /** A boolean as the terms {@code true} and {@code false}, so buckets report them as AWS does. */
  void bool(String field, boolean value) {
    String text = Boolean.toString(value);
    document.add(new StringField(field, text, Field.Store.NO));
    document.add(new SortedSetDocValuesField(field, new BytesRef(text)));
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
