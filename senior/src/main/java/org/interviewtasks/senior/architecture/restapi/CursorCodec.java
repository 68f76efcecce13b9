package org.interviewtasks.senior.architecture.restapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque page cursors that a client cannot forge: the position (the sort-key values of the last row
 * of a page) and the query it belongs to, as JSON, followed by an HMAC-SHA256 of that JSON under a
 * server key. The client sees base64url text; changing one bit, or building a cursor from scratch,
 * fails the MAC check (in constant time) before the content is even parsed.
 *
 * <p>Opaque is not secret: the JSON is only encoded, so a cursor must hold nothing the client may
 * not see (here: values of a row the client was just shown). Several instances of the API share the
 * key, so that a cursor from one is valid on the others.
 */
public final class CursorCodec {

  /** The longest cursor accepted; a longer one is refused without decoding. */
  static final int MAX_LENGTH = 4096;

  private static final String ALGORITHM = "HmacSHA256";
  private static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretKeySpec key;

  /**
   * A codec signing with {@code key}.
   *
   * @throws IllegalArgumentException if the key is shorter than 32 bytes
   */
  public CursorCodec(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < 32) {
      throw new IllegalArgumentException("cursor key must be at least 32 bytes: " + key.length);
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
  }

  /** The cursor after a row whose sort-key values are {@code position}, for {@code query}. */
  String encode(String query, List<String> position) {
    ObjectNode content = JSON.createObjectNode();
    content.put("v", VERSION);
    content.put("q", query);
    ArrayNode values = content.putArray("k");
    position.forEach(values::add);
    byte[] payload;
    try {
      payload = JSON.writeValueAsBytes(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a cursor", e);
    }
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    return base64.encodeToString(payload) + "." + base64.encodeToString(mac(payload));
  }

  /**
   * The position a cursor holds, if it is genuine and belongs to {@code query}.
   *
   * @param expectedKeys how many sort-key values the query's cursors hold
   * @throws ApiException 400 if the cursor is malformed, forged, altered or from another query
   */
  List<String> decode(String cursor, String query, int expectedKeys) {
    if (cursor.length() > MAX_LENGTH) {
      throw invalid("cursor is longer than " + MAX_LENGTH + " characters");
    }
    int dot = cursor.indexOf('.');
    if (dot < 0 || dot != cursor.lastIndexOf('.')) {
      throw invalid("cursor is malformed");
    }
    byte[] payload;
    byte[] signature;
    try {
      payload = Base64.getUrlDecoder().decode(cursor.substring(0, dot));
      signature = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw invalid("cursor is malformed");
    }
    if (!MessageDigest.isEqual(mac(payload), signature)) {
      throw invalid("cursor was not issued by this API or was altered");
    }
    JsonNode content;
    try {
      content = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw invalid("cursor is malformed");
    }
    if (content.path("v").asInt() != VERSION) {
      throw invalid("cursor version is not supported");
    }
    if (!query.equals(content.path("q").asText())) {
      throw invalid("cursor belongs to another query: keep the filters and sort of its first page");
    }
    JsonNode values = content.path("k");
    if (!values.isArray() || values.size() != expectedKeys) {
      throw invalid("cursor is malformed");
    }
    List<String> position = new ArrayList<>(values.size());
    values.forEach(value -> position.add(value.asText()));
    return position;
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static ApiException invalid(String detail) {
    return ApiException.badParameter("cursor", detail);
  }

  @Override
  public String toString() {
    return "CursorCodec[HmacSHA256, key hidden]";
  }
}
