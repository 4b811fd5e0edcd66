package id.saksi.api.security;

import id.saksi.api.problem.Problem;
import id.saksi.api.problem.ProblemType;
import id.saksi.api.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 answers of the security filters as RFC 9457 problem details, like every other error
 * of the API (they are answered before Spring MVC, so the API's exception handler never sees them).
 * They say what to do, never why a password failed.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {
  static final String REALM = "saksi";

  @Override
  public void commence(
      HttpServletRequest request,
      HttpServletResponse response,
      AuthenticationException authException)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    ProblemWriter.write(
        request,
        response,
        Problem.of(
            ProblemType.UNAUTHORIZED,
            "this endpoint serves personal data to authorised auditors only: send the"
                + " credentials of an account of the auditors file with HTTP Basic, over TLS (see"
                + " SECURITY.md)"));
  }

  @Override
  public void handle(
      HttpServletRequest request,
      HttpServletResponse response,
      AccessDeniedException accessDeniedException)
      throws IOException {
    ProblemWriter.write(
        request,
        response,
        Problem.of(
            ProblemType.FORBIDDEN,
            "this account may not do this: reading disclosures needs the role AUDITOR, erasing"
                + " them the role ERASER (see SECURITY.md)"));
  }
}
