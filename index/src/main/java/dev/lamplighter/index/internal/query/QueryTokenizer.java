package dev.lamplighter.index.internal.query;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.index.internal.query.Token.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a query string into tokens. Words end at white space (as Java's {@code
 * Character.isWhitespace} defines it, like AWS) or at a symbol; a backslash makes the next
 * character part of the word whatever it is.
 */
final class QueryTokenizer {
  private static final String SYMBOLS = "()[]{}:\"<>=";

  private final String query;
  private final List<Token> tokens = new ArrayList<>();
  private int position;

  private QueryTokenizer(String query) {
    this.query = query;
  }

  static List<Token> tokenize(String query) {
    QueryTokenizer tokenizer = new QueryTokenizer(query);
    tokenizer.run();
    return tokenizer.tokens;
  }

  private void run() {
    while (true) {
      skipWhitespace();
      if (position >= query.length()) {
        tokens.add(Token.symbol(TokenType.END, "", position));
        return;
      }
      char c = query.charAt(position);
      switch (c) {
        case '(' -> symbol(TokenType.LEFT_PAREN, "(");
        case ')' -> symbol(TokenType.RIGHT_PAREN, ")");
        case '[' -> symbol(TokenType.LEFT_BRACKET, "[");
        case ']' -> symbol(TokenType.RIGHT_BRACKET, "]");
        case '{' -> symbol(TokenType.LEFT_BRACE, "{");
        case '}' -> symbol(TokenType.RIGHT_BRACE, "}");
        case ':' -> symbol(TokenType.COLON, ":");
        case '>' -> comparison(TokenType.GREATER, TokenType.GREATER_OR_EQUAL, ">");
        case '<' -> comparison(TokenType.LESS, TokenType.LESS_OR_EQUAL, "<");
        case '=' -> throw invalid("Unexpected '=' at position %d", position);
        case '"' -> quoted();
        case '-' -> symbol(TokenType.MINUS, "-");
        default -> word();
      }
    }
  }

  private void skipWhitespace() {
    while (position < query.length() && Character.isWhitespace(query.charAt(position))) {
      position++;
    }
  }

  private void symbol(TokenType type, String text) {
    tokens.add(Token.symbol(type, text, position));
    position += text.length();
  }

  private void comparison(TokenType strict, TokenType orEqual, String text) {
    if (position + 1 < query.length() && query.charAt(position + 1) == '=') {
      symbol(orEqual, text + "=");
    } else {
      symbol(strict, text);
    }
  }

  private void quoted() {
    int start = position;
    StringBuilder text = new StringBuilder();
    position++;
    while (position < query.length()) {
      char c = query.charAt(position);
      if (c == '"') {
        position++;
        String value = text.toString();
        tokens.add(
            new Token(
                TokenType.QUOTED, value, escapeWildcards(value), false, false, start, position));
        return;
      }
      if (c == '\\') {
        c = escaped();
      }
      text.append(c);
      position++;
    }
    throw invalid("Unterminated quoted string starting at position %d", start);
  }

  private void word() {
    int start = position;
    StringBuilder text = new StringBuilder();
    StringBuilder pattern = new StringBuilder();
    boolean wildcard = false;
    boolean plain = true;
    while (position < query.length()) {
      char c = query.charAt(position);
      if (Character.isWhitespace(c) || SYMBOLS.indexOf(c) >= 0) {
        break;
      }
      if (c == '\\') {
        c = escaped();
        plain = false;
        pattern.append(escapeWildcards(String.valueOf(c)));
      } else if (c == '*' || c == '?') {
        wildcard = true;
        pattern.append(c);
      } else {
        pattern.append(c);
      }
      text.append(c);
      position++;
    }
    tokens.add(
        new Token(
            TokenType.WORD, text.toString(), pattern.toString(), wildcard, plain, start, position));
  }

  /** Steps over a backslash and returns the character it escapes. */
  private char escaped() {
    if (position + 1 >= query.length()) {
      throw invalid("Nothing to escape after '\\' at position %d", position);
    }
    position++;
    return query.charAt(position);
  }

  static String escapeWildcards(String literal) {
    StringBuilder pattern = new StringBuilder(literal.length());
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '*' || c == '?' || c == '\\') {
        pattern.append('\\');
      }
      pattern.append(c);
    }
    return pattern.toString();
  }

  private static RuntimeException invalid(String format, Object... args) {
    return ErrorCode.INVALID_QUERY.exception(format, args);
  }
}
