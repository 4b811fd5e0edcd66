package id.saksi.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The accounts of the auditors file, for HTTP Basic authentication. The file is read at start and
 * again whenever it changes, so an account is added or removed without a restart; a change that
 * does not parse is refused with a log line and the accounts read before stay in force.
 */
public final class AuditorAccounts implements UserDetailsService {
  private static final Logger log = LoggerFactory.getLogger(AuditorAccounts.class);

  private final Path file;
  private volatile Loaded loaded;

  private record Loaded(FileTime modified, Map<String, AuditorsFile.Account> accounts) {}

  /**
   * Reads {@code file}.
   *
   * @throws IllegalStateException if the file exists and does not parse: the service does not start
   *     with accounts it cannot read
   */
  public AuditorAccounts(Path file) {
    this.file = Objects.requireNonNull(file, "file");
    try {
      this.loaded = new Loaded(modified(), AuditorsFile.read(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the auditors file " + file, e);
    } catch (AuditorsFile.FormatException e) {
      throw new IllegalStateException("the auditors file is malformed: " + e.getMessage(), e);
    }
    warnIfWritableByOthers();
  }

  /** The file the accounts come from. */
  public Path file() {
    return file;
  }

  /** The accounts now in force. */
  public Map<String, AuditorsFile.Account> accounts() {
    refresh();
    return loaded.accounts();
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    AuditorsFile.Account a = accounts().get(username);
    if (a == null) {
      throw new UsernameNotFoundException("no such account");
    }
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (Roles r : a.roles()) {
      authorities.add(new SimpleGrantedAuthority(r.authority()));
    }
    return User.withUsername(a.name()).password(a.bcryptHash()).authorities(authorities).build();
  }

  private void refresh() {
    FileTime now = modified();
    if (Objects.equals(now, loaded.modified())) {
      return;
    }
    synchronized (this) {
      if (Objects.equals(now, loaded.modified())) {
        return;
      }
      try {
        Map<String, AuditorsFile.Account> accounts = AuditorsFile.read(file);
        loaded = new Loaded(now, accounts);
        log.atInfo()
            .addKeyValue("file", file)
            .addKeyValue("accounts", accounts.size())
            .log("Auditors file {} changed: {} accounts now", file, accounts.size());
      } catch (IOException | AuditorsFile.FormatException e) {
        // Keep the accounts in force; say why the change was not taken.
        loaded = new Loaded(now, loaded.accounts());
        log.atError()
            .addKeyValue("file", file)
            .log("Auditors file {} changed but was not applied: {}", file, e.getMessage());
      }
    }
  }

  private FileTime modified() {
    try {
      return Files.exists(file) ? Files.getLastModifiedTime(file) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private void warnIfWritableByOthers() {
    try {
      PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
      if (view == null || !Files.exists(file)) {
        return;
      }
      Set<PosixFilePermission> p = view.readAttributes().permissions();
      if (p.contains(PosixFilePermission.GROUP_WRITE)
          || p.contains(PosixFilePermission.OTHERS_WRITE)
          || p.contains(PosixFilePermission.OTHERS_READ)) {
        log.atWarn()
            .addKeyValue("file", file)
            .log(
                "Auditors file {} is readable or writable by other users; chmod 600 it: whoever"
                    + " can write it can grant themselves access to personal data",
                file);
      }
    } catch (IOException e) {
      // Only a warning is at stake.
    }
  }
}
