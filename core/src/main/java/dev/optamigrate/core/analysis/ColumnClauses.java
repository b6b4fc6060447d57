package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A column definition ({@code name type [constraints]}) cut into its type and its clauses: each clause starts at
 * a keyword outside parentheses ({@code DEFAULT}, {@code NOT NULL}, {@code GENERATED}, {@code CHECK}, ...).
 *
 * @param type    the type's tokens
 * @param clauses each clause's tokens, its keyword first
 */
record ColumnClauses(List<Token> type, List<List<Token>> clauses) {
    private static final Set<String> KEYWORDS = Set.of("constraint", "not", "null", "check", "default",
            "generated", "unique", "primary", "references", "collate", "compression", "storage");

    static ColumnClauses of(List<Token> definition) {
        List<Token> type = new ArrayList<>();
        List<List<Token>> clauses = new ArrayList<>();
        List<Token> current = type;
        int depth = 0;
        for (Token token : definition) {
            boolean keyword = depth == 0 && token.kind() == Token.Kind.WORD
                    && KEYWORDS.contains(token.identifier());
            boolean continues = current != type && current.size() == 1 && (current.get(0).isWord("default")
                    || current.get(0).isWord("not"));
            if (keyword && !continues) {
                current = new ArrayList<>();
                clauses.add(current);
            }
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            current.add(token);
        }
        return new ColumnClauses(type, clauses);
    }

    /** The tokens of the clause that starts with {@code keyword}, without the keyword; empty if there is none. */
    List<Token> clause(String keyword) {
        return clauses.stream().filter(clause -> clause.get(0).isWord(keyword)).findFirst()
                .map(clause -> clause.subList(1, clause.size())).orElse(List.of());
    }

    boolean has(String keyword) {
        return clauses.stream().anyMatch(clause -> clause.get(0).isWord(keyword));
    }

    /** {@code NOT NULL}, or a {@code PRIMARY KEY}, which implies it. */
    boolean notNull() {
        return clauses.stream().anyMatch(clause -> clause.get(0).isWord("not") && clause.size() > 1
                && clause.get(1).isWord("null")) || has("primary");
    }

    /** {@code serial}, {@code bigserial} and friends: a sequence default, filled in for every row. */
    boolean serialType() {
        return type.size() == 1 && type.get(0).identifier().matches("(small|big)?serial[248]?");
    }
}
