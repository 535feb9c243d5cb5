package cn.huiqi.common;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * How the app's API reads JSON bodies (the converter Spring MVC uses for {@code @RequestBody}): a key twice
 * in one object is an error (which of the two would count?), a fraction is not a whole number, and no text
 * field carries a control character ({@link SafeText}). Every refusal becomes a bilingual 400 in
 * {@link ApiErrors}. The application's shared ObjectMapper is left as it is (it also reads stored JSON).
 */
@Configuration(proxyBeanMethods = false)
class ApiJson {

    @Bean
    MappingJackson2HttpMessageConverter apiJsonConverter(ObjectMapper objectMapper) {
        ObjectMapper api = objectMapper.copy()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .registerModule(new SimpleModule("huiqi-safe-text").addDeserializer(String.class, new SafeStrings()));
        return new MappingJackson2HttpMessageConverter(api);
    }

    /** Refused text in a JSON string; the path names the field. */
    static final class UnsafeTextException extends JsonMappingException {

        final String character;

        UnsafeTextException(JsonParser parser, String character) {
            super(parser, "text contains the refused character " + character);
            this.character = character;
        }
    }

    private static final class SafeStrings extends StdScalarDeserializer<String> {

        SafeStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            String refused = SafeText.firstRefused(text);
            if (refused != null) {
                throw new UnsafeTextException(parser, refused);
            }
            return text;
        }
    }
}
