package org.interviewtasks.mid.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.interviewtasks.common.Task;

/**
 * A cache of fixed capacity that evicts the least recently used entry, with O(1) {@code get} and
 * {@code put}, built from a hash map and a hand-written doubly linked list.
 *
 * <p><b>Approach.</b> Two structures, each covering what the other cannot. A {@link HashMap} from
 * key to list node finds an entry in O(1). A doubly linked list keeps the entries in order of use,
 * most recent at the head: a node can be unlinked from the middle in O(1) because it knows both
 * neighbours, and moved to the head in O(1). {@link #get} moves the entry it finds to the head;
 * {@link #put} inserts at the head, or updates and moves an existing entry; when the cache is over
 * capacity, the node before the tail (the least recently used) is unlinked and removed from the
 * map. Two sentinel nodes, {@code head} and {@code tail}, that are never removed, spare every
 * operation the null checks for an empty list or an end node. O(capacity) space.
 *
 * <p><b>Eviction listener.</b> An optional {@link BiConsumer} hears about every entry evicted for
 * lack of space (not about {@link #remove} or a value replaced by {@link #put}): the place to close
 * a resource or count evictions. It runs after the cache is consistent again, so it may call the
 * cache; if it throws, the eviction has still happened.
 *
 * <p><b>Edge cases.</b> Capacity must be at least 1. Null keys and values are rejected, so that
 * {@code null} from {@link #get} unambiguously means "absent" (as in {@code ConcurrentHashMap}).
 * {@link #get} of a missing key changes nothing; {@link #peek} reads without touching the order.
 * With capacity 1 every new key evicts the previous one.
 *
 * <p><b>Thread safety.</b> Not thread-safe, and not even safe for concurrent readers: every {@link
 * #get} is a write, since it reorders the list, so a read-write lock does not help. Guard all
 * access with one lock, or use Caffeine, which records reads in lock-free buffers and replays them
 * in batches. {@link java.util.LinkedHashMap} in access order with {@code removeEldestEntry} is the
 * JDK's ready-made LRU map, with the same single-threaded design.
 *
 * <p><b>Follow-up.</b> <i>"Is LRU the best policy?"</i> A single scan over many one-off keys
 * flushes it; LFU, 2Q, ARC and Caffeine's W-TinyLFU keep frequently used entries through a scan.
 * <i>"Expire after a time?"</i> Store a deadline in each node and check it on read, with an
 * injectable clock; evict eagerly with a timing wheel.
 *
 * @param <K> the type of the keys
 * @param <V> the type of the values
 */
@Task(id = "mid.core.9", title = "LRU cache from scratch")
public final class LruCache<K, V> {

  /** A list node: an entry with links to its more and less recently used neighbours. */
  private static final class Node<K, V> {
    final K key;
    V value;
    Node<K, V> newer;
    Node<K, V> older;

    Node(K key, V value) {
      this.key = key;
      this.value = value;
    }
  }

  private final int capacity;
  private final BiConsumer<? super K, ? super V> evictionListener;
  private final Map<K, Node<K, V>> index;
  private final Node<K, V> head = new Node<>(null, null); // sentinel before the most recent
  private final Node<K, V> tail = new Node<>(null, null); // sentinel after the least recent

  /**
   * An empty cache of the given capacity.
   *
   * @throws IllegalArgumentException if {@code capacity} is less than 1
   */
  public LruCache(int capacity) {
    this(capacity, (key, value) -> {});
  }

  /**
   * An empty cache of the given capacity that reports evicted entries to {@code evictionListener}.
   *
   * @throws IllegalArgumentException if {@code capacity} is less than 1
   */
  public LruCache(int capacity, BiConsumer<? super K, ? super V> evictionListener) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.evictionListener = Objects.requireNonNull(evictionListener, "evictionListener");
    this.index = HashMap.newHashMap(Math.min(capacity, 1 << 16));
    head.older = tail;
    tail.newer = head;
  }

  /** The value for {@code key}, now the most recently used, or {@code null} if absent. */
  public V get(K key) {
    Node<K, V> node = index.get(Objects.requireNonNull(key, "key"));
    if (node == null) {
      return null;
    }
    moveToFront(node);
    return node.value;
  }

  /** The value for {@code key}, or {@code null} if absent, without changing the order of use. */
  public V peek(K key) {
    Node<K, V> node = index.get(Objects.requireNonNull(key, "key"));
    return node == null ? null : node.value;
  }

  /**
   * Maps {@code key} to {@code value}, now the most recently used entry, and evicts the least
   * recently used entry if the cache is over capacity.
   *
   * @return the previous value for {@code key}, or {@code null} if there was none
   */
  public V put(K key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Node<K, V> node = index.get(key);
    if (node != null) {
      V previous = node.value;
      node.value = value;
      moveToFront(node);
      return previous;
    }
    node = new Node<>(key, value);
    index.put(key, node);
    linkAtFront(node);
    if (index.size() > capacity) {
      Node<K, V> eldest = tail.newer;
      unlink(eldest);
      index.remove(eldest.key);
      evictionListener.accept(eldest.key, eldest.value);
    }
    return null;
  }

  /**
   * Removes the entry for {@code key}.
   *
   * @return its value, or {@code null} if there was none
   */
  public V remove(K key) {
    Node<K, V> node = index.remove(Objects.requireNonNull(key, "key"));
    if (node == null) {
      return null;
    }
    unlink(node);
    return node.value;
  }

  /** How many entries the cache holds. */
  public int size() {
    return index.size();
  }

  /** The most entries the cache holds. */
  public int capacity() {
    return capacity;
  }

  /** The keys from the most to the least recently used, as a new unmodifiable list. */
  public List<K> keys() {
    List<K> keys = new ArrayList<>(index.size());
    for (Node<K, V> node = head.older; node != tail; node = node.older) {
      keys.add(node.key);
    }
    return Collections.unmodifiableList(keys);
  }

  private void moveToFront(Node<K, V> node) {
    unlink(node);
    linkAtFront(node);
  }

  private void linkAtFront(Node<K, V> node) {
    node.newer = head;
    node.older = head.older;
    head.older.newer = node;
    head.older = node;
  }

  private void unlink(Node<K, V> node) {
    node.newer.older = node.older;
    node.older.newer = node.newer;
    node.newer = null; // no stale links: a bug that reuses the node fails fast
    node.older = null;
  }

  /** The entries from the most to the least recently used, e.g. {@code {b=2, a=1}}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    for (Node<K, V> node = head.older; node != tail; node = node.older) {
      text.append(node == head.older ? "" : ", ").append(node.key).append('=').append(node.value);
    }
    return text.append('}').toString();
  }
}
