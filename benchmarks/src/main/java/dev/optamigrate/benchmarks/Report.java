package dev.optamigrate.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints the results as a Markdown table and writes them as JSON. */
final class Report {
    private Report() {
    }

    static void print(List<Row> rows, int runs, int migrations) {
        System.out.printf(Locale.ROOT, "%nMedian of %d runs after one warm-up; %d cores; Java %s%n%n", runs,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.println("| benchmark | variant | median | comparison | target | verdict |");
        System.out.println("|---|---|---:|---|---|---|");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", row.benchmark(), row.variant(),
                    Double.isNaN(row.medianMs()) ? "n/a" : String.format(Locale.ROOT, "%.0f ms", row.medianMs()),
                    row.comparison(), row.target(), row.verdict());
        }
    }

    static void writeJson(List<Row> rows, int runs, int migrations, Path out) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("runs", runs);
        document.put("migrations", migrations);
        document.put("cores", Runtime.getRuntime().availableProcessors());
        document.put("java", Runtime.version().toString());
        document.put("rows", rows);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), document);
    }
}
