package id.saksi.api.axon;

import id.saksi.core.domain.ledger.DomainJacksonModule;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;

/**
 * Axon's Jackson 3 serializers: the domain's value types (the core's {@link DomainJacksonModule})
 * and the entry layer's ({@link EntryJacksonModule}), so stored events and snapshots round-trip;
 * and a type validator that lets Axon read its own polymorphic values back.
 *
 * <p>Axon's ReplayToken declares its fields with {@code @JsonTypeInfo(use = CLASS)} and one of them
 * as {@code Object}; Jackson 3's default validator refuses {@code Object} as a base type, so a
 * streaming processor could store its token but never claim it again ("An unrecoverable error has
 * occurred while attempting to claim a token"). The domain events inside a stored statement are
 * typed by class name too. Only Axon's and this service's classes, and strings, are accepted by
 * name: naming arbitrary classes in stored JSON is how deserialization gadgets get in.
 *
 * <p>Axon's auto-configuration applies only the first customizer bean it finds, so this is the only
 * one.
 */
@Configuration(proxyBeanMethods = false)
public class SerializationConfiguration {

  /** Applied by Axon's auto-configuration to every Jackson 3 serializer it builds. */
  @Bean
  public Jackson3SerializerCustomizer axonJsonCustomizer() {
    PolymorphicTypeValidator validator =
        BasicPolymorphicTypeValidator.builder()
            .allowIfSubType("org.axonframework.")
            .allowIfSubType("id.saksi.")
            .allowIfSubType(String.class)
            .build();
    return builder ->
        builder
            .polymorphicTypeValidator(validator)
            .addModule(new DomainJacksonModule())
            .addModule(new EntryJacksonModule());
  }
}
