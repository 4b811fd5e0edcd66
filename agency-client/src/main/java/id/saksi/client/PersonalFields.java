package id.saksi.client;

import id.saksi.core.disclosure.Disclosure;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Commits personal values into a record's body (docs/personal-data.md): for each field path such as
 * {@code reported.nip} or {@code witnesses[1]}, a disclosure with a fresh 128-bit salt, and its
 * digest written into the body at that path. The values stay in the disclosures only.
 */
public final class PersonalFields {
  private static final Pattern SEGMENT =
      Pattern.compile("([A-Za-z][A-Za-z0-9]{0,63})(?:\\[(0|[1-9][0-9]?)\\])?");

  private PersonalFields() {}

  /**
   * Reads the personal values file: one JSON object whose members are field paths and whose values
   * are the personal values, as strings.
   */
  public static Map<String, String> read(JsonNode fields, String where)
      throws InputFormatException {
    if (!fields.isObject()) {
      throw new InputFormatException(
          where,
          "must be a JSON object of field path to value, such as"
              + " {\"reported.name\": \"...\", \"reported.nip\": \"...\"}");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> m : fields.properties()) {
      if (!m.getValue().isString()) {
        throw new InputFormatException(
            where, "\"" + m.getKey() + "\" must be a string (personal values are text)");
      }
      segments(m.getKey(), where);
      out.put(m.getKey(), m.getValue().asString());
    }
    return out;
  }

  /**
   * Writes the digest of a new disclosure of each value into {@code body} at its path, creating the
   * objects and arrays on the way, and returns the disclosures in the order given.
   *
   * @throws InputFormatException if a path crosses a member that is not an object or array, or an
   *     array would have a hole ({@code witnesses[2]} without {@code witnesses[1]})
   */
  public static List<Disclosure> commit(
      ObjectNode body, Map<String, String> values, SecureRandom random, String where)
      throws InputFormatException {
    List<Disclosure> out = new ArrayList<>();
    List<ArrayNode> touched = new ArrayList<>();
    for (Map.Entry<String, String> v : values.entrySet()) {
      Disclosure d = Disclosure.create(v.getKey(), v.getValue(), random);
      put(body, v.getKey(), d.digest().text(), touched, where);
      out.add(d);
    }
    for (ArrayNode a : touched) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).isNull()) {
          throw new InputFormatException(
              where, "an array has no value at index " + i + ": give every element from [0] on");
        }
      }
    }
    return out;
  }

  private static List<Matcher> segments(String path, String where) throws InputFormatException {
    List<Matcher> out = new ArrayList<>();
    for (String part : path.split("\\.", -1)) {
      Matcher m = SEGMENT.matcher(part);
      if (!m.matches()) {
        throw new InputFormatException(
            where,
            "\""
                + path
                + "\" is not a field path (names separated by dots, an array element as"
                + " name[index], such as reported.nip or witnesses[0])");
      }
      out.add(m);
    }
    return out;
  }

  private static void put(
      ObjectNode body, String path, String digest, List<ArrayNode> touched, String where)
      throws InputFormatException {
    List<Matcher> parts = segments(path, where);
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode node = body;
    for (int i = 0; i < parts.size(); i++) {
      boolean last = i == parts.size() - 1;
      String name = parts.get(i).group(1);
      String index = parts.get(i).group(2);
      JsonNode child = node.get(name);
      if (index == null) {
        if (last) {
          node.put(name, digest);
          return;
        }
        if (child == null || child.isNull()) {
          child = node.putObject(name);
        } else if (!child.isObject()) {
          throw crossing(path, name, where);
        }
        node = (ObjectNode) child;
        continue;
      }
      if (child == null || child.isNull()) {
        child = node.putArray(name);
      } else if (!child.isArray()) {
        throw crossing(path, name, where);
      }
      ArrayNode array = (ArrayNode) child;
      touched.add(array);
      int k = Integer.parseInt(index);
      while (array.size() <= k) {
        array.addNull();
      }
      if (last) {
        array.set(k, f.stringNode(digest));
        return;
      }
      JsonNode element = array.get(k);
      if (element.isNull()) {
        element = f.objectNode();
        array.set(k, element);
      } else if (!element.isObject()) {
        throw crossing(path, name + "[" + k + "]", where);
      }
      node = (ObjectNode) element;
    }
  }

  private static InputFormatException crossing(String path, String member, String where) {
    return new InputFormatException(
        where,
        "\""
            + path
            + "\" goes through \""
            + member
            + "\", which the body holds as something else than an object or array");
  }
}
