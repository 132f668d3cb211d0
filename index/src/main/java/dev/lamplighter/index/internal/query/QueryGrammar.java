package dev.lamplighter.index.internal.query;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.index.internal.query.QueryNode.And;
import dev.lamplighter.index.internal.query.QueryNode.Bound;
import dev.lamplighter.index.internal.query.QueryNode.Exists;
import dev.lamplighter.index.internal.query.QueryNode.Match;
import dev.lamplighter.index.internal.query.QueryNode.MatchAll;
import dev.lamplighter.index.internal.query.QueryNode.Not;
import dev.lamplighter.index.internal.query.QueryNode.Or;
import dev.lamplighter.index.internal.query.QueryNode.Range;
import dev.lamplighter.index.internal.query.Token.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser of the AWS query language. Precedence, loosest first: OR; AND, or
 * clauses side by side (AWS's default operator is AND); NOT and {@code -}. So {@code a NOT b} reads
 * as {@code a AND NOT b}, as in AWS's examples.
 *
 * <pre>
 * query   = or END
 * or      = and { "OR" and }
 * and     = unary { ["AND"] unary }
 * unary   = ("NOT" | "-") unary | primary
 * primary = "(" or ")" | field ":" fieldValue | field compare value | value | range
 * fieldValue = "(" or ")" | range | value        (a group's bare values take the field)
 * range   = ("[" | "{") bound "TO" bound ("]" | "}")
 * </pre>
 */
final class QueryGrammar {
  private final List<Token> tokens;
  private int next;

  private QueryGrammar(List<Token> tokens) {
    this.tokens = tokens;
  }

  static QueryNode parse(String query) {
    QueryGrammar grammar = new QueryGrammar(QueryTokenizer.tokenize(query));
    if (grammar.peek().is(TokenType.END)) {
      throw ErrorCode.INVALID_QUERY.exception("The query is empty");
    }
    QueryNode node = grammar.or(null);
    Token rest = grammar.peek();
    if (!rest.is(TokenType.END)) {
      if (rest.is(TokenType.RIGHT_PAREN)) {
        throw invalid("Unbalanced ')' at position %d", rest.start());
      }
      throw invalid("Unexpected %s", rest.describe());
    }
    return node;
  }

  /** A field name and where it stands in the query, for messages. */
  private record FieldName(String name, int position) {}

  /** {@code field} is the field a bare value means: null at the top, the field inside a group. */
  private QueryNode or(FieldName field) {
    List<QueryNode> operands = new ArrayList<>();
    operands.add(and(field));
    while (peek().isKeyword("OR")) {
      Token operator = take();
      requireOperand(operator);
      operands.add(and(field));
    }
    return operands.size() == 1 ? operands.get(0) : new Or(List.copyOf(operands));
  }

  private QueryNode and(FieldName field) {
    List<QueryNode> operands = new ArrayList<>();
    operands.add(unary(field));
    while (true) {
      if (peek().isKeyword("AND")) {
        Token operator = take();
        requireOperand(operator);
      } else if (!startsOperand(peek())) {
        break;
      }
      operands.add(unary(field));
    }
    return operands.size() == 1 ? operands.get(0) : new And(List.copyOf(operands));
  }

  private QueryNode unary(FieldName field) {
    Token token = peek();
    if (token.isKeyword("NOT") || token.is(TokenType.MINUS)) {
      take();
      requireOperand(token);
      return new Not(unary(field));
    }
    return primary(field);
  }

  private QueryNode primary(FieldName field) {
    Token token = peek();
    switch (token.type()) {
      case LEFT_PAREN -> {
        return group(field);
      }
      case LEFT_BRACKET, LEFT_BRACE -> {
        if (field == null) {
          throw invalid("A range needs a field name, at position %d", token.start());
        }
        return range(field);
      }
      case WORD, QUOTED -> {
        if (token.isKeyword("AND") || token.isKeyword("OR")) {
          throw invalid("Unexpected %s", token.describe());
        }
        if (token.is(TokenType.WORD) && isFieldOperator(peekAfter())) {
          return fieldClause(take());
        }
        take();
        return value(field, token);
      }
      default -> throw invalid("Unexpected %s", token.describe());
    }
  }

  private QueryNode group(FieldName field) {
    Token open = take();
    QueryNode inner = or(field);
    if (!peek().is(TokenType.RIGHT_PAREN)) {
      throw invalid("Missing ')' for the '(' at position %d", open.start());
    }
    take();
    return inner;
  }

  private QueryNode fieldClause(Token fieldToken) {
    if (fieldToken.wildcard()) {
      throw invalid(
          "Wildcards are not allowed in a field name, at position %d", fieldToken.start());
    }
    FieldName field = new FieldName(fieldToken.text(), fieldToken.start());
    Token operator = take();
    return switch (operator.type()) {
      case COLON -> fieldValue(field, operator);
      case GREATER -> comparison(field, new Bound(boundValue(), false), null);
      case GREATER_OR_EQUAL -> comparison(field, new Bound(boundValue(), true), null);
      case LESS -> comparison(field, null, new Bound(boundValue(), false));
      case LESS_OR_EQUAL -> comparison(field, null, new Bound(boundValue(), true));
      default -> throw invalid("Unexpected %s", operator.describe());
    };
  }

  private QueryNode fieldValue(FieldName field, Token colon) {
    Token token = peek();
    switch (token.type()) {
      case LEFT_PAREN -> {
        return group(field);
      }
      case LEFT_BRACKET, LEFT_BRACE -> {
        return range(field);
      }
      case WORD, QUOTED -> {
        return value(field, take());
      }
      case MINUS -> {
        // A minus right before a value is a negative number, not a NOT: field:-5.
        Token minus = take();
        Token number = expectAdjacentWord(minus);
        return new Match(
            field.name(),
            "-" + number.text(),
            "-" + number.pattern(),
            number.wildcard(),
            field.position());
      }
      default ->
          throw invalid("Missing value after '%s:' at position %d", field.name(), colon.start());
    }
  }

  private static QueryNode value(FieldName field, Token token) {
    if (field == null) {
      return token.isAnyValue()
          ? new MatchAll()
          : new Match(null, token.text(), token.pattern(), token.wildcard(), token.start());
    }
    if (token.isAnyValue()) {
      return new Exists(field.name(), field.position());
    }
    return new Match(
        field.name(), token.text(), token.pattern(), token.wildcard(), field.position());
  }

  private static QueryNode comparison(FieldName field, Bound lower, Bound upper) {
    return new Range(
        field.name(),
        lower == null ? Bound.open() : lower,
        upper == null ? Bound.open() : upper,
        field.position());
  }

  private QueryNode range(FieldName field) {
    Token open = take();
    String lower = boundValue();
    if (!peek().isKeyword("TO")) {
      throw invalid("Expected TO in the range at position %d, found %s", open.start(), describe());
    }
    take();
    String upper = boundValue();
    Token close = take();
    if (!close.is(TokenType.RIGHT_BRACKET) && !close.is(TokenType.RIGHT_BRACE)) {
      throw invalid(
          "Expected ']' or '}' to close the range at position %d, found %s",
          open.start(), close.describe());
    }
    return new Range(
        field.name(),
        new Bound(lower, open.is(TokenType.LEFT_BRACKET)),
        new Bound(upper, close.is(TokenType.RIGHT_BRACKET)),
        field.position());
  }

  /**
   * A range bound or comparison value: a word, a quoted string, a negative number, or {@code *}.
   */
  private String boundValue() {
    Token token = take();
    switch (token.type()) {
      case WORD -> {
        if (token.isAnyValue()) {
          return null;
        }
        if (token.wildcard()) {
          throw invalid("Wildcards are not allowed in a range, at position %d", token.start());
        }
        return token.text();
      }
      case QUOTED -> {
        return token.text();
      }
      case MINUS -> {
        return "-" + expectAdjacentWord(token).text();
      }
      default -> throw invalid("Expected a value, found %s", token.describe());
    }
  }

  private Token expectAdjacentWord(Token minus) {
    Token word = peek();
    if (!word.is(TokenType.WORD) || word.start() != minus.end()) {
      throw invalid("Expected a value after '-' at position %d", minus.start());
    }
    return take();
  }

  private void requireOperand(Token operator) {
    if (!startsOperand(peek()) && !peek().isKeyword("NOT")) {
      throw invalid(
          "Operator %s at position %d has no operand after it, found %s",
          operator.text(), operator.start(), describe());
    }
  }

  private static boolean startsOperand(Token token) {
    return switch (token.type()) {
      case WORD -> !token.isKeyword("AND") && !token.isKeyword("OR");
      case QUOTED, LEFT_PAREN, LEFT_BRACKET, LEFT_BRACE, MINUS -> true;
      default -> false;
    };
  }

  private static boolean isFieldOperator(Token token) {
    return switch (token.type()) {
      case COLON, GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL -> true;
      default -> false;
    };
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token peekAfter() {
    return tokens.get(Math.min(next + 1, tokens.size() - 1));
  }

  private Token take() {
    Token token = tokens.get(next);
    if (!token.is(TokenType.END)) {
      next++;
    }
    return token;
  }

  private String describe() {
    return peek().describe();
  }

  private static ServiceException invalid(String format, Object... args) {
    return ErrorCode.INVALID_QUERY.exception(format, args);
  }
}
