package io.cuepoint.ingest.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.ToIntFunction;

/**
 * The one JSON mapping of every wire record. Readers ignore fields they do not know, so a producer
 * may add an optional field without a new topic; writers leave out nulls.
 */
public final class WireJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private WireJson() {
    }

    /** The shared, thread-safe mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Parses one record.
     *
     * @throws WireFormatException when the bytes are not a record of that type
     */
    public static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new WireFormatException("not a valid " + type.getSimpleName() + ": " + describe(e), e);
        }
    }

    /** Jackson's message without its multi-line source excerpt, which people read in logs and dead letters. */
    static String describe(IOException e) {
        if (e instanceof JsonProcessingException json && json.getLocation() != null) {
            return json.getOriginalMessage() + " (line " + json.getLocation().getLineNr() + ", column "
                    + json.getLocation().getColumnNr() + ")";
        }
        return e.getMessage();
    }

    /**
     * Parses one record of a consumed topic and checks its schema version.
     *
     * @param bytes     the record's value; null (a tombstone) is malformed too
     * @param schemaOf  the record's {@code schema} accessor
     * @param supported the newest version this reader knows (the type's {@code SCHEMA})
     * @throws NewerSchemaException when the record is newer than {@code supported}, even if its fields
     *                              happen to parse, or if they do not (a newer shape)
     * @throws WireFormatException  when the bytes are not a record of that type
     */
    public static <T> T read(byte[] bytes, Class<T> type, ToIntFunction<? super T> schemaOf, int supported) {
        if (bytes == null) {
            throw new WireFormatException("a record without a value, where a " + type.getSimpleName()
                    + " was expected", null);
        }
        T value;
        try {
            value = read(bytes, type);
        } catch (WireFormatException e) {
            // A newer shape fails to parse; its version is the reason a person needs, not the missing field.
            int found = schemaIn(bytes);
            if (found > supported) {
                throw new NewerSchemaException(type, found, supported, e);
            }
            throw e;
        }
        int found = schemaOf.applyAsInt(value);
        if (found > supported) {
            throw new NewerSchemaException(type, found, supported, null);
        }
        return value;
    }

    /** The {@code schema} field of a JSON object, or -1 when there is none. */
    private static int schemaIn(byte[] bytes) {
        try {
            var schema = MAPPER.readTree(bytes).get("schema");
            return schema != null && schema.canConvertToInt() ? schema.intValue() : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
