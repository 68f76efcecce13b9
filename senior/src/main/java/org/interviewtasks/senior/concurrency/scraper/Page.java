package org.interviewtasks.senior.concurrency.scraper;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One fetched URL as stored: its answer, and for HTML what the parser found.
 *
 * @param url the normalised URL
 * @param status the HTTP status, or 0 if no answer came (timeout, connection refused)
 * @param title the HTML title, empty if none
 * @param links how many crawlable links the page has
 * @param redirectTo where a 3xx answer pointed, or {@code null}
 * @param error why there is no answer, or {@code null}
 * @param fetchedAt when it was fetched
 */
public record Page(
    URI url, int status, String title, int links, URI redirectTo, String error, Instant fetchedAt) {

  /** Checks the parts. */
  public Page {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    if (status < 0 || status > 999) {
      throw new IllegalArgumentException("status must be 0..999: " + status);
    }
    if (links < 0) {
      throw new IllegalArgumentException("links must not be negative: " + links);
    }
  }
}
