package id.saksi.api.http;

import id.saksi.api.problem.Problem;
import id.saksi.api.problem.ProblemException;
import id.saksi.api.problem.ProblemType;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem details ({@code application/problem+json}): the service's own
 * problems with their stable type URIs, Spring MVC's (unknown path, wrong method) with Spring's
 * defaults, and anything unexpected as a 500 that says nothing of the internals. No stack trace
 * ever reaches a client; unexpected failures are logged here without request data.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  /** A problem the service reports on purpose. */
  @ExceptionHandler(ProblemException.class)
  public ResponseEntity<ProblemDetail> problem(ProblemException e) {
    Problem p = e.problem();
    if (p.type().status() >= 500) {
      log.atWarn().addKeyValue("problem", p.type().slug()).log(p.detail());
    } else {
      log.atDebug().addKeyValue("problem", p.type().slug()).log(p.detail());
    }
    return answer(p);
  }

  /** Anything else: a fault of the service. */
  @ExceptionHandler(Exception.class)
  public ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.atError().setCause(e).log("Unexpected failure while serving a request");
    return answer(
        Problem.of(
            ProblemType.INTERNAL,
            "the service failed while handling the request; nothing was appended: retry, and"
                + " report the time to the operator if it persists"));
  }

  static ResponseEntity<ProblemDetail> answer(Problem p) {
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(p.type().status()), p.detail());
    detail.setType(p.type().uri());
    detail.setTitle(p.type().title());
    for (Map.Entry<String, Object> e : p.properties().entrySet()) {
      detail.setProperty(e.getKey(), e.getValue());
    }
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(p.type().status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    Object retry = p.properties().get("retryAfterSeconds");
    if (retry != null) {
      response.header("Retry-After", String.valueOf(retry));
    }
    return response.body(detail);
  }
}
