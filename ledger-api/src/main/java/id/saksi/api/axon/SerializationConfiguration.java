package id.saksi.api.axon;

import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;

/**
 * Lets Axon's Jackson 3 serializer read Axon's own polymorphic values back. Axon's ReplayToken
 * declares its fields with {@code @JsonTypeInfo(use = CLASS)} and one of them as {@code Object};
 * Jackson 3's default validator refuses {@code Object} as a base type, so a streaming processor
 * could store its token but never claim it again ("An unrecoverable error has occurred while
 * attempting to claim a token"). Only Axon's and this service's classes, and strings, are accepted
 * by name: naming arbitrary classes in stored JSON is how deserialization gadgets get in.
 */
@Configuration(proxyBeanMethods = false)
public class SerializationConfiguration {

  /** Applied by Axon's auto-configuration to every Jackson 3 serializer it builds. */
  @Bean
  public Jackson3SerializerCustomizer axonJsonTypeValidator() {
    PolymorphicTypeValidator validator =
        BasicPolymorphicTypeValidator.builder()
            .allowIfSubType("org.axonframework.")
            .allowIfSubType("id.saksi.")
            .allowIfSubType(String.class)
            .build();
    return builder -> builder.polymorphicTypeValidator(validator);
  }
}
