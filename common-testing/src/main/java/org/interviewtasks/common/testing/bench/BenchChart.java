package org.interviewtasks.common.testing.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interviewtasks.common.testing.bench.BenchReport.Row;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.SVGUtils;

/**
 * The table's ratios as a chart: one horizontal bar per table row that has a ratio, from 1 to the
 * ratio on a logarithmic axis (so 2 times better and 2 times worse are bars of the same length on
 * either side of the line at 1), with the ratio's 99.9% interval as an error bar. Drawn with
 * JFreeChart and written as SVG by JFreeSVG.
 *
 * <p><b>Intervals a log axis cannot show.</b> A half-width larger than the ratio puts the
 * interval's lower end at 0 or below, which has no place on a log scale. So each interval is drawn
 * at most a decade either side of its ratio (on a log scale, 0 is infinitely far away; a decade is
 * far enough to say "unknown", and keeps one wild interval from squeezing every bar); an end
 * clipped there ends in an arrow instead of a cap, and the note under the chart says so. Rows whose
 * interval is n/a, or that are exact counts, get no error bar.
 *
 * <p><b>For machines and tests.</b> Each bar with its error bar is an SVG group {@code <g
 * class="bench-bar" id="bench-bar-N">} (N counts from 0 in the table's order), with {@code
 * data-clipped="low"}, {@code "high"} or {@code "both"} where an end is clipped, and a {@code
 * <title>} with the row's label and ratio; the line at 1 is the group {@code id="bench-one"}. A
 * table with no ratio gives a chart with no bar and a message saying so, rather than an error: a
 * README that links the chart keeps a valid image.
 *
 * <p><b>Deterministic.</b> The same rows give the same bytes: no time stamps, fixed ids instead of
 * JFreeSVG's time-based prefix, coordinates rounded to two decimals, no gradients, one element a
 * line. Text is laid out in Liberation Sans, loaded from the class path, so another machine places
 * it the same way.
 */
final class BenchChart {

  /** The class of each bar's group. */
  static final String BAR_CLASS = "bench-bar";

  /** The id of the group of the line at 1. */
  static final String ONE_ID = "bench-one";

  /** Shown instead of bars when no row has a ratio. */
  static final String NO_DATA = "No ratio to chart: no result of ours had a baseline in this run.";

  static final String NOTE =
      "Each bar goes from 1 to the ratio, on a log scale: to the right ours is better, to the left"
          + " worse. Lines: the ratio's 99.9% interval (both sides' errors combined); none where"
          + " the table says n/a or the measure is an exact count. An arrow instead of a cap: the"
          + " interval goes on, and is drawn only to a decade from its ratio; a lower end at 0 or"
          + " below (the half-width exceeds the ratio) cannot be shown on a log scale at all.";

  private static final int WIDTH = 1200;
  private static final int ROW_HEIGHT = 18;

  /** Title, subtitle, axis, legend and note: about 150 pixels, and some room to spare. */
  private static final int FRAME_HEIGHT = 180;

  /** The thickest a bar gets, in pixels, when there are few. */
  private static final double MAX_BAR = 13;

  private static final Color BETTER = new Color(0x1F77B4);
  private static final Color WORSE = new Color(0xFF7F0E);
  private static final Color INK = new Color(0x333333);
  private static final BasicStroke ONE_STROKE = new BasicStroke(1.5f);
  private static final Font LABEL_FONT = font("LiberationSans-Regular.ttf", 11);
  private static final Font NOTE_FONT = font("LiberationSans-Regular.ttf", 10);
  private static final Font TITLE_FONT = font("LiberationSans-Bold.ttf", 14);

  /** How far past the data the axis goes, as a factor on the log scale. */
  private static final double MARGIN = 1.25;

  /** How far from its ratio an interval is drawn at most, as a factor. */
  private static final double DECADE = 10;

  private BenchChart() {}

