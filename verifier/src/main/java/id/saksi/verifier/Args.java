package id.saksi.verifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A command line: positional arguments, options with a value, and flags. */
final class Args {
  /** The command line is wrong; the message says how. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  private final List<String> positional = new ArrayList<>();
  private final Map<String, String> values = new HashMap<>();
  private final Map<String, Boolean> flags = new HashMap<>();

  private Args() {}

  /**
   * Parses {@code args} (the command name excluded): {@code valued} options take the next argument,
   * {@code flagNames} take none; anything else starting with "--" is refused.
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
