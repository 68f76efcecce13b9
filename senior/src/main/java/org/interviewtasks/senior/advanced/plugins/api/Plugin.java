package org.interviewtasks.senior.advanced.plugins.api;

/**
 * A plugin: a named text transformation that a jar in the plugin folder provides through {@link
 * java.util.ServiceLoader} (a {@code META-INF/services/} file naming its classes, each with a
 * public no-argument constructor). The jar's manifest states the API version it was built against
 * in {@value #MANIFEST_ATTRIBUTE}, for example {@code 1.0}.
 *
 * <p>Compatibility: the host accepts a plugin built for the same major version and a minor version
 * no newer than its own {@link #API_VERSION}, since minor versions only add (default methods, new
 * optional types) and majors may break.
 */
public interface Plugin {

  /** The version of this API: {@code major.minor}. */
  String API_VERSION = "1.1";

  /** The manifest attribute in which a plugin jar names the API version it needs. */
  String MANIFEST_ATTRIBUTE = "Plugin-Api-Version";

  /** The plugin's name, unique among the loaded plugins; what callers run it by. */
  String name();

  /** One line about what it does; empty by default. Added in 1.1. */
  default String description() {
    return "";
  }

  /**
   * Transforms {@code input}. May throw; the host reports the failure with the plugin's name and
   * jar, and the plugin stays loaded.
   *
   * @param input the text, never null
   * @return the result, never null
   */
  String apply(String input);
}
