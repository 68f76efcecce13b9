package org.interviewtasks.senior.architecture.socialmedia;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;

/** The events on the wire, as JSON records. */
public final class Events {

  static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private Events() {}

  /**
   * {@code follower} follows {@code followee} from now on.
   *
   * @param follower who follows
   * @param followee whom
   */
  public record UserFollowed(String follower, String followee) {
    /** Checks the parts. */
    public UserFollowed {
      Users.check(follower, "follower");
      Users.check(followee, "followee");
      if (follower.equals(followee)) {
        throw new IllegalArgumentException("a user cannot follow themself: " + follower);
      }
    }
  }

  /**
   * A post was accepted.
   *
   * @param postId its id, unique
   * @param author who wrote it
   * @param text what it says, 1 to {@value #MAX_TEXT} chars
   */
  public record PostCreated(String postId, String author, String text) {
    /** The longest post. */
    public static final int MAX_TEXT = 5_000;

    /** Checks the parts. */
    public PostCreated {
      Objects.requireNonNull(postId, "postId");
      Users.check(author, "author");
      Objects.requireNonNull(text, "text");
      if (postId.isBlank()) {
        throw new IllegalArgumentException("postId is blank");
      }
      if (text.isBlank() || text.length() > MAX_TEXT) {
        throw new IllegalArgumentException(
            "text must be 1.." + MAX_TEXT + " chars, not blank: " + text.length());
      }
    }
  }

  static byte[] write(Record event) {
    try {
      return JSON.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write " + event, e);
    }
  }

  /** Reads an event, or throws with the reason (bad JSON, a missing or bad field). */
  static <E extends Record> E read(byte[] body, Class<E> type) throws IOException {
    try {
      E event = JSON.readValue(body, type);
      if (event == null) {
        throw new IOException("empty body");
      }
      return event;
    } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
      throw new IOException(
          "bad " + type.getSimpleName() + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** User names: 1 to 64 chars, no control characters. */
  static final class Users {
    private Users() {}

    static void check(String user, String what) {
      Objects.requireNonNull(user, what);
      if (user.isBlank() || user.length() > 64 || user.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException(
            what + " must be 1..64 chars without control characters: \"" + user + "\"");
      }
    }
  }
}
