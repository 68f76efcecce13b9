package org.interviewtasks.senior.concurrency.scraper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The rules of a {@code robots.txt} (RFC 9309) for one user agent: the group that names the agent
 * (or {@code *} if none does) and its {@code Allow} and {@code Disallow} path prefixes; the longest
 * matching rule wins, {@code Allow} on a tie; {@code *} in a rule matches any run of characters and
 * a final {@code $} anchors it.
 */
public final class RobotsTxt {
  private record Rule(boolean allow, String pattern) {}

  private static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of());
  private static final RobotsTxt DISALLOW_ALL = new RobotsTxt(List.of(new Rule(false, "/")));

  private final List<Rule> rules;

  private RobotsTxt(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** No rule: everything is allowed (no {@code robots.txt}, or a 4xx answer for it). */
  public static RobotsTxt allowAll() {
    return ALLOW_ALL;
  }

  /** Nothing is allowed (a 5xx answer or no answer for {@code robots.txt}: assume the worst). */
  public static RobotsTxt disallowAll() {
    return DISALLOW_ALL;
  }

  /**
   * Parses {@code text} for the agent {@code userAgent} (matched case-insensitively by its product
   * token, the part before any {@code /}).
   */
  public static RobotsTxt parse(String text, String userAgent) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(userAgent, "userAgent");
    String agent = userAgent.split("/", 2)[0].strip().toLowerCase(Locale.ROOT);
    List<Rule> mine = new ArrayList<>();
    List<Rule> star = new ArrayList<>();
    boolean mineFound = false;
    boolean inAgents = false;
    boolean forMe = false;
    boolean forStar = false;
    for (String raw : text.split("\r\n|\r|\n", -1)) {
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      switch (field) {
        case "user-agent" -> {
          if (!inAgents) {
            forMe = false;
            forStar = false;
          }
          inAgents = true;
          String named = value.toLowerCase(Locale.ROOT);
          if (named.equals("*")) {
            forStar = true;
          } else if (!agent.isEmpty() && named.equals(agent)) {
            forMe = true;
            mineFound = true;
          }
        }
        case "allow", "disallow" -> {
          inAgents = false;
          if (value.isEmpty()) {
            continue; // "Disallow:" with nothing allows all
          }
          Rule rule = new Rule(field.equals("allow"), value);
          if (forMe) {
            mine.add(rule);
          }
          if (forStar) {
            star.add(rule);
          }
        }
        default -> inAgents = false;
      }
    }
    return new RobotsTxt(mineFound ? mine : star);
  }

  /** Whether {@code pathAndQuery} (e.g. {@code /a/b?c=d}) may be fetched. */
  public boolean allows(String pathAndQuery) {
    Objects.requireNonNull(pathAndQuery, "pathAndQuery");
    Rule best = null;
    for (Rule rule : rules) {
      if (matches(rule.pattern(), pathAndQuery)
          && (best == null
              || rule.pattern().length() > best.pattern().length()
              || (rule.pattern().length() == best.pattern().length() && rule.allow()))) {
        best = rule;
      }
    }
    return best == null || best.allow();
  }

  private static boolean matches(String pattern, String path) {
    boolean anchored = pattern.endsWith("$");
    String body = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
    return matches(body, 0, path, 0, anchored);
  }

  private static boolean matches(String p, int i, String s, int j, boolean anchored) {
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '*') {
        for (int k = j; k <= s.length(); k++) {
          if (matches(p, i + 1, s, k, anchored)) {
            return true;
          }
        }
        return false;
      }
      if (j >= s.length() || s.charAt(j) != c) {
        return false;
      }
      i++;
      j++;
    }
    return !anchored || j == s.length();
  }
}
