package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.Token;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a column default makes PostgreSQL write every existing row when the column is added. From
 * PostgreSQL 11 a default that is the same for every row (a constant, or a STABLE call such as {@code now()})
 * is stored once in the catalog; a VOLATILE one ({@code gen_random_uuid()}, {@code clock_timestamp()}) is
 * computed per row. A function this list does not know is treated as volatile: say so, and let the author
 * accept it with a reason.
 */
final class DefaultExpression {
    private static final Set<String> VOLATILE = Set.of("random", "gen_random_uuid", "uuidv4", "uuidv7",
            "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "clock_timestamp", "timeofday", "nextval",
            "setseed", "gen_random_bytes", "random_normal");
    private static final Set<String> NOT_VOLATILE = Set.of("now", "transaction_timestamp", "statement_timestamp",
            "current_timestamp", "current_date", "current_time", "localtimestamp", "localtime", "current_setting",
            "lower", "upper", "trim", "btrim", "concat", "coalesce", "nullif", "greatest", "least", "length",
            "substring", "replace", "md5", "abs", "round", "to_jsonb", "to_json", "jsonb_build_object",
            "json_build_object", "jsonb_build_array", "json_build_array", "array", "row", "make_date",
            "make_interval", "to_timestamp", "to_date", "date_trunc", "cast", "timezone", "interval");
    private static final Set<String> TYPES_WITH_MODIFIERS = Set.of("numeric", "decimal", "varchar", "char",
            "character", "bit", "varbit", "timestamp", "timestamptz", "time", "timetz", "float", "varying");

    private DefaultExpression() {
    }

    /** Whether the default is {@code NULL}, the same as none. */
    static boolean isNull(List<Token> expression) {
        return expression.size() == 1 && expression.get(0).isWord("null");
    }

    /** Why adding a column with this default writes every row, or empty when it does not. */
    static Optional<String> rewriteReason(List<Token> expression, int pgVersion) {
        if (isNull(expression)) {
            return Optional.empty();
        }
        if (pgVersion < 11) {
            return Optional.of("before PostgreSQL 11 a new column's default is written into every row");
        }
        for (int i = 0; i + 1 < expression.size(); i++) {
            Token token = expression.get(i);
            boolean call = token.kind() == Token.Kind.WORD && expression.get(i + 1).isSymbol("(");
            boolean typeName = i > 0 && expression.get(i - 1).isSymbol("::")
                    || TYPES_WITH_MODIFIERS.contains(token.identifier());
            if (!call || typeName) {
                continue;
            }
            String function = token.text().toLowerCase(Locale.ROOT);
            if (VOLATILE.contains(function)) {
                return Optional.of(function + "() is VOLATILE, so PostgreSQL computes it for every existing row");
            }
            if (!NOT_VOLATILE.contains(function)) {
                return Optional.of(function + "() is not known to be STABLE or IMMUTABLE; if it is VOLATILE, "
                        + "PostgreSQL computes it for every existing row");
            }
        }
        return Optional.empty();
    }
}
