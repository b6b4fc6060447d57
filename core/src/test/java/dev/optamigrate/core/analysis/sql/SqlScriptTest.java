package dev.optamigrate.core.analysis.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsAtSemicolonsOutsideStringsBodiesAndComments() {
        SqlScript script = SqlScript.parse("""
                -- a comment; with a semicolon
                CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $fn$
                BEGIN RETURN 'a;b'; END
                $fn$;
                /* outer /* nested; */ still comment; */
                INSERT INTO t VALUES ('it''s; fine', E'back\\'slash;', "odd;name");
                SELECT $$;$$, $1
                """);

        assertThat(script.statements()).extracting(SqlStatement::line).containsExactly(2, 6, 7);
        assertThat(script.statements().get(0).text()).endsWith("$fn$");
        assertThat(script.statements().get(1).tokens()).filteredOn(token -> token.kind() == Token.Kind.STRING)
                .extracting(Token::text).containsExactly("'it''s; fine'", "E'back\\'slash;'");
        assertThat(script.statements().get(1).tokens()).filteredOn(token -> token.kind()
                == Token.Kind.QUOTED_IDENTIFIER).extracting(Token::identifier).containsExactly("odd;name");
        assertThat(script.statements().get(2).tokens()).extracting(Token::kind)
                .containsExactly(Token.Kind.WORD, Token.Kind.STRING, Token.Kind.SYMBOL, Token.Kind.PARAMETER);
        assertThat(script.comments()).extracting(Comment::line).containsExactly(1, 5);
        assertThat(script.comments().get(1).text()).isEqualTo("outer /* nested; */ still comment;");
    }

    @Test
    void keepsASqlStandardFunctionBodyInOneStatement() {
        SqlScript script = SqlScript.parse("""
                CREATE FUNCTION g(a int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;
                  SELECT 2;
                END;
                DROP TABLE x;
                """);

        assertThat(script.statements()).hasSize(2);
        assertThat(script.statements().get(1).startsWith("drop", "table")).isTrue();
    }

    @Test
    void foldsUnquotedNamesAndKeepsQuotedOnes() {
        TokenCursor cursor = SqlScript.parse("ALTER TABLE Public.\"Orders\" ADD x int").statements().get(0)
                .cursor();
        assertThat(cursor.acceptAll("alter", "table")).isTrue();
        assertThat(cursor.name()).contains("Orders");
        assertThat(SqlScript.parse("DROP TABLE Public.Orders").statements().get(0).cursor().acceptAll("drop",
                "table")).isTrue();
    }
}
