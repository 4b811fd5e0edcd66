package id.saksi.core.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.domain.rule.Rule;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/domain.md's rule table is complete and true: exactly the rules of {@link DomainRules}, each
 * with its source and summary as the code has them, each proved by tests that exist.
 */
class RuleTableTest {
  private static final String HEADER = "| Rule | Source | What it says | Proved by |";
  private static final String[] TEST_PACKAGES = {
    "id.saksi.core.domain.registry",
    "id.saksi.core.domain.instrument",
    "id.saksi.core.domain.pact",
    "id.saksi.core.domain.caseflow",
    "id.saksi.core.domain.ledger",
    "id.saksi.core.domain.catalogue",
  };

  @Test
  void ruleTable_listsEveryRuleWithItsSourceAndAnExistingTest() throws Exception {
    Map<String, String[]> rows = rows();
    Map<String, Rule> rules = new LinkedHashMap<>();
    for (Rule r : DomainRules.all()) {
      rules.put(r.id(), r);
    }

    assertThat(rows.keySet()).containsExactlyElementsOf(rules.keySet());
    for (Map.Entry<String, String[]> row : rows.entrySet()) {
      Rule rule = rules.get(row.getKey());
      assertThat(row.getValue()[1]).as("source of %s", rule.id()).isEqualTo(rule.source());
      assertThat(row.getValue()[2]).as("summary of %s", rule.id()).isEqualTo(rule.summary());
      for (String ref : row.getValue()[3].split(",")) {
        assertTestExists(rule.id(), ref.trim().replace("`", ""));
      }
    }
  }

  @Test
  void ruleIds_areUnique() {
    List<String> ids = new ArrayList<>();
    for (Rule r : DomainRules.all()) {
      ids.add(r.id());
    }
    assertThat(ids).doesNotHaveDuplicates().hasSize(127);
  }

  private static Map<String, String[]> rows() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("../docs/domain.md"), StandardCharsets.UTF_8);
    int start = lines.indexOf(HEADER);
    assertThat(start).as("rule table header in docs/domain.md").isNotNegative();
    Map<String, String[]> rows = new LinkedHashMap<>();
    for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String[] cells = cells(lines.get(i));
      assertThat(cells).as(lines.get(i)).hasSize(4);
      String id = cells[0].replace("`", "");
      assertThat(rows.put(id, cells)).as("rule %s listed twice", id).isNull();
    }
    return rows;
  }

  private static String[] cells(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '|') {
        cell.append('|');
        i++;
      } else if (c == '|') {
        out.add(cell.toString().trim());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    return out.toArray(new String[0]);
  }

  private static void assertTestExists(String rule, String ref) {
    String[] parts = ref.split("#");
    assertThat(parts).as("test reference %s of %s", ref, rule).hasSize(2);
    Class<?> type = null;
    for (String p : TEST_PACKAGES) {
      try {
        type = Class.forName(p + "." + parts[0]);
        break;
      } catch (ClassNotFoundException e) {
        // try the next package
      }
    }
    assertThat(type).as("test class %s of rule %s", parts[0], rule).isNotNull();
    Method m;
    try {
      m = type.getDeclaredMethod(parts[1]);
    } catch (NoSuchMethodException e) {
      throw new AssertionError("rule " + rule + ": no test method " + ref, e);
    }
    assertThat(m.isAnnotationPresent(Test.class)).as("%s is a @Test", ref).isTrue();
  }
}
