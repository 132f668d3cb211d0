package dev.lamplighter.index.internal.query;

/**
 * One token of a query string.
 *
 * @param type what the token is
 * @param text a word's or quoted string's value with escapes resolved, else the symbol itself
 * @param pattern a word's value as a Lucene wildcard pattern: its own {@code *} and {@code ?} are
 *     wildcards, escaped ones are backslash-escaped
 * @param wildcard whether the word has an unescaped {@code *} or {@code ?}
 * @param plain whether the word had no escapes, so it may be a keyword such as AND
 * @param start the token's first character's position in the query, from 0
 * @param end the position just after the token
 */
record Token(
    TokenType type,
    String text,
    String pattern,
    boolean wildcard,
    boolean plain,
    int start,
    int end) {

  enum TokenType {
    WORD,
    QUOTED,
    LEFT_PAREN,
    RIGHT_PAREN,
    LEFT_BRACKET,
    RIGHT_BRACKET,
    LEFT_BRACE,
    RIGHT_BRACE,
    COLON,
    GREATER,
    GREATER_OR_EQUAL,
    LESS,
    LESS_OR_EQUAL,
    MINUS,
    END
  }

  static Token symbol(TokenType type, String text, int start) {
    return new Token(type, text, text, false, true, start, start + text.length());
  }

  boolean is(TokenType candidate) {
    return type == candidate;
  }

  /** Whether this is the unescaped, unquoted keyword, such as AND or TO. */
  boolean isKeyword(String keyword) {
    return type == TokenType.WORD && plain && text.equals(keyword);
  }

  /** Whether this is a value that is just {@code *}: any value, or an open range end. */
  boolean isAnyValue() {
    return type == TokenType.WORD && wildcard && text.equals("*");
  }

  /** How the token reads in an error message. */
  String describe() {
    return type == TokenType.END ? "the end of the query" : "'" + text + "' at position " + start;
  }
}
