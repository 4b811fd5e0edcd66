package id.saksi.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.TestInstances;
import id.saksi.api.keys.ServiceKeys;
import id.saksi.api.support.Bodies;
import id.saksi.api.support.LedgerClient;
import id.saksi.api.support.StandardAgencies;
import id.saksi.api.support.TestHomes;
import id.saksi.core.crypto.Ed25519PrivateKey;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A whole run of the service, from first start (keys created) through appends, a refused login, an
 * auditor's read and a shutdown, with every logger of the service at DEBUG: its log output never
 * holds a private key, in PEM, as PKCS#8 DER in base64, or as the raw seed in base64 or hex; nor a
 * password. Also: with no auditors configured the log says so at start and the restricted endpoint
 * answers 401; adding an account to the file takes effect without a restart.
 */
@ExtendWith(OutputCaptureExtension.class)
class PrivateKeyLogTest {
  private static final String PASSWORD = "the auditor's long passphrase";

  private static List<String> forms(Ed25519PrivateKey key) {
    List<String> out = new ArrayList<>();
    byte[] seed = key.seed();
    out.add(Base64.getEncoder().encodeToString(seed));
    out.add(Base64.getEncoder().withoutPadding().encodeToString(seed));
    out.add(Base64.getUrlEncoder().withoutPadding().encodeToString(seed));
    out.add(HexFormat.of().formatHex(seed));
    out.add(HexFormat.of().withUpperCase().formatHex(seed));
    out.add(Base64.getEncoder().encodeToString(key.toPkcs8Der()));
    // A line of the PEM body: what a log of the file's content would show.
    out.add(key.toPkcs8Pem().split("\n")[1]);
    return out;
  }

  @Test
  void wholeRun_logsNoPrivateKeyAndNoPassword(CapturedOutput output) throws Exception {
    Path home = TestHomes.fresh("key-log-");
    Path auditors = home.resolve("auditors");
    List<String> secrets = new ArrayList<>();
    try (ConfigurableApplicationContext service =
        TestInstances.start(
            "saksi.home=" + home,
            "logging.level.id.saksi=DEBUG",
            "logging.level.org.springframework.security=DEBUG")) {
      ServiceKeys keys = service.getBean(ServiceKeys.class);
      secrets.addAll(forms(keys.registrarKey()));
      secrets.addAll(forms(Ed25519PrivateKey.readPemFile(keys.logKeyFile())));
      int port = TestInstances.port(service);
      LedgerClient client = new LedgerClient(port);
      Http http = new Http(port);
      StandardAgencies.register(client);
      long index = client.post(Bodies.newCircular()).index();
      String read =
          "/disclosures/"
              + index
              + "?purpose="
              + URLEncoder.encode("audit", StandardCharsets.UTF_8);

      assertThat(output.getAll())
          .contains("No auditors configured (" + auditors + " has no accounts)");
      assertThat(http.get(read, "auditor", PASSWORD).status()).isEqualTo(401);

      Files.writeString(
          auditors,
          "auditor:{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD) + "\n",
          StandardCharsets.UTF_8);
      Files.setLastModifiedTime(auditors, FileTime.from(Instant.now().plusSeconds(2)));
      assertThat(http.get(read, "auditor", "a wrong passphrase").status()).isEqualTo(401);
      // The circular has no personal data: 404 once authorised, which proves the login worked.
      assertThat(http.get(read, "auditor", PASSWORD).status()).isEqualTo(404);
      assertThat(output.getAll()).contains("Auditors file " + auditors + " changed: 1 accounts");
    }

    String all = output.getAll();
    assertThat(all).contains("Saksi registrar private key: ");
    assertThat(all).doesNotContain("PRIVATE KEY").doesNotContain(PASSWORD);
    for (String secret : secrets) {
      assertThat(all).doesNotContain(secret);
    }
  }
}