  /**
   * Liberation Sans (metrics-compatible with Arial), read from the class path: every machine lays
   * the text out the same way, and a JVM with no system font at all can still measure it.
   */
  private static Font font(String file, float size) {
    String resource = "liberation/" + file;
    try (InputStream in = BenchChart.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " is not on the class path (com.github.librepdf:openpdf-fonts-extra)");
      }
      return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(size);
    } catch (IOException | FontFormatException e) {
      throw new IllegalStateException("cannot read the font " + resource, e);
    }
  }

  /** The chart of the rows that have a ratio, as an SVG document. */
  static String svg(String title, String subtitle, List<Row> rows) {
    List<Row> bars = rows.stream().filter(Row::hasRatio).toList();
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (int i = 0; i < bars.size(); i++) {
      dataset.addValue(bars.get(i).ratio(), "ratio", new Category(i, bars.get(i).label()));
    }

    CategoryAxis categories = new CategoryAxis();
    categories.setTickLabelFont(LABEL_FONT);
    categories.setTickLabelPaint(INK);
    categories.setMaximumCategoryLabelWidthRatio(0.45f);
    categories.setCategoryMargin(0.25);
    categories.setTickMarksVisible(false);
    categories.setLowerMargin(0.01);
    categories.setUpperMargin(0.01);

    RatioAxis ratios = new RatioAxis();
    ratios.setRange(range(bars));

    int height = FRAME_HEIGHT + ROW_HEIGHT * Math.max(bars.size(), 2);
    RatioRenderer renderer = new RatioRenderer(bars);
    renderer.setMaximumBarWidth(MAX_BAR / (height - 150)); // a share of the plot's height
    CategoryPlot plot = new CategoryPlot(dataset, categories, ratios, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setNoDataMessage(NO_DATA);
    plot.setNoDataMessageFont(LABEL_FONT);
    plot.addRangeMarker(new ValueMarker(1.0, INK, ONE_STROKE));
    plot.setFixedLegendItems(legend());

    JFreeChart chart = new JFreeChart(plot);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTitle(
        new TextTitle(
            title,
            TITLE_FONT,
            INK,
            RectangleEdge.TOP,
            HorizontalAlignment.CENTER,
            VerticalAlignment.CENTER,
            new RectangleInsets(6, 6, 2, 6)));
    chart.addSubtitle(0, new TextTitle(subtitle, NOTE_FONT));
    LegendTitle legend = chart.getLegend();
    legend.setItemFont(NOTE_FONT);
    legend.setFrame(BlockBorder.NONE);
    TextTitle note = new TextTitle(NOTE, NOTE_FONT);
    note.setPosition(RectangleEdge.BOTTOM);
    note.setPaint(INK);
    note.setMaximumLinesToDisplay(3);
    note.setPadding(new RectangleInsets(4, 12, 8, 12));
    chart.addSubtitle(1, note); // before the legend: drawn first, so outermost

    SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, height);
    g2.setDefsKeyPrefix("bench-");
    // A viewer without Liberation Sans falls back to Arial, whose metrics are the same.
    g2.setFontFunction(
        family ->
            family.equals("Liberation Sans")
                ? "Liberation Sans, Arial, Helvetica, sans-serif"
                : family);
    g2.setGeomDoubleConverter(SVGUtils.createDoubleConverter(2));
    g2.setTransformDoubleConverter(SVGUtils.createDoubleConverter(4));
    chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, height));
    // One element a line, so that a committed chart's diff shows what changed. Between two tags
    // there is never text (JFreeSVG escapes every < and > of a label), so nothing else moves.
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + g2.getSVGElement().replace("><", ">\n<")
        + "\n";
  }

  /**
   * The part of a row's interval that the chart draws: at most a decade either side of the ratio;
   * null where the row has no interval.
   *
   * @param low the lower end drawn
   * @param high the upper end drawn
   * @param lowClipped whether the interval goes on below {@code low} (to 0 or below, perhaps)
   * @param highClipped whether it goes on above {@code high}
   */
  record Interval(double low, double high, boolean lowClipped, boolean highClipped) {

    static Interval of(Row row) {
      double ratio = row.ratio();
      double halfWidth = row.halfWidth();
      if (!Double.isFinite(halfWidth) || halfWidth <= 0) {
        return null;
      }
      double floor = ratio / DECADE;
      double ceiling = ratio * DECADE;
      double low = ratio - halfWidth;
      double high = ratio + halfWidth;
      return new Interval(
          Math.max(low, floor), Math.min(high, ceiling), low < floor, high > ceiling);
    }

    /** {@code low}, {@code high} or {@code both}; null when nothing is clipped. */
    String clipped() {
      return lowClipped && highClipped ? "both" : lowClipped ? "low" : highClipped ? "high" : null;
    }
  }

  /** The axis' range: 1, every ratio and what is drawn of its interval, at least 0.5 to 2. */
  static Range range(List<Row> bars) {
    double lower = 0.5;
    double upper = 2;
    for (Row bar : bars) {
      lower = Math.min(lower, bar.ratio());
      upper = Math.max(upper, bar.ratio());
      Interval interval = Interval.of(bar);
      if (interval != null) {
        lower = Math.min(lower, interval.low());
        upper = Math.max(upper, interval.high());
      }
    }
    return new Range(lower / MARGIN, upper * MARGIN);
  }

  private static LegendItemCollection legend() {
    LegendItemCollection items = new LegendItemCollection();
    Shape box = new Rectangle2D.Double(-5, -5, 10, 10);
    items.add(new LegendItem("ours better (ratio above 1)", null, null, null, box, BETTER));
    items.add(new LegendItem("ours worse (below 1)", null, null, null, box, WORSE));
    items.add(
        new LegendItem(
            "1: as good as theirs",
            null,
            null,
            null,
            new Line2D.Double(0, -6, 0, 6),
            ONE_STROKE,
            INK));
    items.add(
        new LegendItem(
            "99.9% interval",
            null, null, null, new Line2D.Double(-9, 0, 9, 0), new BasicStroke(1.2f), INK));
    items.add(
        new LegendItem(
            "interval goes on (to 0 or below, perhaps): drawn to a decade from the ratio",
            null,
            null,
            null,
            arrow(5, 0, 1),
            INK));
    return items;
  }

  /** A small arrowhead with its tip at (x, y), pointing right ({@code direction} 1) or left. */
  private static Shape arrow(double x, double y, int direction) {
    Path2D.Double arrow = new Path2D.Double();
    arrow.moveTo(x, y);
    arrow.lineTo(x - direction * 7, y - 4);
    arrow.lineTo(x - direction * 7, y + 4);
    arrow.closePath();
    return arrow;
  }

  /**
   * A category of the chart: one table row, in the table's order, labelled by task, measure and
   * competitor. The index keeps two rows with the same label apart.
   */
  record Category(int index, String label) implements Comparable<Category> {
    @Override
    public int compareTo(Category other) {
      return Integer.compare(index, other.index);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /**
   * Log axis ticks that read as numbers: 1, 2, 5 in each decade when the axis spans three decades
   * or fewer, else one per decade; plain numbers from 0.001 to 10,000, powers of ten beyond.
   */
  static final class RatioAxis extends LogAxis {
    private static final long serialVersionUID = 1L;

    RatioAxis() {
      super("ratio, log scale (above 1: ours better)");
      setLabelFont(LABEL_FONT);
      setLabelPaint(INK);
      setTickLabelFont(LABEL_FONT);
      setTickLabelPaint(INK);
      setMinorTickMarksVisible(false);
    }

    /** The plot is horizontal, so its ratio axis is too. */
    @Override
    protected List<ValueTick> refreshTicksHorizontal(
        Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
      return ticks(getRange(), edge);
    }

    static List<ValueTick> ticks(Range range, RectangleEdge edge) {
      TextAnchor anchor =
          RectangleEdge.TOP.equals(edge) ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
      int first = (int) Math.floor(Math.log10(range.getLowerBound()));
      int last = (int) Math.ceil(Math.log10(range.getUpperBound()));
      int[] steps = last - first <= 3 ? new int[] {1, 2, 5} : new int[] {1};
      List<ValueTick> ticks = new ArrayList<>();
      for (int exponent = first; exponent <= last; exponent++) {
        for (int step : steps) {
          BigDecimal value = BigDecimal.valueOf(step).scaleByPowerOfTen(exponent);
          if (range.contains(value.doubleValue())) {
            ticks.add(
                new NumberTick(
                    TickType.MAJOR,
                    value.doubleValue(),
                    label(value),
                    anchor,
                    TextAnchor.CENTER,
                    0));
          }
        }
      }
      return ticks;
    }

    /** {@code 0.001}, {@code 2}, {@code 10,000}; {@code 10⁻⁶}, {@code 2×10⁵} beyond. */
    static String label(BigDecimal value) {
      BigDecimal exact = value.round(MathContext.DECIMAL64).stripTrailingZeros();
      int exponent = exact.precision() - exact.scale() - 1;
      if (exponent >= -3 && exponent <= 4) {
        return exact.scale() > 0
            ? exact.toPlainString()
            : String.format(Locale.ROOT, "%,d", exact.longValueExact());
      }
      BigDecimal mantissa = exact.scaleByPowerOfTen(-exponent).stripTrailingZeros();
      return (mantissa.compareTo(BigDecimal.ONE) == 0 ? "" : mantissa.toPlainString() + "×")
          + "10"
          + superscript(exponent);
    }

    private static String superscript(int exponent) {
      StringBuilder out = new StringBuilder();
      for (char c : Integer.toString(exponent).toCharArray()) {
        out.append(c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
      }
      return out.toString();
    }
  }

  /**
   * Bars from 1 to the ratio, coloured by which side wins, each in its own SVG group with its error
   * bar; the line at 1 in a group of its own.
   */
  static final class RatioRenderer extends BarRenderer {
    private static final long serialVersionUID = 1L;
    private static final double CAP = 3.5;

    /** The rows in the dataset's column order. */
    private final transient List<Row> bars;

    RatioRenderer(List<Row> bars) {
      this.bars = List.copyOf(bars);
      setBase(1.0);
      setBarPainter(new StandardBarPainter());
      setShadowVisible(false);
      setDrawBarOutline(false);
      setItemMargin(0);
    }

    @Override
    public Paint getItemPaint(int row, int column) {
      return bars.get(column).ratio() >= 1 ? BETTER : WORSE;
    }

    @Override
    public void drawItem(
        Graphics2D g2,
        CategoryItemRendererState state,
        Rectangle2D dataArea,
        CategoryPlot plot,
        CategoryAxis domainAxis,
        ValueAxis rangeAxis,
        CategoryDataset dataset,
        int row,
        int column,
        int pass) {
      Row bar = bars.get(column);
      Interval interval = Interval.of(bar);
      Map<String, String> group = new LinkedHashMap<>();
      group.put("id", BAR_CLASS + "-" + column);
      group.put("class", BAR_CLASS);
      if (interval != null && interval.clipped() != null) {
        group.put("data-clipped", interval.clipped());
      }
      g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, group);
      g2.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, bar.label() + ": " + bar.ratioText());
      super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
      if (interval != null) {
        double middle =
            calculateBarW0(
                    plot,
                    plot.getOrientation(),
                    dataArea,
                    domainAxis,
                    state,
                    state.getVisibleSeriesIndex(row),
                    column)
                + state.getBarWidth() / 2;
        RectangleEdge edge = plot.getRangeAxisEdge();
        double x0 = rangeAxis.valueToJava2D(interval.low(), dataArea, edge);
        double x1 = rangeAxis.valueToJava2D(interval.high(), dataArea, edge);
        Stroke stroke = g2.getStroke();
        g2.setPaint(INK);
        g2.setStroke(new BasicStroke(1.2f));
        g2.draw(new Line2D.Double(x0, middle, x1, middle));
        end(g2, x0, middle, interval.lowClipped(), -1);
        end(g2, x1, middle, interval.highClipped(), 1);
        g2.setStroke(stroke);
      }
      g2.setRenderingHint(SVGHints.KEY_END_GROUP, true);
    }

    private static void end(Graphics2D g2, double x, double y, boolean clipped, int direction) {
      if (clipped) {
        g2.fill(arrow(x, y, direction));
      } else {
        g2.draw(new Line2D.Double(x, y - CAP, x, y + CAP));
      }
    }

    @Override
    public void drawRangeMarker(
        Graphics2D g2, CategoryPlot plot, ValueAxis axis, Marker marker, Rectangle2D dataArea) {
      Map<String, String> group = new LinkedHashMap<>();
      group.put("id", ONE_ID);
      g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, group);
      super.drawRangeMarker(g2, plot, axis, marker, dataArea);
      g2.setRenderingHint(SVGHints.KEY_END_GROUP, true);
    }
  }
}
