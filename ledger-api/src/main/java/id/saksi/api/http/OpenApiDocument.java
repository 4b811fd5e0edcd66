package id.saksi.api.http;

import id.saksi.api.problem.ProblemType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document served at {@code /v3/api-docs}: springdoc derives the paths from the
 * controllers (so none can be missing), and this fills in what it cannot see because the API reads
 * its own bodies and parameters: media types, parameters as integers, the paging headers, and each
 * operation's problems. docs/protocol.md is the reference; this is its index for tools.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiDocument {
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String TEXT = "text/plain";
  private static final String JSON = "application/json";

  /** Fills in the generated document. */
  @Bean
  public OpenApiCustomizer saksiOpenApi() {
    return OpenApiDocument::describe;
  }

  static void describe(OpenAPI api) {
    api.setServers(null);
    api.info(
        new Info()
            .title("Saksi ledger service")
            .version("1")
            .description(
                "A verifiable audit ledger of civil-servant neutrality enforcement."
                    + " docs/protocol.md defines every byte; errors are RFC 9457 problem details"
                    + " whose type is urn:saksi:problem:<name>."));
    if (api.getComponents() == null) {
      api.components(new Components());
    }
    api.getComponents().addSchemas("Problem", problemSchema());
    if (api.getPaths() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> op :
          path.getValue().readOperationsMap().entrySet()) {
        describe(op.getKey() + " " + path.getKey(), op.getValue());
      }
    }
  }

  private static void describe(String endpoint, Operation op) {
    ApiResponses responses = new ApiResponses();
    List<Parameter> parameters = new ArrayList<>();
    switch (endpoint) {
      case "POST /statements":
        op.summary("Append one signed statement (docs/protocol.md sections 3-7)");
        op.requestBody(jsonBody("A submission: statement, signatures, disclosures"));
        responses.addApiResponse("201", ok("The receipt of the appended entry", JSON));
        responses.addApiResponse(
            "200", ok("The same statement was appended before: its receipt", JSON));
        problems(
            responses,
            ProblemType.MALFORMED_JSON,
            ProblemType.MALFORMED_SUBMISSION,
            ProblemType.MALFORMED_STATEMENT,
            ProblemType.INVALID_RECORD,
            ProblemType.SIGNATURE_INVALID,
            ProblemType.KEY_UNKNOWN,
            ProblemType.KEY_OTHER_AGENCY,
            ProblemType.KEY_NOT_YET_VALID,
            ProblemType.KEY_REVOKED,
            ProblemType.NONCE_REUSED,
            ProblemType.TOO_LARGE,
            ProblemType.REQUEST_TIMEOUT,
            ProblemType.UNSUPPORTED_MEDIA_TYPE,
            ProblemType.REJECTED,
            ProblemType.PERSONAL_DATA,
            ProblemType.UNAVAILABLE);
        break;
      case "POST /statements/batch":
        op.summary("Append up to 1,000 statements in one transaction (section 8)");
        op.requestBody(jsonBody("{\"items\": [submission, ...]}"));
        responses.addApiResponse("200", ok("One result per item, in order", JSON));
        problems(
            responses,
            ProblemType.MALFORMED_JSON,
            ProblemType.TOO_LARGE,
            ProblemType.REQUEST_TIMEOUT,
            ProblemType.UNSUPPORTED_MEDIA_TYPE,
            ProblemType.UNAVAILABLE);
        break;
      case "GET /checkpoint":
        op.summary("The latest signed checkpoint, a C2SP signed note (section 10)");
        responses.addApiResponse("200", ok("The signed checkpoint", TEXT));
        problems(responses, ProblemType.NO_CHECKPOINT);
        break;
      case "GET /entries":
        op.summary("Entries [start, end): leaf bytes, one per line (section 13)");
        parameters.add(integer("start", true, "The first index"));
        parameters.add(integer("end", false, "The index after the last; defaults to the size"));
        ApiResponse entries = ok("The entries, NDJSON", "application/x-ndjson");
        entries.addHeaderObject(
            EntriesController.NEXT_START,
            new Header()
                .description("The start of the next page; absent on the last page")
                .schema(new IntegerSchema().format("int64")));
        entries.addHeaderObject(
            EntriesController.TREE_SIZE,
            new Header()
                .description("The ledger's size when the answer was made")
                .schema(new IntegerSchema().format("int64")));
        responses.addApiResponse("200", entries);
        problems(responses, ProblemType.BAD_PARAMETER, ProblemType.BEYOND_SIZE);
        break;
      case "GET /proof/inclusion":
        op.summary("A c2sp.org/tlog-proof of one entry against a stored checkpoint (section 14)");
        parameters.add(integer("index", true, "The entry"));
        parameters.add(integer("size", false, "A signed checkpoint's size; default the latest"));
        responses.addApiResponse("200", ok("The tlog-proof", TEXT));
        problems(
            responses,
            ProblemType.BAD_PARAMETER,
            ProblemType.CHECKPOINT_NOT_FOUND,
            ProblemType.BEYOND_SIZE,
            ProblemType.NO_CHECKPOINT);
        break;
      case "GET /proof/consistency":
        op.summary("An RFC 9162 consistency proof: base64 hashes, one per line (section 15)");
        parameters.add(integer("from", true, "The older tree size"));
        parameters.add(integer("to", true, "The newer tree size, at most the ledger's size"));
        responses.addApiResponse("200", ok("The proof; empty when from is 0 or equals to", TEXT));
        problems(responses, ProblemType.BAD_PARAMETER, ProblemType.BEYOND_SIZE);
        break;
      case "GET /cases/{id}":
        op.summary("One case's status and history: workflow facts only (section 16)");
        parameters.add(path("id", "The case ID, the subject after case/"));
        responses.addApiResponse("200", ok("The case", JSON));
        problems(responses, ProblemType.BAD_PARAMETER, ProblemType.NOT_FOUND);
        break;
      case "GET /cases":
        op.summary("A page of cases (section 16)");
        parameters.add(text("status", "A case status, such as RECOMMENDED"));
        parameters.add(text("agency", "Cases the agency opened or must act on as PPK"));
        parameters.add(text("election", "An election code, such as PILKADA-2024"));
        paging(parameters);
        responses.addApiResponse("200", ok("The page", JSON));
        problems(responses, ProblemType.BAD_PARAMETER);
        break;
      case "GET /agencies/{code}/overview":
        op.summary("An agency's pacts, open and overdue cases, recommendations waiting");
        parameters.add(path("code", "The agency code"));
        responses.addApiResponse("200", ok("The overview", JSON));
        problems(responses, ProblemType.BAD_PARAMETER, ProblemType.NOT_FOUND);
        break;
      case "GET /statistics":
        op.summary("Counts of cases by region, election or violation form (section 16)");
        parameters.add(text("by", "region, election or form").required(true));
        paging(parameters);
        responses.addApiResponse("200", ok("A page of rows", JSON));
        problems(responses, ProblemType.BAD_PARAMETER);
        break;
      case "GET /export":
        op.summary("An export bundle of the whole ledger or a range, streamed (docs/export.md)");
        parameters.add(integer("start", false, "The first index of a range export"));
        parameters.add(integer("end", false, "The index after the last of a range export"));
        disclosureParameters(parameters);
        responses.addApiResponse("200", ok("The bundle", "application/zip"));
        problems(
            responses,
            ProblemType.EXPORT_RANGE_INVALID,
            ProblemType.DISCLOSURES_FORBIDDEN,
            ProblemType.INVALID_ACCESS,
            ProblemType.NO_CHECKPOINT);
        break;
      case "GET /export/cases/{id}":
        op.summary("An export bundle of one case with inclusion proofs (docs/export.md)");
        parameters.add(path("id", "The case ID, the subject after case/"));
        disclosureParameters(parameters);
        responses.addApiResponse("200", ok("The bundle", "application/zip"));
        problems(
            responses,
            ProblemType.EXPORT_SUBJECT_UNKNOWN,
            ProblemType.EXPORT_RANGE_INVALID,
            ProblemType.DISCLOSURES_FORBIDDEN,
            ProblemType.INVALID_ACCESS,
            ProblemType.NO_CHECKPOINT);
        break;
      case "GET /disclosures/{index}":
        op.summary(
            "An entry's personal-data disclosures, AUDITOR only; the read is recorded first");
        parameters.add(entryIndex());
        parameters.add(text("purpose", "Why the data is read (1 to 500 characters); required"));
        responses.addApiResponse("200", ok("The disclosures and the access record", JSON));
        problems(
            responses,
            ProblemType.UNAUTHORIZED,
            ProblemType.FORBIDDEN,
            ProblemType.INVALID_ACCESS,
            ProblemType.NO_DISCLOSURES,
            ProblemType.DISCLOSURES_ERASED,
            ProblemType.UNAVAILABLE);
        break;
      case "POST /disclosures/{index}/erasure":
        op.summary("Erase an entry's disclosures, ERASER only; the erasure is recorded");
        parameters.add(entryIndex());
        op.requestBody(jsonBody("{\"reason\", \"basis\", \"fields\"?} (section 19)"));
        responses.addApiResponse("200", ok("The erased fields and the erasure record", JSON));
        problems(
            responses,
            ProblemType.UNAUTHORIZED,
            ProblemType.FORBIDDEN,
            ProblemType.INVALID_ACCESS,
            ProblemType.NO_DISCLOSURES,
            ProblemType.DISCLOSURES_ERASED,
            ProblemType.UNAVAILABLE);
        break;
      default:
        // An endpoint added without a description here keeps what springdoc derived.
        return;
    }
    // Any endpoint: a client over its budget (docs/protocol.md section 11) before any work is done.
    problems(responses, ProblemType.TOO_MANY_REQUESTS, ProblemType.INTERNAL);
    op.parameters(parameters.isEmpty() ? null : parameters);
    op.responses(responses);
  }

  private static Parameter entryIndex() {
    return new Parameter()
        .in("path")
        .name("index")
        .required(true)
        .description("The entry")
        .schema(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO));
  }

  private static void disclosureParameters(List<Parameter> parameters) {
    parameters.add(
        new Parameter()
            .in("query")
            .name("includeDisclosures")
            .required(false)
            .description("Personal data disclosures: an authorised auditor only")
            .schema(new BooleanSchema()));
    parameters.add(
        text("purpose", "Why personal data is exported; required with includeDisclosures"));
  }

  private static void paging(List<Parameter> parameters) {
    parameters.add(integer("page", false, "The page, from 0 (at most 100000)"));
    parameters.add(integer("size", false, "Items per page, 1 to saksi.read.max-page-size (100)"));
  }

  private static Parameter integer(String name, boolean required, String description) {
    return new Parameter()
        .in("query")
        .name(name)
        .required(required)
        .description(description)
        .schema(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO));
  }

  private static Parameter text(String name, String description) {
    return new Parameter()
        .in("query")
        .name(name)
        .required(false)
        .description(description)
        .schema(new StringSchema());
  }

  private static Parameter path(String name, String description) {
    return new Parameter()
        .in("path")
        .name(name)
        .required(true)
        .description(description)
        .schema(new StringSchema());
  }

  private static RequestBody jsonBody(String description) {
    return new RequestBody()
        .required(true)
        .description(description)
        .content(new Content().addMediaType(JSON, new MediaType().schema(new ObjectSchema())));
  }

  private static ApiResponse ok(String description, String mediaType) {
    Schema<?> schema = mediaType.equals(JSON) ? new ObjectSchema() : new StringSchema();
    return new ApiResponse()
        .description(description)
        .content(new Content().addMediaType(mediaType, new MediaType().schema(schema)));
  }

  private static void problems(ApiResponses responses, ProblemType... types) {
    for (ProblemType t : types) {
      String status = Integer.toString(t.status());
      ApiResponse r = responses.get(status);
      if (r == null) {
        r =
            new ApiResponse()
                .description(t.uri() + ": " + t.title())
                .content(
                    new Content()
                        .addMediaType(
                            PROBLEM_JSON,
                            new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/Problem"))));
        responses.addApiResponse(status, r);
      } else {
        r.description(r.getDescription() + "; " + t.uri() + ": " + t.title());
      }
    }
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description("RFC 9457 problem details; extension members per docs/protocol.md section 9")
        .addProperty("type", new StringSchema().description("urn:saksi:problem:<name>"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema().description("What was wrong, and what to do"))
        .addProperty("instance", new StringSchema());
  }
}
