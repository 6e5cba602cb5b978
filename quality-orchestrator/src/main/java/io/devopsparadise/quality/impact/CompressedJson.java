package io.devopsparadise.quality.impact;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.json.JsonMapper;

/** Values kept in the database as gzip-compressed JSON, read back at most {@code maxBytes} uncompressed. */
record CompressedJson(JsonMapper json, int maxBytes) {

    byte[] write(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            json.writeValue(gzip, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    <T> T read(byte[] compressed, Class<T> type) {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return json.readValue(gzip.readNBytes(maxBytes), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
