package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A column's type as a check reads it from SQL: its base name in PostgreSQL's spelling ({@code varchar},
 * {@code numeric}, {@code text} ...) and its modifiers ({@code varchar(50)}: 50; {@code numeric(10,2)}: 10, 2).
 *
 * @param base      the type's name
 * @param modifiers its length, precision or scale, in order; empty when unconstrained
 */
record ColumnType(String base, List<Integer> modifiers) {
    private static final Map<String, String> SYNONYMS = Map.ofEntries(Map.entry("character varying", "varchar"),
            Map.entry("decimal", "numeric"), Map.entry("int", "integer"), Map.entry("int4", "integer"),
            Map.entry("int8", "bigint"), Map.entry("int2", "smallint"), Map.entry("bool", "boolean"),
            Map.entry("bit varying", "varbit"), Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamp with time zone", "timestamptz"));
    /** The types whose length limit may grow, or go, without a rewrite. */
    private static final Set<String> LENGTH_LIMITED = Set.of("varchar", "varbit");
    /** The integer types, by size. */
    private static final Map<String, Integer> INTEGERS = Map.of("smallint", 2, "integer", 4, "bigint", 8);
    /** The types that hold any text. */
    private static final Set<String> TEXTUAL = Set.of("text", "varchar", "bpchar", "character", "char");
    /** The types whose fractional-second precision may grow, or go, without a rewrite. */
    private static final Set<String> PRECISION_LIMITED = Set.of("timestamp", "timestamptz", "interval");

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
     * the same type, a {@code varchar} or {@code varbit} made longer or unlimited (or {@code varchar} to
     * {@code text}), a {@code timestamp}, {@code timestamptz} or {@code interval} given more precision or none, a
     * {@code numeric} given more precision with the same scale, or made unconstrained, and {@code cidr} to
     * {@code inet}.
     */
    boolean widensTo(ColumnType next) {
        if (equals(next)) {
            return true;
        }
        if ((base.equals("varchar") || base.equals("text")) && next.base.equals("text")
                || base.equals("cidr") && next.base.equals("inet") && next.modifiers.isEmpty()) {
            return true;
        }
        if (base.equals(next.base) && (LENGTH_LIMITED.contains(base) || PRECISION_LIMITED.contains(base))) {
            return next.modifiers.isEmpty() || !modifiers.isEmpty() && next.modifiers.get(0) >= modifiers.get(0);
        }
        if (base.equals("numeric") && next.base.equals("numeric")) {
            return next.modifiers.isEmpty() || modifiers.size() == next.modifiers.size() && !modifiers.isEmpty()
                    && next.modifiers.get(0) >= modifiers.get(0) && scale(next) == scale(this);
        }
        return false;
    }

    /**
     * Whether some value of this type no longer fits {@code next}: a smaller integer, an integer after a
     * {@code numeric}, or a limited length or precision after a shorter one or none (between text types, or within
     * {@code numeric}, {@code varbit}). Any other change of type is not judged here.
     */
    boolean narrowsTo(ColumnType next) {
        if (INTEGERS.containsKey(next.base)) {
            return INTEGERS.containsKey(base) ? INTEGERS.get(next.base) < INTEGERS.get(base) : base.equals("numeric");
        }
        boolean related = base.equals(next.base) || TEXTUAL.contains(base) && TEXTUAL.contains(next.base);
        if (next.modifiers.isEmpty() || PRECISION_LIMITED.contains(next.base) || !related) {
            return false;
        }
        return modifiers.isEmpty() || next.modifiers.get(0) < modifiers.get(0)
                || base.equals("numeric") && scale(next) < scale(this);
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
