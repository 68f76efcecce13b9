package org.interviewtasks.junior.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import javax.imageio.ImageIO;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ImageToGrayscaleTest {

  @TempDir Path dir;

  @Nested
  class Luma {

    @ParameterizedTest(name = "#{0} -> {1}")
    @CsvSource({
      "FF0000, 76", // 76.245
      "00FF00, 150", // 149.685
      "0000FF, 29", // 29.07
      "FFFFFF, 255",
      "000000, 0",
      "808080, 128",
      "0A141E, 18", // 2.99 + 11.74 + 3.42 = 18.15
      "0000FA, 29", // 28.5: halves round up
      "FFFF00, 226", // 225.93
      "FF00FF, 105" // 105.315
    })
    void isBt601RoundedHalfUp(String hex, int expected) {
      assertThat(ImageToGrayscale.luma(Integer.parseInt(hex, 16))).isEqualTo(expected);
    }

    @Test
    void ignoresTheAlphaByte() {
      assertThat(ImageToGrayscale.luma(0xFF0000FA)).isEqualTo(29);
      assertThat(ImageToGrayscale.luma(0x12FF0000)).isEqualTo(76);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.files.ImageToGrayscaleTest#seeds")
    void agreesWithTheFormulaInExactDecimals(long seed) {
      var random = new SplittableRandom(seed);
      for (int i = 0; i < 100; i++) {
        int argb = random.nextInt();

        assertThat(ImageToGrayscale.luma(argb)).isEqualTo(oracle(argb));
      }
    }

    @Test
    void aGrayStaysTheSameGray() {
      for (int v = 0; v <= 255; v++) {
        assertThat(ImageToGrayscale.luma(v << 16 | v << 8 | v)).isEqualTo(v);
      }
    }
  }

  @Nested
  class Converting {

    @Test
    void anOpaqueImageBecomesEightBitGrayWithExactLevels() throws IOException {
      Path source =
          png(
              "colours.png",
              BufferedImage.TYPE_INT_RGB,
              0xFF0000,
              0x00FF00,
              0x0000FF,
              0xFFFFFF,
              0x000000,
              0x0000FA);
      Path target = dir.resolve("gray.png");

      ImageToGrayscale.convert(source, target);

      BufferedImage gray = ImageIO.read(target.toFile());
      assertThat(gray.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
      assertThat(gray.getWidth()).isEqualTo(3);
      assertThat(gray.getHeight()).isEqualTo(2);
      assertThat(gray.getRaster().getPixels(0, 0, 3, 2, (int[]) null))
          .containsExactly(76, 150, 29, 255, 0, 29);
    }

    @Test
    void transparencyIsKeptAndTheGrayComesFromTheColourAlone() throws IOException {
      Path source =
          png(
              "alpha.png",
              BufferedImage.TYPE_INT_ARGB,
              0x80FF00FF,
              0x00FF0000,
              0xFF00FF00,
              0x010000FF);
      Path target = dir.resolve("gray.png");

      ImageToGrayscale.convert(source, target);

      BufferedImage gray = ImageIO.read(target.toFile());
      assertThat(gray.getColorModel().hasAlpha()).isTrue();
      assertThat(gray.getRGB(0, 0)).isEqualTo(0x80696969);
      assertThat(gray.getRGB(1, 0)).isEqualTo(0x004C4C4C);
      assertThat(gray.getRGB(0, 1)).isEqualTo(0xFF969696);
      assertThat(gray.getRGB(1, 1)).isEqualTo(0x011D1D1D);
    }

    @Test
    void toGrayscaleWritesLevelsIntoTheRasterNotThroughSetRgb() {
      var image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
      image.setRGB(0, 0, 0x808080);
      image.setRGB(1, 0, 0xFF0000);

      BufferedImage gray = ImageToGrayscale.toGrayscale(image);

      assertThat(gray.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
      assertThat(gray.getRaster().getSample(0, 0, 0)).isEqualTo(128);
      assertThat(gray.getRaster().getSample(1, 0, 0)).isEqualTo(76);
    }

    @Test
    void writesTheFormatOfTheTargetsExtension() throws IOException {
      Path source =
          png("c.png", BufferedImage.TYPE_INT_RGB, 0x336699, 0x336699, 0x336699, 0x336699);
      Path jpeg = dir.resolve("gray.JPG");
      Path bmp = dir.resolve("gray.bmp");

      ImageToGrayscale.convert(source, jpeg);
      ImageToGrayscale.convert(source, bmp);

      assertThat(Files.readAllBytes(jpeg)).startsWith((byte) 0xFF, (byte) 0xD8); // JPEG's SOI
      assertThat(Files.readAllBytes(bmp)).startsWith((byte) 'B', (byte) 'M');
      int expected = ImageToGrayscale.luma(0x336699);
      assertThat(ImageIO.read(bmp.toFile()).getRaster().getSample(1, 1, 0)).isEqualTo(expected);
      assertThat(ImageIO.read(jpeg.toFile()).getRaster().getSample(1, 1, 0))
          .isBetween(expected - 2, expected + 2); // JPEG is lossy
    }

    @Test
    void theTargetMayBeTheSource() throws IOException {
      Path file = png("c.png", BufferedImage.TYPE_INT_RGB, 0xFF0000);

      ImageToGrayscale.convert(file, file);

      assertThat(ImageIO.read(file.toFile()).getRaster().getSample(0, 0, 0)).isEqualTo(76);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyPixelOfARandomImageIsItsLuma(long seed) throws IOException {
    var random = new SplittableRandom(seed);
    boolean alpha = random.nextBoolean();
    int[] pixels = new int[random.nextInt(1, 10) * random.nextInt(1, 4)];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = alpha ? random.nextInt() : random.nextInt(1 << 24);
    }
    Path source =
        png("random.png", alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB, pixels);
    Path target = dir.resolve("gray-" + seed + ".png");

    ImageToGrayscale.convert(source, target);

    BufferedImage gray = ImageIO.read(target.toFile());
    int width = gray.getWidth();
    for (int i = 0; i < pixels.length; i++) {
      int x = i % width;
      int y = i / width;
      int level = oracle(pixels[i]);
      if (alpha) {
        assertThat(gray.getRGB(x, y)).isEqualTo((pixels[i] & 0xFF000000) | level * 0x010101);
      } else {
        assertThat(gray.getRaster().getSample(x, y, 0)).isEqualTo(level);
      }
    }
  }

  @Nested
  class Refusing {

    @Test
    void aFormatWithoutTransparencyForAnImageWithItLeavesTheTarget() throws IOException {
      Path source = png("alpha.png", BufferedImage.TYPE_INT_ARGB, 0x80FF0000);
      Path folder = Files.createDirectory(dir.resolve("out"));
      Path jpeg = Files.writeString(folder.resolve("old.jpg"), "old");

      assertThatIllegalArgumentException()
          .isThrownBy(() -> ImageToGrayscale.convert(source, jpeg))
          .withMessage("jpg cannot hold this image (it has transparency); write a PNG");

      assertThat(Files.readString(jpeg)).isEqualTo("old");
      assertThat(TestFiles.names(folder)).containsExactly("old.jpg");
    }

    @Test
    void anUnknownExtensionNamesTheFile() throws IOException {
      Path source = png("c.png", BufferedImage.TYPE_INT_RGB, 0xFF0000);

      assertThatIllegalArgumentException()
          .isThrownBy(() -> ImageToGrayscale.convert(source, dir.resolve("gray.xyz")))
          .withMessage("no image format for 'gray.xyz'; use .png, .jpg, .gif or .bmp");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ImageToGrayscale.convert(source, dir.resolve("gray")))
          .withMessage("no image format for 'gray'; use .png, .jpg, .gif or .bmp");
    }

    @Test
    void aFileThatIsNotAnImageIsNamed() throws IOException {
      Path text = Files.writeString(dir.resolve("notes.png"), "just text");

      assertThatThrownBy(() -> ImageToGrayscale.convert(text, dir.resolve("gray.png")))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(text + ": not an image ImageIO can read (PNG, JPEG, GIF, BMP, WBMP, TIFF)");
    }

    @Test
    void aTruncatedImageIsDamaged() throws IOException {
      byte[] whole =
          Files.readAllBytes(png("c.png", BufferedImage.TYPE_INT_RGB, 0xFF0000, 0x00FF00));
      Path truncated =
          Files.write(dir.resolve("truncated.png"), Arrays.copyOf(whole, whole.length / 2));

      assertThatThrownBy(() -> ImageToGrayscale.convert(truncated, dir.resolve("gray.png")))
          .isInstanceOf(MalformedFileException.class)
          .hasMessageStartingWith(truncated + ": damaged image: ");
      assertThat(dir.resolve("gray.png")).doesNotExist();
    }

    @Test
    void missingFilesAndNullsAreNamed() throws IOException {
      Path missing = dir.resolve("missing.png");
      Path source = png("c.png", BufferedImage.TYPE_INT_RGB, 0xFF0000);

      assertThatThrownBy(() -> ImageToGrayscale.convert(missing, dir.resolve("gray.png")))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(missing + ": no such file");
      assertThatNullPointerException()
          .isThrownBy(() -> ImageToGrayscale.convert(null, dir.resolve("gray.png")))
          .withMessage("source");
      assertThatNullPointerException()
          .isThrownBy(() -> ImageToGrayscale.convert(source, null))
          .withMessage("target");
      assertThatNullPointerException()
          .isThrownBy(() -> ImageToGrayscale.toGrayscale(null))
          .withMessage("image");
    }
  }

  @Nested
  class Main {

    @Test
    void convertsTheFile() throws Exception {
      Path source = png("c.png", BufferedImage.TYPE_INT_RGB, 0x00FF00);
      Path target = dir.resolve("gray.png");

      var printed =
          StdStreams.capture(() -> ImageToGrayscale.main(source.toString(), target.toString()));

      assertThat(printed.out()).isEqualTo("written to " + target + System.lineSeparator());
      assertThat(ImageIO.read(target.toFile()).getRaster().getSample(0, 0, 0)).isEqualTo(150);
    }

    @Test
    void needsTwoArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ImageToGrayscale.main("a.png"))
          .withMessage("usage: junior.files.18 <source-image> <target-image>");
    }
  }

  /** {@code round(0.299 R + 0.587 G + 0.114 B)}, halves up, in exact decimals. */
  private static int oracle(int rgb) {
    BigDecimal red = BigDecimal.valueOf(rgb >> 16 & 0xFF);
    BigDecimal green = BigDecimal.valueOf(rgb >> 8 & 0xFF);
    BigDecimal blue = BigDecimal.valueOf(rgb & 0xFF);
    return red.multiply(new BigDecimal("0.299"))
        .add(green.multiply(new BigDecimal("0.587")))
        .add(blue.multiply(new BigDecimal("0.114")))
        .setScale(0, RoundingMode.HALF_UP)
        .intValueExact();
  }

  /**
   * Writes a PNG of the given pixels, laid out in rows of up to three (or of {@code pixels.length}
   * when it does not divide by three), for the test to convert.
   */
  private Path png(String name, int type, int... pixels) throws IOException {
    int width = pixels.length % 3 == 0 ? 3 : pixels.length % 2 == 0 ? 2 : pixels.length;
    var image = new BufferedImage(width, pixels.length / width, type);
    for (int i = 0; i < pixels.length; i++) {
      image.setRGB(i % width, i / width, pixels[i]);
    }
    Path file = Files.createTempFile(dir, "image", "-" + name);
    assertThat(ImageIO.write(image, "png", file.toFile())).isTrue();
    return file;
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
