package dev.optamigrate.core.analysis.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlScriptTest {

    static Stream<Arguments> unclosed() {
        return Stream.of(
                Arguments.of("CREATE TABLE a (id int);\nCREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $bdy$;\n"
                        + "DROP TABLE a;", "dollar quote", "$body$", 2),
                Arguments.of("CREATE TABLE a (id int);\n\nINSERT INTO a VALUES ('open);\nDROP TABLE a;", "string", "'",
                        3),
                Arguments.of("INSERT INTO a VALUES (E'it\\'s);", "string", "E'", 1),
                Arguments.of("CREATE TABLE \"odd (id int);", "quoted name", "\"", 1),
                Arguments.of("CREATE TABLE a (id int);\n/* outer /* nested */ still open\nDROP TABLE a;", "comment",
                        "/*", 2));
    }

    @ParameterizedTest
    @MethodSource("unclosed")
    void saysWhatItCannotCloseAndWhere(String sql, String what, String opening, int line) {
        SqlScript script = SqlScript.parse(sql);

        assertThat(script.unterminated()).hasValueSatisfying(open -> {
            assertThat(open.what()).isEqualTo(what);
            assertThat(open.opening()).isEqualTo(opening);
            assertThat(open.line()).isEqualTo(line);
        });
    }

    @Test
    void closedTextLeavesNothingOpen() {
        assertThat(SqlScript.parse("SELECT 'a', E'b\\'', \"c\", $t$ d $t$; /* e /* f */ */ -- g").unterminated())
                .isEmpty();
    }

    @Test
    void skipsTheDataOfCopyFromStdin() {
        SqlScript script = SqlScript.parse("""
                CREATE TABLE people (id int, name text);
                COPY people (id, name) FROM stdin;
                1	O'Brien
                2	$weird$ /* data
                \\.
                CREATE INDEX people_name ON people (name);
                """);

        assertThat(script.unterminated()).isEmpty();
        assertThat(script.statements()).extracting(SqlStatement::line).containsExactly(1, 2, 6);
    }

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
