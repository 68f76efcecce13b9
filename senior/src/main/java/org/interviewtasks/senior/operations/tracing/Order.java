package org.interviewtasks.senior.operations.tracing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.interviewtasks.senior.operations.tracing.TracedHttpServer.HttpError;

/**
 * An order as the gateway and orders take it: {@code {"sku":"tea-1","quantity":2}}.
 *
 * @param sku 1 to 32 letters, digits or {@code -}
 * @param quantity 1 to {@value #MAX_QUANTITY}
 */
public record Order(String sku, int quantity) {

  /** The most one order may take. */
  public static final int MAX_QUANTITY = 1_000;

  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9-]{1,32}");

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if the sku or quantity is out of bounds
   */
  public Order {
    Objects.requireNonNull(sku, "sku");
    if (!SKU.matcher(sku).matches()) {
      throw new IllegalArgumentException("sku must be 1 to 32 letters, digits or '-': " + sku);
    }
    if (quantity < 1 || quantity > MAX_QUANTITY) {
      throw new IllegalArgumentException("quantity must be 1.." + MAX_QUANTITY + ": " + quantity);
    }
  }

  /** The JSON body. */
  public byte[] toJson() {
    try {
      return TracedHttpServer.JSON.writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a body; anything but a valid order is a 400. */
  static Order parse(String body) {
    JsonNode node;
    try {
      node = TracedHttpServer.JSON.readTree(body);
    } catch (IOException e) {
      throw new HttpError(400, "malformed JSON body");
    }
    if (node == null || !node.isObject()) {
      throw new HttpError(400, "the body must be a JSON object {\"sku\":...,\"quantity\":...}");
    }
    JsonNode sku = node.get("sku");
    JsonNode quantity = node.get("quantity");
    if (sku == null || !sku.isTextual()) {
      throw new HttpError(400, "sku must be a string");
    }
    if (quantity == null || !quantity.isInt()) {
      throw new HttpError(400, "quantity must be an integer");
    }
    try {
      return new Order(sku.textValue(), quantity.intValue());
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, e.getMessage());
    }
  }
}
