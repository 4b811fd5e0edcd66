package id.saksi.api.http;

import id.saksi.api.SaksiProperties;
import id.saksi.api.keys.ServiceKeys;
import id.saksi.api.limits.ClientLimiter;
import id.saksi.api.limits.LimitsProperties;
import id.saksi.api.problem.Problem;
import id.saksi.api.problem.ProblemException;
import id.saksi.api.write.LedgerService;
import id.saksi.api.write.SignedStatement;
import id.saksi.api.write.SubmissionParser;
import id.saksi.api.write.WriteResult;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The write API (docs/protocol.md): {@code POST /statements} appends one signed statement, {@code
 * POST /statements/batch} up to {@code saksi.api.max-batch-items} in one transaction. Bodies are
 * read as bytes and parsed with the core's strict JSON reader, never Spring's lenient one.
 */
@RestController
public class StatementController {
  private final SubmissionParser parser;
  private final LedgerService ledger;
  private final ServiceKeys keys;
  private final SaksiProperties properties;
  private final LimitsProperties limits;

  StatementController(
      SubmissionParser parser,
      LedgerService ledger,
      ServiceKeys keys,
      SaksiProperties properties,
      LimitsProperties limits) {
    this.parser = parser;
    this.ledger = ledger;
    this.keys = keys;
    this.properties = properties;
    this.limits = limits;
  }

  /**
   * Appends one statement: 201 with its receipt; 200 with the same receipt if the same statement
   * was appended before; a problem otherwise, with nothing appended.
   */
  @PostMapping(path = "/statements", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ObjectNode> append(HttpServletRequest request) {
    byte[] body = RequestBodies.readJson(request, properties.api().maxBody(), limits.bodyTimeout());
    SignedStatement statement = parser.parseSingle(body);
    WriteResult result = ledger.submit(statement);
    if (result instanceof WriteResult.Refused) {
      throw new ProblemException(((WriteResult.Refused) result).problem());
    }
    WriteResult.Appended appended = (WriteResult.Appended) result;
    return ResponseEntity.status(appended.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Json.receipt(appended.entry(), keys.receipt(appended.entry())));
  }

  /**
   * Appends a batch in one transaction. The answer is 200 with one result per item, in order: the
   * receipt of each appended statement (status 201, or 200 if it was appended before) and the
   * problem of each refused one. Accepted items are appended even when others are refused.
   */
  @PostMapping(path = "/statements/batch", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ObjectNode> appendBatch(HttpServletRequest request) {
    byte[] body =
        RequestBodies.readJson(request, properties.api().maxBatchBody(), limits.bodyTimeout());
    List<Object> items = parser.parseBatch(body);
    List<SignedStatement> statements = new ArrayList<>(items.size());
    for (Object item : items) {
      if (item instanceof SignedStatement) {
        statements.add((SignedStatement) item);
      }
    }
    List<WriteResult> results = ledger.submitBatch(statements);
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    int next = 0;
    int appendedCount = 0;
    int refusedCount = 0;
    int clientFaults = 0;
    for (Object item : items) {
      ObjectNode r;
      if (item instanceof Problem) {
        r = refused((Problem) item);
        refusedCount++;
        if (ClientLimiter.isFailure(((Problem) item).type().status())) {
          clientFaults++;
        }
      } else {
        WriteResult w = results.get(next++);
        if (w instanceof WriteResult.Appended) {
          WriteResult.Appended a = (WriteResult.Appended) w;
          r = JsonNodeFactory.instance.objectNode();
          r.put("status", a.replayed() ? 200 : 201);
          r.setAll(Json.receipt(a.entry(), keys.receipt(a.entry())));
          appendedCount++;
        } else {
          Problem p = ((WriteResult.Refused) w).problem();
          r = refused(p);
          refusedCount++;
          if (ClientLimiter.isFailure(p.type().status())) {
            clientFaults++;
          }
        }
      }
      out.add(r);
    }
    // Bad signatures and malformed items count against the sender's budget of refused requests
    // one by one, as they would have as single requests.
    request.setAttribute(ClientLimiter.REFUSED_ITEMS, clientFaults);
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.put("appended", appendedCount);
    response.put("refused", refusedCount);
    response.set("results", out);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(response);
  }

  private static ObjectNode refused(Problem p) {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("status", p.type().status());
    r.set("problem", Json.problem(p));
    return r;
  }
}
