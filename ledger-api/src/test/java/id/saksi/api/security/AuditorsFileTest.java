package id.saksi.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The auditors file: its format, what it refuses, reloading, and the hash-password command. */
class AuditorsFileTest {
  // bcrypt at cost 4: these tests are about the file, not the cost.
  private static final String HASH = new BCryptPasswordEncoder(4).encode("correct horse battery");

  @TempDir Path dir;

  private Path write(String text) throws Exception {
    Path f = dir.resolve("auditors");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void read_accountsWithAndWithoutPrefixAndRoles() throws Exception {
    Path f =
        write(
            "# who may read personal data\n\n"
                + "alice:{bcrypt}"
                + HASH
                + "\n"
                + "bob:"
                + HASH.replace("$2a$", "$2y$")
                + "\n"
                + "dpo@bkn:{bcrypt}"
                + HASH
                + ":auditor,ERASER\n");

    var accounts = AuditorsFile.read(f);

    assertThat(accounts.keySet()).containsExactly("alice", "bob", "dpo@bkn");
    assertThat(accounts.get("alice").roles()).containsExactly(Roles.AUDITOR);
    assertThat(accounts.get("bob").bcryptHash()).startsWith("$2y$04$");
    assertThat(accounts.get("dpo@bkn").roles())
        .containsExactlyInAnyOrder(Roles.AUDITOR, Roles.ERASER);
    assertThat(accounts.get("alice").toString()).isEqualTo("Account(alice [AUDITOR])");
  }

  @Test
  void read_absentFile_hasNoAccounts() throws Exception {
    assertThat(AuditorsFile.read(dir.resolve("nothing"))).isEmpty();
  }

  @Test
  void read_plainPassword_refusedWithoutRepeatingIt() throws Exception {
    Path f = write("alice:{noop}hunter2-secret\n");

    assertThatThrownBy(() -> AuditorsFile.read(f))
        .isInstanceOf(AuditorsFile.FormatException.class)
        .hasMessage(
            f
                + " line 1: account alice has no bcrypt hash; only {bcrypt} hashes are accepted,"
                + " never a password: make one with `java -jar ledger-api.jar hash-password` or"
                + " `htpasswd -nBC 12 alice`")
        .message()
        .doesNotContain("hunter2");
  }

  @Test
  void read_badName_refusedWithTheLine() throws Exception {
    Path f = write("# x\nBudi Santoso:{bcrypt}" + HASH + "\n");

    assertThatThrownBy(() -> AuditorsFile.read(f))
        .hasMessageStartingWith(f + " line 2: the account name must be 1 to 64 letters");
  }

  @Test
  void read_unknownRole_refused() throws Exception {
    Path f = write("alice:{bcrypt}" + HASH + ":ADMIN\n");

    assertThatThrownBy(() -> AuditorsFile.read(f))
        .hasMessage(f + " line 1: \"ADMIN\" is not a role; roles: AUDITOR, ERASER");
  }

  @Test
  void read_sameAccountTwice_refused() throws Exception {
    Path f = write("alice:{bcrypt}" + HASH + "\nalice:{bcrypt}" + HASH + "\n");

    assertThatThrownBy(() -> AuditorsFile.read(f))
        .hasMessage(f + " line 2: account alice is listed twice");
  }

  @Test
  void accounts_malformedFileAtStart_stopsTheService() throws Exception {
    Path f = write("alice:password\n");

    assertThatThrownBy(() -> new AuditorAccounts(f))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the auditors file is malformed: " + f + " line 1");
  }

  @Test
  void accounts_fileChanged_isReloaded_andABadChangeKeepsTheAccountsInForce() throws Exception {
    Path f = write("alice:{bcrypt}" + HASH + "\n");
    AuditorAccounts accounts = new AuditorAccounts(f);
    UserDetails alice = accounts.loadUserByUsername("alice");
    assertThat(alice.getPassword()).isEqualTo(HASH);
    assertThat(alice.getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .containsExactly("ROLE_AUDITOR");

    Files.writeString(f, "bob:{bcrypt}" + HASH + ":ERASER\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(5)));
    assertThat(accounts.accounts().keySet()).containsExactly("bob");
    assertThatThrownBy(() -> accounts.loadUserByUsername("alice"))
        .isInstanceOf(UsernameNotFoundException.class);

    Files.writeString(f, "bob:plain\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(10)));
    assertThat(accounts.accounts().keySet()).containsExactly("bob");
  }

  @Test
  void hashPassword_printsALineTheFileAccepts() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    InputStream stdin = System.in;
    int code;
    try {
      System.setIn(
          new ByteArrayInputStream("a long enough password\n".getBytes(StandardCharsets.UTF_8)));
      code =
          PasswordHashCommand.run(
              new String[] {"hash-password", "auditor.one"},
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
    } finally {
      System.setIn(stdin);
    }

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    String line = out.toString(StandardCharsets.UTF_8).strip();
    assertThat(line).startsWith("auditor.one:{bcrypt}$2a$12$").doesNotContain("long enough");
    var accounts = AuditorsFile.read(write(line + "\n"));
    assertThat(
            new BCryptPasswordEncoder()
                .matches("a long enough password", accounts.get("auditor.one").bcryptHash()))
        .isTrue();
    assertThat(accounts.get("auditor.one").roles()).isEqualTo(Set.of(Roles.AUDITOR));
  }

  @Test
  void hashPassword_shortPassword_refused() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    InputStream stdin = System.in;
    int code;
    try {
      System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
      code =
          PasswordHashCommand.run(
              new String[] {"hash-password", "alice"},
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
    } finally {
      System.setIn(stdin);
    }

    assertThat(code).isEqualTo(2);
    assertThat(out.size()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("a password of at least 12 characters is required");
  }
}
