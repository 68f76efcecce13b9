package org.interviewtasks.senior.architecture.socialmedia;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The timeline service's database, in memory: the follower view built from follow events, the
 * timelines (newest post first) and the ids of the posts already fanned out, which make applying a
 * redelivered post a no-op. A restarted service is given the same store, as it would reconnect to
 * the same database. Thread-safe.
 */
public final class TimelineStore {

  private final Map<String, Set<String>> followers = new HashMap<>();
  private final Map<String, List<Events.PostCreated>> timelines = new HashMap<>();
  private final Set<String> applied = new HashSet<>();

  /** Records a follow; idempotent. */
  public synchronized void follow(Events.UserFollowed follow) {
    followers.computeIfAbsent(follow.followee(), f -> new HashSet<>()).add(follow.follower());
  }

  /** Who follows {@code user}, sorted. */
  public synchronized List<String> followers(String user) {
    return List.copyOf(new TreeSet<>(followers.getOrDefault(user, Set.of())));
  }

  /**
   * Fans {@code post} out to its author's and followers' timelines, unless it was applied before.
   *
   * @return whether it was applied now (false for a redelivery)
   */
  public synchronized boolean apply(Events.PostCreated post) {
    if (!applied.add(post.postId())) {
      return false;
    }
    Set<String> recipients = new TreeSet<>(followers.getOrDefault(post.author(), Set.of()));
    recipients.add(post.author());
    for (String user : recipients) {
      timelines.computeIfAbsent(user, u -> new ArrayList<>()).add(post);
    }
    return true;
  }

  /** {@code user}'s timeline, newest first. */
  public synchronized List<Events.PostCreated> timeline(String user) {
    List<Events.PostCreated> posts = new ArrayList<>(timelines.getOrDefault(user, List.of()));
    Collections.reverse(posts);
    return List.copyOf(posts);
  }

  /** How many posts were fanned out. */
  public synchronized int appliedPosts() {
    return applied.size();
  }
}
