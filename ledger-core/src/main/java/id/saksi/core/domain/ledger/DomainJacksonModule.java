package id.saksi.core.domain.ledger;

import id.saksi.core.ParseException;
import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.disclosure.Digest;
import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.PersonRef;
import id.saksi.core.domain.RecordLog;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.catalogue.Catalogue;
import id.saksi.core.domain.catalogue.CatalogueCodec;
import id.saksi.core.domain.validation.AgencyCode;
import id.saksi.core.domain.validation.LetterNumber;
import id.saksi.core.hash.Hash;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Jackson 3 (de)serializers for the domain's value types, so that commands, events and case,
 * instrument and pact states round-trip through an event store's Jackson serializer: codes,
 * numbers, digests, references and keys as their text forms, a record log as an array, a catalogue
 * as its own document (re-read on the way in).
 *
 * <p>Register it on the mapper the event store uses: {@code JsonMapper.builder().addModule(new
 * DomainJacksonModule()).build()}.
 */
public final class DomainJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** A text form and its strict parser. */
  @FunctionalInterface
  private interface Parser<T> {
    T parse(String text) throws ParseException;
  }

  public DomainJacksonModule() {
    super("saksi-domain");
    text(AgencyCode.class, AgencyCode::value, AgencyCode::parse);
    text(LetterNumber.class, LetterNumber::text, LetterNumber::parse);
    text(Digest.class, Digest::text, Digest::parse);
    text(PersonRef.class, PersonRef::text, PersonRef::parse);
    text(KeyId.class, KeyId::hex, KeyId::parse);
    text(Ed25519PublicKey.class, Ed25519PublicKey::base64, Ed25519PublicKey::fromBase64);
    text(Hash.class, Hash::hex, Hash::fromHex);
    addSerializer(
        Catalogue.class,
        new ValueSerializer<Catalogue>() {
          @Override
          public void serialize(Catalogue value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeTree(value.json());
          }
        });
    addDeserializer(
        Catalogue.class,
        new ValueDeserializer<Catalogue>() {
          @Override
          public Catalogue deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonNode tree = ctxt.readTree(p);
            try {
              return CatalogueCodec.parse(tree);
            } catch (RecordParseException e) {
              throw ctxt.weirdStringException(tree.toString(), Catalogue.class, e.getMessage());
            }
          }
        });
    addSerializer(
        RecordLog.class,
        new ValueSerializer<RecordLog>() {
          @Override
          public void serialize(RecordLog value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeStartArray();
            for (RecordLog.Entry e : value.entries()) {
              gen.writeStartObject();
              gen.writeNumberProperty("position", e.position().value());
              gen.writeStringProperty("type", e.type());
              gen.writeStringProperty("author", e.author().value());
              gen.writeEndObject();
            }
            gen.writeEndArray();
          }
        });
    addDeserializer(
        RecordLog.class,
        new ValueDeserializer<RecordLog>() {
          @Override
          public RecordLog deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonNode tree = ctxt.readTree(p);
            RecordLog log = RecordLog.EMPTY;
            try {
              for (JsonNode e : tree) {
                JsonFields f = JsonFields.of(e, "log entry");
                log =
                    log.append(
                        f.position("position"), f.text("type", 64).intern(), f.agency("author"));
                f.end();
              }
            } catch (RecordParseException | IllegalArgumentException e) {
              throw ctxt.weirdStringException(tree.toString(), RecordLog.class, e.getMessage());
            }
            return log;
          }
        });
  }

  private <T> void text(Class<T> type, Function<T, String> write, Parser<T> read) {
    addSerializer(
        type,
        new ValueSerializer<T>() {
          @Override
          public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(write.apply(value));
          }
        });
    addDeserializer(
        type,
        new ValueDeserializer<T>() {
          @Override
          public T deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String s = p.getValueAsString();
            if (s == null) {
              return ctxt.reportInputMismatch(
                  type, "expected a string for " + type.getSimpleName());
            }
            try {
              return read.parse(s);
            } catch (ParseException e) {
              throw ctxt.weirdStringException(s, type, e.getMessage());
            }
          }
        });
  }
}
