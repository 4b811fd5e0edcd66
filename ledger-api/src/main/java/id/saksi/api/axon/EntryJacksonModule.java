package id.saksi.api.axon;

import id.saksi.core.ParseException;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.entry.EntryFormatException;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.StatementSignature;
import java.util.Base64;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Jackson 3 (de)serializers for the entry layer's values as stored events carry them: a statement
 * as its JSON object (read back through the core's strict envelope check), a signature as {@code
 * {"key":"<hex>","sig":"<base64>"}}, as in an entry.
 */
public final class EntryJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** The module. */
  public EntryJacksonModule() {
    super("saksi-entry");
    addSerializer(
        Statement.class,
        new ValueSerializer<Statement>() {
          @Override
          public void serialize(Statement value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeTree(value.toTree());
          }
        });
    addDeserializer(
        Statement.class,
        new ValueDeserializer<Statement>() {
          @Override
          public Statement deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonNode tree = ctxt.readTree(p);
            try {
              return Statement.fromTree(tree, "");
            } catch (EntryFormatException e) {
              return ctxt.reportInputMismatch(
                  Statement.class, "stored statement: %s", e.getMessage());
            }
          }
        });
    addSerializer(
        StatementSignature.class,
        new ValueSerializer<StatementSignature>() {
          @Override
          public void serialize(
              StatementSignature value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeStartObject();
            gen.writeStringProperty("key", value.key().hex());
            gen.writeStringProperty("sig", value.signatureBase64());
            gen.writeEndObject();
          }
        });
    addDeserializer(
        StatementSignature.class,
        new ValueDeserializer<StatementSignature>() {
          @Override
          public StatementSignature deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonNode tree = ctxt.readTree(p);
            JsonNode key = tree.get("key");
            JsonNode sig = tree.get("sig");
            if (key == null || !key.isString() || sig == null || !sig.isString()) {
              return ctxt.reportInputMismatch(
                  StatementSignature.class, "stored signature needs string key and sig");
            }
            try {
              return StatementSignature.of(
                  KeyId.parse(key.stringValue()), Base64.getDecoder().decode(sig.stringValue()));
            } catch (ParseException | IllegalArgumentException e) {
              return ctxt.reportInputMismatch(
                  StatementSignature.class, "stored signature: %s", e.getMessage());
            }
          }
        });
  }
}
