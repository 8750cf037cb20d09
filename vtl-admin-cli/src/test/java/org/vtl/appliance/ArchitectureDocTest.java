package org.vtl.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md names real classes: every backticked class name (optionally with a member, as in
 * {@code Pool.write}) must exist in the project, the JDK channel package or the Prometheus registry. Planned
 * names are written in italics and are not checked.
 */
class ArchitectureDocTest {

    private static final Path DOC = Path.of("..", "docs", "architecture.md");
    private static final Pattern BACKTICKED = Pattern.compile("`([A-Z][A-Za-z0-9]*)(\\.[a-z][A-Za-z0-9]*)?`");
    /** A CamelCase word in a diagram; starred (italic) words are planned names. */
    private static final Pattern DIAGRAM_WORD = Pattern.compile("(\\*?)\\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)\\b");
    /** Words of the standards and product names in the diagrams, not class names. */
    private static final Set<String> PROTOCOL_WORDS = Set.of("MaxRecvDataSegmentLength", "RocksDB");

    @Test
    void everyBacktickedClassNameInTheArchitectureExists() throws IOException {
        Set<String> known = new ClassFileImporter()
                .importPackages("org.vtl", "java.nio", "io.micrometer.prometheusmetrics").stream()
                .map(JavaClass::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        String doc = Files.readString(DOC);
        Matcher m = BACKTICKED.matcher(doc);
        Set<String> named = new TreeSet<>();
        while (m.find()) {
            if (!m.group(1).equals(m.group(1).toUpperCase(java.util.Locale.ROOT))) {
                named.add(m.group(1));
            }
        }
        boolean inDiagram = false;
        for (String line : doc.lines().toList()) {
            if (line.startsWith("```")) {
                inDiagram = !inDiagram;
                continue;
            }
            Matcher w = DIAGRAM_WORD.matcher(line);
            while (inDiagram && w.find()) {
                if (w.group(1).isEmpty() && !PROTOCOL_WORDS.contains(w.group(2))) {
                    named.add(w.group(2));
                }
            }
        }
        assertTrue(named.size() > 60, "the architecture names the classes of the data path: " + named);
        List<String> missing = named.stream().filter(n -> !known.contains(n)).toList();
        assertEquals(List.of(), missing, "docs/architecture.md names classes that do not exist (write planned "
                + "ones in italics)");
    }
}
