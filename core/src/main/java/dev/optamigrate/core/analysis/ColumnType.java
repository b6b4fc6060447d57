package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A column's type as a check reads it from SQL: its base name in PostgreSQL's spelling ({@code varchar},
 * {@code numeric}, {@code text} ...) and its modifiers ({@code varchar(50)}: 50; {@code numeric(10,2)}: 10, 2).
 *
 * @param base      the type's name
 * @param modifiers its length, precision or scale, in order; empty when unconstrained
 */
record ColumnType(String base, List<Integer> modifiers) {
    private static final Map<String, String> SYNONYMS = Map.of("character varying", "varchar", "decimal", "numeric",
            "int", "integer", "int4", "integer", "int8", "bigint", "int2", "smallint", "bool", "boolean");

    /** The type written in these tokens, if it is a plain one (no array, no unusual syntax). */
    static Optional<ColumnType> of(List<Token> tokens) {
        List<String> words = new ArrayList<>();
        List<Integer> modifiers = new ArrayList<>();
        boolean inside = false;
        for (Token token : tokens) {
            if (token.isSymbol("(")) {
                inside = true;
            } else if (token.isSymbol(")")) {
                inside = false;
            } else if (inside && token.text().matches("\\d+")) {
                modifiers.add(Integer.parseInt(token.text()));
            } else if (!inside && token.kind() == Token.Kind.WORD) {
                words.add(token.text().toLowerCase(Locale.ROOT));
            } else if (!token.isSymbol(",")) {
                return Optional.empty();
            }
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String base = String.join(" ", words);
        return Optional.of(new ColumnType(SYNONYMS.getOrDefault(base, base), List.copyOf(modifiers)));
    }

    /**
     * Whether changing a column from this type to {@code next} needs no table rewrite, as PostgreSQL decides it:
     * the same type, a {@code varchar} made longer or unlimited (or {@code text}), a {@code numeric} given more
     * precision with the same scale, or made unconstrained.
     */
    boolean widensTo(ColumnType next) {
        if (equals(next)) {
            return true;
        }
        if ((base.equals("varchar") || base.equals("text")) && next.base.equals("text")) {
            return true;
        }
        if (base.equals("varchar") && next.base.equals("varchar")) {
            return next.modifiers.isEmpty() || !modifiers.isEmpty() && next.modifiers.get(0) >= modifiers.get(0);
        }
        if (base.equals("numeric") && next.base.equals("numeric")) {
            return next.modifiers.isEmpty() || modifiers.size() == next.modifiers.size() && !modifiers.isEmpty()
                    && next.modifiers.get(0) >= modifiers.get(0) && scale(next) == scale(this);
        }
        return false;
    }

    private static int scale(ColumnType type) {
        return type.modifiers.size() > 1 ? type.modifiers.get(1) : 0;
    }

    @Override
    public String toString() {
        return modifiers.isEmpty() ? base : base + modifiers.toString().replace('[', '(').replace(']', ')')
                .replace(" ", "");
    }
}
