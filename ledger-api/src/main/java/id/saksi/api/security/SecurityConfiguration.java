package id.saksi.api.security;

import id.saksi.api.SaksiProperties;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Public, without credentials: everything an entry, a proof or a statistic
 * carries (digests of personal data, never the data), the OpenAPI document, health, exports without
 * disclosures, and the write endpoints, whose statements authenticate themselves by their
 * signatures. Restricted: the stored disclosures of personal data, to the accounts of the auditors
 * file, by HTTP Basic (TLS terminates in front of the service: SECURITY.md). Stateless: no session,
 * no cookie, so no CSRF token either.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {
  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  /** Reading an entry's disclosures: GET, role AUDITOR. */
  public static final String DISCLOSURES = "/disclosures/*";

  /** Erasing an entry's disclosures: POST, role ERASER. */
  public static final String ERASURE = "/disclosures/*/erasure";

  /** Paths served to anyone with GET (and HEAD). */
  public static final List<String> PUBLIC_READS =
      List.of(
          "/checkpoint",
          "/entries",
          "/proof/**",
          "/cases/**",
          "/agencies/**",
          "/statistics",
          "/openapi*",
          "/v3/**",
          "/actuator/health/**",
          "/export",
          "/export/**");

  /** Paths anyone may POST to: statements carry their own signatures. */
  public static final List<String> PUBLIC_WRITES = List.of("/statements", "/statements/batch");

  /** The rules; anything not named here is not an endpoint of the API and answers 404. */
  @Bean
  @ConditionalOnWebApplication
  public SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    ProblemResponses problems = new ProblemResponses();
    http.csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        // Each endpoint says itself how long its answer may be cached (entries and proofs never
        // change; the disclosures endpoint answers no-store): no blanket header over them.
        .headers(h -> h.cacheControl(c -> c.disable()))
        .httpBasic(b -> b.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .authorizeHttpRequests(
            a -> {
              a.requestMatchers(HttpMethod.POST, ERASURE).hasRole(Roles.ERASER.name());
              a.requestMatchers(ERASURE).denyAll();
              a.requestMatchers(HttpMethod.GET, DISCLOSURES).hasRole(Roles.AUDITOR.name());
              a.requestMatchers("/disclosures/**").denyAll();
              a.requestMatchers(HttpMethod.GET, PUBLIC_READS.toArray(new String[0])).permitAll();
              a.requestMatchers(HttpMethod.HEAD, PUBLIC_READS.toArray(new String[0])).permitAll();
              a.requestMatchers(HttpMethod.POST, PUBLIC_WRITES.toArray(new String[0])).permitAll();
              // Not an endpoint: Spring MVC answers 404 or 405 as a problem. SecurityPolicyTest
              // keeps every mapped endpoint in one of the lists above.
              a.anyRequest().permitAll();
            });
    return http.build();
  }

  /** Passwords are bcrypt hashes, never anything else. */
  @Bean
  public PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  /** The accounts of the auditors file; none if it does not exist. */
  @Bean
  public AuditorAccounts auditorAccounts(SaksiProperties saksi, SecurityProperties security) {
    Path file =
        security.auditorsFile() != null
            ? security.auditorsFile().toAbsolutePath().normalize()
            : saksi.homeDirectory().resolve("auditors");
    AuditorAccounts accounts = new AuditorAccounts(file);
    int n = accounts.accounts().size();
    if (n == 0) {
      log.atWarn()
          .addKeyValue("file", file)
          .log(
              "No auditors configured ({} has no accounts): GET /disclosures answers 401 to"
                  + " everyone; add name:{bcrypt}hash lines (see SECURITY.md)",
              file);
    } else {
      log.atInfo()
          .addKeyValue("file", file)
          .addKeyValue("accounts", n)
          .log("Auditors: {} accounts from {}", n, file);
    }
    return accounts;
  }
}
