package org.interviewtasks.senior.concurrency.scraper;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The crawl's embedded database (H2 through JDBC): the stored pages and the frontier, the URLs
 * discovered with their state, so that a crawl stopped at any point resumes from what was
 * committed.
 *
 * <p>A fetched page is recorded in one transaction with its newly found links and the state change
 * of its URL: either all of it is there after a crash, or none (and the URL is fetched again). The
 * page write is an upsert ({@code MERGE ... KEY}, H2's form of PostgreSQL's {@code INSERT ... ON
 * CONFLICT DO UPDATE}), so a page fetched again replaces its row; a link that is already in the
 * frontier is left alone, whatever its state.
 */
public final class CrawlStore implements AutoCloseable {

  /** Where a URL of the frontier stands. */
  public enum State {
    /** Discovered, not stored yet. */
    QUEUED,
    /** Fetched and stored. */
    DONE,
    /** Not to be fetched: {@code robots.txt} forbids it. */
    DISALLOWED
  }

  /**
   * A URL of the frontier.
   *
   * @param url the normalised URL
   * @param depth links followed from a seed to reach it
   */
  public record Entry(URI url, int depth) {}

  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean closed;

  private CrawlStore(Connection connection) throws SQLException {
    this.connection = connection;
    try (Statement statement = connection.createStatement()) {
      if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
        // H2 writes a commit to its file up to 500 ms later by default: a crawler killed in that
        // window would lose pages it had committed. Resuming relies on every commit being there.
        statement.execute("SET WRITE_DELAY 0");
      }
      statement.execute(
          "CREATE TABLE IF NOT EXISTS frontier (url VARCHAR(4096) PRIMARY KEY, depth INT NOT NULL,"
              + " state VARCHAR(16) NOT NULL)");
      statement.execute(
          "CREATE TABLE IF NOT EXISTS pages (url VARCHAR(4096) PRIMARY KEY, status INT NOT NULL,"
              + " title VARCHAR NOT NULL, links INT NOT NULL, redirect_to VARCHAR(4096),"
              + " error VARCHAR, fetched_at TIMESTAMP WITH TIME ZONE NOT NULL)");
    }
    connection.setAutoCommit(false);
    connection.commit();
  }

  /**
   * Opens (creating if needed) the store at a JDBC URL, e.g. {@code jdbc:h2:file:/tmp/crawl}.
   *
   * @throws IllegalStateException if the database cannot be opened, naming the URL
   */
  public static CrawlStore open(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    try {
      return new CrawlStore(DriverManager.getConnection(jdbcUrl));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the crawl database " + jdbcUrl, e);
    }
  }

  /** Adds the URLs not in the frontier yet as {@code QUEUED}; returns those that were new. */
  public List<Entry> enqueue(Collection<Entry> entries) {
    Objects.requireNonNull(entries, "entries");
    return inTransaction(() -> insertNew(entries));
  }

  /** Every URL of the frontier and its state. */
  public Map<URI, State> frontier() {
    return inTransaction(
        () -> {
          Map<URI, State> states = new LinkedHashMap<>();
          try (Statement statement = connection.createStatement();
              ResultSet rows =
                  statement.executeQuery("SELECT url, state FROM frontier ORDER BY url")) {
            while (rows.next()) {
              states.put(URI.create(rows.getString(1)), State.valueOf(rows.getString(2)));
            }
          }
          return states;
        });
  }

  /** The URLs still to fetch, shallowest first. */
  public List<Entry> queued() {
    return inTransaction(
        () -> {
          List<Entry> entries = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT url, depth FROM frontier WHERE state = ? ORDER BY depth, url")) {
            select.setString(1, State.QUEUED.name());
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                entries.add(new Entry(URI.create(rows.getString(1)), rows.getInt(2)));
              }
            }
          }
          return entries;
        });
  }

  /**
   * Stores {@code page}, marks its URL {@code DONE} and adds its links, in one transaction.
   *
   * @return the links that were new to the frontier
   */
  public List<Entry> store(Page page, Collection<Entry> links) {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(links, "links");
    return inTransaction(
        () -> {
          try (PreparedStatement merge =
              connection.prepareStatement(
                  "MERGE INTO pages (url, status, title, links, redirect_to, error, fetched_at)"
                      + " KEY (url) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            merge.setString(1, page.url().toString());
            merge.setInt(2, page.status());
            merge.setString(3, page.title());
            merge.setInt(4, page.links());
            merge.setString(5, page.redirectTo() == null ? null : page.redirectTo().toString());
            merge.setString(6, page.error() == null ? null : page.error());
            merge.setTimestamp(7, Timestamp.from(page.fetchedAt()));
            merge.executeUpdate();
          }
          setState(page.url(), State.DONE);
          return insertNew(links);
        });
  }

  /** Marks {@code url} as forbidden by {@code robots.txt}. */
  public void disallow(URI url) {
    Objects.requireNonNull(url, "url");
    inTransaction(
        () -> {
          setState(url, State.DISALLOWED);
          return null;
        });
  }

  /** The stored pages, by URL. */
  public List<Page> pages() {
    return inTransaction(
        () -> {
          List<Page> pages = new ArrayList<>();
          try (Statement statement = connection.createStatement();
              ResultSet rows =
                  statement.executeQuery(
                      "SELECT url, status, title, links, redirect_to, error, fetched_at FROM pages"
                          + " ORDER BY url")) {
            while (rows.next()) {
              String redirect = rows.getString(5);
              pages.add(
                  new Page(
                      URI.create(rows.getString(1)),
                      rows.getInt(2),
                      rows.getString(3),
                      rows.getInt(4),
                      redirect == null ? null : URI.create(redirect),
                      rows.getString(6),
                      rows.getTimestamp(7).toInstant()));
            }
          }
          return pages;
        });
  }

  /** Closes the database connection. Idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        connection.close();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close the crawl database", e);
    } finally {
      lock.unlock();
    }
  }

  private List<Entry> insertNew(Collection<Entry> entries) throws SQLException {
    List<Entry> added = new ArrayList<>();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO frontier (url, depth, state) SELECT ?, ?, ? FROM DUAL"
                + " WHERE NOT EXISTS (SELECT 1 FROM frontier WHERE url = ?)")) {
      for (Entry entry : entries) {
        String url = entry.url().toString();
        insert.setString(1, url);
        insert.setInt(2, entry.depth());
        insert.setString(3, State.QUEUED.name());
        insert.setString(4, url);
        if (insert.executeUpdate() == 1) {
          added.add(entry);
        }
      }
    }
    return added;
  }

  private void setState(URI url, State state) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "MERGE INTO frontier (url, depth, state) KEY (url) VALUES (?, "
                + "COALESCE((SELECT depth FROM frontier WHERE url = ?), 0), ?)")) {
      update.setString(1, url.toString());
      update.setString(2, url.toString());
      update.setString(3, state.name());
      update.executeUpdate();
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T run() throws SQLException;
  }

  private <T> T inTransaction(Work<T> work) {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("the crawl store is closed");
      }
      try {
        T result = work.run();
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e instanceof RuntimeException r
            ? r
            : new IllegalStateException("crawl database: " + e.getMessage(), e);
      }
    } finally {
      lock.unlock();
    }
  }
}
