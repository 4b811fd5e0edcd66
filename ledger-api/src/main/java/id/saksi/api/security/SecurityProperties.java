package id.saksi.api.security;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read and erase personal data, under {@code saksi.security.}.
 *
 * @param auditorsFile the accounts file ({@code name:{bcrypt}hash[:ROLE,...]} lines); empty means
 *     {@code <saksi.home>/auditors}. A missing file means no accounts: the restricted endpoints
 *     answer 401 to everyone.
 */
@ConfigurationProperties("saksi.security")
public record SecurityProperties(Path auditorsFile) {}
