package org.interviewtasks.junior.files;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Reads an image file (PNG, JPEG, GIF, BMP...) and writes it in grayscale.
 *
 * <p><b>Approach.</b> {@code javax.imageio} reads and writes the file, with no library beyond the
 * JDK (where Python would use Pillow). Each pixel's gray level is its <em>luma</em>, the weighted
 * sum of its red, green and blue by ITU-R BT.601, the weights Pillow's {@code convert("L")} uses:
 * {@code Y = 0.299 R + 0.587 G + 0.114 B}, rounded half up, computed exactly in integers as {@code
 * (299 R + 587 G + 114 B + 500) / 1000}. Green weighs most because the eye is most sensitive to it;
 * the plain average {@code (R + G + B) / 3} makes pure blue look as bright as pure green. The
 * weights add up to 1, so a gray pixel keeps its value and white stays 255. O(pixels) time.
 *
 * <p><b>Alpha and formats.</b> An image without transparency becomes an 8-bit gray image ({@link
 * BufferedImage#TYPE_BYTE_GRAY}); one with transparency keeps each pixel's alpha unchanged, and its
 * gray comes from the colour alone (not pre-multiplied by the alpha). Pixels are read through
 * {@link BufferedImage#getRGB}, as 8-bit sRGB, whatever the file's own format; the gray levels are
 * written straight into the raster, because {@code setRGB} on a gray image would convert them
 * through a linear gray colour space and brighten them. The output format follows the target's
 * extension; a format that cannot hold the image (JPEG and BMP have no transparency) is an {@link
 * IllegalArgumentException} rather than a silent loss of the alpha.
 *
 * <p><b>Edge cases.</b> A file that no reader understands, or a damaged one, is a {@link
 * MalformedFileException}; an unknown target extension an {@link IllegalArgumentException}. The
 * target is written atomically (temporary file, then rename) and may be the source. The image is
 * encoded in memory, not through ImageIO's disk cache, so nothing is written to the temporary
 * directory.
 *
 * <p><b>Follow-up.</b> <i>"Perceptually exact?"</i> BT.601 on gamma-encoded values is the
 * convention, not physics: converting to linear light, weighting with BT.709 (0.2126, 0.7152,
 * 0.0722) and encoding again is more exact. <i>"Huge images?"</i> Read and write in tiles with
 * {@code ImageReader.read(index, param)} and a source region.
 */
@Task(id = "junior.files.18", title = "Convert an image to grayscale")
public final class ImageToGrayscale {

  private ImageToGrayscale() {}

  /**
   * Writes a grayscale version of the image in {@code source} to {@code target}, in the format of
   * the target's extension ({@code png}, {@code jpg}, {@code gif}, {@code bmp}...), atomically.
   *
   * @throws MalformedFileException if the source is not an image ImageIO can read
   * @throws IllegalArgumentException if the target's extension names no format ImageIO writes, or
   *     one that cannot hold the image (transparency in JPEG or BMP)
   * @throws java.nio.file.NoSuchFileException if the source or the target's folder is missing
   */
  public static void convert(Path source, Path target) throws IOException {
    TextFiles.requireFile(source, "source");
    TextFiles.requireTarget(target, "target");
    ImageWriter writer = writerFor(target);
    try {
      BufferedImage gray = toGrayscale(read(source));
      if (!writer
          .getOriginatingProvider()
          .canEncodeImage(ImageTypeSpecifier.createFromRenderedImage(gray))) {
        throw new IllegalArgumentException(
            formatOf(target) + " cannot hold this image (it has transparency); write a PNG");
      }
      AtomicWrite.replace(
          target,
          out -> {
            try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
              writer.setOutput(stream);
              writer.write(gray);
            }
            return null;
          });
    } finally {
      writer.dispose();
    }
  }

  /**
   * A grayscale copy of {@code image}: {@link BufferedImage#TYPE_BYTE_GRAY}, or {@link
   * BufferedImage#TYPE_INT_ARGB} with the alpha kept if the image has transparency.
   */
  public static BufferedImage toGrayscale(BufferedImage image) {
    Objects.requireNonNull(image, "image");
    int width = image.getWidth();
    int height = image.getHeight();
    boolean alpha = image.getColorModel().hasAlpha();
    var gray =
        new BufferedImage(
            width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster raster = gray.getRaster();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int argb = image.getRGB(x, y);
        int luma = luma(argb);
        if (alpha) {
          gray.setRGB(x, y, (argb & 0xFF00_0000) | luma << 16 | luma << 8 | luma);
        } else {
          raster.setSample(x, y, 0, luma);
        }
      }
    }
    return gray;
  }

  /**
   * The BT.601 luma of an sRGB colour, {@code round(0.299 R + 0.587 G + 0.114 B)} with halves
   * rounded up; the alpha byte is ignored.
   *
   * @param rgb the colour as {@code 0xAARRGGBB} or {@code 0xRRGGBB}
   * @return the gray level, 0 to 255
   */
  public static int luma(int rgb) {
    int red = rgb >> 16 & 0xFF;
    int green = rgb >> 8 & 0xFF;
    int blue = rgb & 0xFF;
    return (299 * red + 587 * green + 114 * blue + 500) / 1000;
  }

  private static BufferedImage read(Path source) throws IOException {
    BufferedImage image;
    try {
      image = ImageIO.read(source.toFile());
    } catch (IIOException | EOFException e) {
      throw new MalformedFileException(source, "damaged image: " + e.getMessage(), e);
    }
    if (image == null) {
      throw new MalformedFileException(
          source, "not an image ImageIO can read (PNG, JPEG, GIF, BMP, WBMP, TIFF)", null);
    }
    return image;
  }

  private static ImageWriter writerFor(Path target) {
    String format = formatOf(target);
    Iterator<ImageWriter> writers = ImageIO.getImageWritersBySuffix(format);
    if (!writers.hasNext()) {
      throw new IllegalArgumentException(
          "no image format for '" + target.getFileName() + "'; use .png, .jpg, .gif or .bmp");
    }
    return writers.next();
  }

  /** The target's extension, lower-cased: {@code png} for {@code photo.PNG}. */
  private static String formatOf(Path target) {
    String name = target.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * Writes a grayscale version of the image named by the first argument to the file named by the
   * second.
   *
   * @throws IllegalArgumentException unless there are exactly two arguments
   */
  public static void main(String... args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: junior.files.18 <source-image> <target-image>");
    }
    convert(Args.toPath(args[0]), Args.toPath(args[1]));
    System.out.println("written to " + args[1]);
  }
}
