package org.interviewtasks.senior.advanced.plugins;

/**
 * A plugin failed while it ran: it threw, hit a class missing from its jar, or returned null. The
 * message names the plugin and its jar; the cause is what the plugin threw. The plugin stays
 * loaded.
 */
public final class PluginException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * A plugin's failure.
   *
   * @param message which plugin, from which jar, and what happened
   * @param cause what the plugin threw, or null
   */
  public PluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
