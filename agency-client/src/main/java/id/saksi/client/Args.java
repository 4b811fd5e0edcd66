package id.saksi.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One command's arguments: positional values, options that take a value, and flags. */
final class Args {
  private final List<String> positional = new ArrayList<>();
  private final Map<String, String> values = new HashMap<>();
  private final Map<String, Boolean> flags = new HashMap<>();

  private Args() {}

  /**
   * Reads {@code args} (without the command's name): an option in {@code valued} takes the next
   * argument, one in {@code flagNames} takes none, any other argument starting with "--" is wrong.
   */
  static Args parse(List<String> args, Set<String> valued, Set<String> flagNames)
      throws UsageException {
    Args a = new Args();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (valued.contains(arg)) {
        if (i + 1 == args.size()) {
          throw new UsageException(arg + " needs a value");
        }
        if (a.values.put(arg, args.get(++i)) != null) {
          throw new UsageException(arg + " is given twice");
        }
      } else if (flagNames.contains(arg)) {
        a.flags.put(arg, true);
      } else if (arg.startsWith("--")) {
        throw new UsageException("unknown option " + arg);
      } else {
        a.positional.add(arg);
      }
    }
    return a;
  }

  List<String> positional() {
    return positional;
  }

  Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  String required(String name) throws UsageException {
    String v = values.get(name);
    if (v == null) {
      throw new UsageException(name + " is required");
    }
    return v;
  }

  boolean flag(String name) {
    return flags.getOrDefault(name, false);
  }
}
