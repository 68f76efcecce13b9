package org.interviewtasks.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogContractTest {

  /** A type to look for in sample sources. */
  static final class Sample {}

  @Test
  void countsTheJavadocLinesRightBeforeTheDeclaration() {
    String source =
        """
        package x;

        /**
         * One.
         * Two.
         */
        @Deprecated
        final class Sample {}
        """;

    assertThat(CatalogContract.javadocLines(source, Sample.class)).isEqualTo(4);
  }

  @Test
  void aCommentFarFromTheDeclarationDoesNotCount() {
    String source =
        """
        /**
         * About the import.
         *
         */
        import java.util.List;

        public class Sample {}
        """;

    assertThat(CatalogContract.javadocLines(source, Sample.class)).isZero();
  }

  @Test
  void noCommentOrNoDeclarationIsZero() {
    assertThat(CatalogContract.javadocLines("public class Sample {}", Sample.class)).isZero();
    assertThat(CatalogContract.javadocLines("/**\n*\n*/\nclass Other {}", Sample.class)).isZero();
    assertThat(CatalogContract.javadocLines("/* plain\n\n\n */ record Sample() {}", Sample.class))
        .isZero();
  }
}
