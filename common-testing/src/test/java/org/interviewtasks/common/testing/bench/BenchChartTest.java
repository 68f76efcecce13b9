package org.interviewtasks.common.testing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.interviewtasks.common.testing.bench.BenchChart.Interval;
import org.interviewtasks.common.testing.bench.BenchChart.RatioAxis;
import org.interviewtasks.common.testing.bench.BenchReport.Result;
import org.interviewtasks.common.testing.bench.BenchReport.Row;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

class BenchChartTest {

  private static final String SVG_NS = "http://www.w3.org/2000/svg";

  /** A time (lower is better) of ours against a baseline's: the ratio is theirs ÷ ours. */
  private static Row row(
      String measure, double ours, double oursError, double theirs, double error) {
    return new Row(
        new Result("Task", measure, "ours", "", "avgt", ours, oursError, "ns/op"),
        new Result("Task", measure, "lib", "", "avgt", theirs, error, "ns/op"));
  }

  private static Row alone(String measure) {
    return new Row(new Result("Task", measure, "ours", "", "avgt", 1, 0.1, "ns/op"), null);
  }

  private static String svg(List<Row> rows) {
    return BenchChart.svg("title", "Measured today", rows);
  }

  /** Parses without DTDs or external entities: a chart is data, never a reason to fetch a URL. */
  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    factory.setNamespaceAware(true);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(new DefaultHandler()); // throws on errors instead of printing them
    return builder.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> elements(Node parent, String name) {
    NodeList nodes =
        parent instanceof Document document
            ? document.getElementsByTagNameNS(SVG_NS, name)
            : ((Element) parent).getElementsByTagNameNS(SVG_NS, name);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  /** The chart's text, one text element after another (a wrapped note is several). */
  private static String text(Document svg) {
    return String.join(" ", elements(svg, "text").stream().map(Node::getTextContent).toList());
  }

  private static List<Element> bars(Document svg) {
    return elements(svg, "g").stream()
        .filter(g -> g.getAttribute("class").equals(BenchChart.BAR_CLASS))
        .toList();
  }

  private static Element rect(Element bar) {
    List<Element> rects = elements(bar, "rect");
    assertThat(rects).as("one rect per bar").hasSize(1);
    return rects.getFirst();
  }

  private static double x(Element rect) {
    return Double.parseDouble(rect.getAttribute("x"));
  }

  private static double width(Element rect) {
    return Double.parseDouble(rect.getAttribute("width"));
  }

  @Test
  void drawsOneBarPerRowWithARatioInTheTablesOrder() throws Exception {
    List<Row> rows =
        List.of(
            row("a", 10, 1, 20, 2),
            alone("no baseline"),
            row("b", 10, 1, 5, 0.5),
            row("zero baseline", 10, 1, 0, 0),
            row("c", 10, 0, 40, 0));

    Document svg = parse(svg(rows));

    List<Element> bars = bars(svg);
    assertThat(bars)
        .extracting(bar -> bar.getAttribute("id"))
        .containsExactly("bench-bar-0", "bench-bar-1", "bench-bar-2");
    assertThat(bars)
        .extracting(bar -> elements(bar, "title").getFirst().getTextContent())
        .containsExactly(
            "Task: a vs lib: 2.00 ± 0.283",
            "Task: b vs lib: 0.500 ± 0.071",
            "Task: c vs lib: 4.00");
    bars.forEach(BenchChartTest::rect);
    // a labelled category per bar, and the rows without a ratio nowhere
    String text = text(svg);
    assertThat(text).contains("Task: a vs lib").contains("Task: c vs lib");
    assertThat(text).doesNotContain("no baseline").doesNotContain("zero baseline");
  }

  @Test
  void barsStartAtTheLineAtOneOnALogScale() throws Exception {
    Document svg =
        parse(
            svg(
                List.of(
                    row("ten times better", 1, 0, 10, 0),
                    row("a hundred times better", 1, 0, 100, 0),
                    row("ten times worse", 10, 0, 1, 0))));

    List<Element> ones =
        elements(svg, "g").stream()
            .filter(g -> g.getAttribute("id").equals(BenchChart.ONE_ID))
            .toList();
    assertThat(ones).hasSize(1);
    Element line = elements(ones.getFirst(), "line").getFirst();
    double one = Double.parseDouble(line.getAttribute("x1"));
    assertThat(Double.parseDouble(line.getAttribute("x2"))).isEqualTo(one);
    assertThat(Double.parseDouble(line.getAttribute("y2")))
        .isNotEqualTo(Double.parseDouble(line.getAttribute("y1")));

    List<Element> rects = bars(svg).stream().map(BenchChartTest::rect).toList();
    assertThat(x(rects.get(0))).isCloseTo(one, within(0.02));
    assertThat(x(rects.get(1))).isCloseTo(one, within(0.02));
    assertThat(x(rects.get(2)) + width(rects.get(2))).isCloseTo(one, within(0.02));
    // log scale: 100 is twice as far from 1 as 10, and 1/10 as far as 10 on the other side
    assertThat(width(rects.get(1))).isCloseTo(2 * width(rects.get(0)), within(0.05));
    assertThat(width(rects.get(2))).isCloseTo(width(rects.get(0)), within(0.05));
    assertThat(rects.get(0).getAttribute("style")).isNotEqualTo(rects.get(2).getAttribute("style"));
  }

  @Test
  void anIntervalReachingBelowZeroIsDrawnClippedAndSaysSo() throws Exception {
    // ours 10 ± 20, theirs 30 ± 0: ratio 3 ± 6, from -3 to 9
    String text = svg(List.of(row("wild", 10, 20, 30, 0), row("tame", 10, 1, 30, 3)));
    Document svg = parse(text);

    List<Element> bars = bars(svg);
    assertThat(bars).hasSize(2);
    Element wild = bars.get(0);
    assertThat(wild.getAttribute("data-clipped")).isEqualTo("low");
    rect(wild);
    assertThat(elements(wild, "path")).as("an arrow at the clipped end").hasSize(1);
    assertThat(elements(wild, "line")).as("the interval and the cap at its upper end").hasSize(2);
    Element tame = bars.get(1);
    assertThat(tame.hasAttribute("data-clipped")).isFalse();
    assertThat(elements(tame, "path")).isEmpty();
    assertThat(elements(tame, "line")).hasSize(3);
    assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
    assertThat(text(svg))
        .contains("cannot be shown on a log scale at all")
        .contains("interval goes on (to 0 or below, perhaps)");
  }

  @Test
  void aRowWithoutAnIntervalGetsNoErrorBar() throws Exception {
    Row exact = row("exact", 10, 0, 90, 0);
    Row unknown = row("n/a", 10, Double.NaN, 20, 1);

    Document svg = parse(svg(List.of(exact, unknown)));

    for (Element bar : bars(svg)) {
      rect(bar);
      assertThat(elements(bar, "line")).isEmpty();
      assertThat(elements(bar, "path")).isEmpty();
    }
    assertThat(Interval.of(exact)).isNull();
    assertThat(Interval.of(unknown)).isNull();
  }

  @Test
  void intervalsAreDrawnAtMostADecadeFromTheirRatio() {
    Interval within = Interval.of(row("within", 10, 1, 20, 2));
    assertThat(within.low()).isCloseTo(2 - 0.2 * Math.sqrt(2), within(1e-12));
    assertThat(within.high()).isCloseTo(2 + 0.2 * Math.sqrt(2), within(1e-12));
    assertThat(within.lowClipped() || within.highClipped()).isFalse();
    Interval wild = Interval.of(row("wild", 1, 20, 1, 0));
    assertThat(wild).isEqualTo(new Interval(0.1, 10, true, true));
    assertThat(wild.clipped()).isEqualTo("both");
    assertThat(Interval.of(row("below zero", 10, 20, 30, 0)).clipped()).isEqualTo("low");
    assertThat(Interval.of(row("within", 10, 1, 20, 2)).clipped()).isNull();
    assertThat(new Interval(1, 10, false, true).clipped()).isEqualTo("high");
  }

  @Test
  void theAxisHoldsOneEveryRatioAndWhatIsDrawnOfEachInterval() {
    assertThat(BenchChart.range(List.of())).isEqualTo(new Range(0.5 / 1.25, 2 * 1.25));
    Range range = BenchChart.range(List.of(row("worse", 100, 0, 1, 0), row("wild", 1, 20, 50, 0)));
    assertThat(range.getLowerBound()).isCloseTo(0.01 / 1.25, within(1e-12));
    assertThat(range.getUpperBound()).isCloseTo(500 * 1.25, within(1e-9));
  }

  @Test
  void ticksAreOneTwoFivePerDecadeOnShortAxesAndDecadesOnLongOnes() {
    assertThat(RatioAxis.ticks(new Range(0.4, 2.5), RectangleEdge.BOTTOM))
        .extracting(ValueTick::getText)
        .containsExactly("0.5", "1", "2");
    assertThat(RatioAxis.ticks(new Range(3e-6, 2e4), RectangleEdge.TOP))
        .extracting(ValueTick::getText)
        .containsExactly(
            "10⁻⁵", "10⁻⁴", "0.001", "0.01", "0.1", "1", "10", "100", "1,000", "10,000");
    assertThat(RatioAxis.ticks(new Range(1.5e5, 2.5e6), RectangleEdge.BOTTOM))
        .extracting(ValueTick::getText)
        .containsExactly("2×10⁵", "5×10⁵", "10⁶", "2×10⁶");
    assertThat(RatioAxis.ticks(new Range(0.4, 2.5), RectangleEdge.TOP))
        .extracting(ValueTick::getTextAnchor)
        .containsOnly(TextAnchor.BOTTOM_CENTER);
    assertThat(RatioAxis.ticks(new Range(0.4, 2.5), RectangleEdge.BOTTOM))
        .extracting(ValueTick::getTextAnchor)
        .containsOnly(TextAnchor.TOP_CENTER);
    assertThat(RatioAxis.label(new BigDecimal("0.002"))).isEqualTo("0.002");
    assertThat(RatioAxis.label(new BigDecimal("5E-7"))).isEqualTo("5×10⁻⁷");
  }

  @Test
  void noRatioGivesAChartWithoutBarsThatSaysWhy() throws Exception {
    for (List<Row> rows : List.of(List.<Row>of(), List.of(alone("no baseline")))) {
      Document svg = parse(svg(rows));

      assertThat(bars(svg)).isEmpty();
      assertThat(text(svg)).contains(BenchChart.NO_DATA);
    }
  }

  @Test
  void theSameRowsGiveTheSameBytes() throws Exception {
    List<Row> rows = List.of(row("a<b & c>d", 10, 1, 20, 2), row("wild", 10, 20, 30, 0));

    String first = svg(rows);
    String second = svg(List.copyOf(rows));

    assertThat(second).isEqualTo(first);
    assertThat(text(parse(first))).contains("Task: a<b & c>d vs lib");
    assertThat(first.lines()).as("one element a line, for readable diffs").hasSizeGreaterThan(50);
    assertThat(first)
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg")
        .doesNotContain("<!DOCTYPE");
    // JFreeSVG's own prefix for ids is time-based; ours is fixed
    assertThat(first.replaceAll("id='bench-[^']*'", "")).doesNotContainPattern("id='[^']*'");
  }

  @Test
  void theParserRefusesADocumentType() {
    String withDoctype =
        "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<svg xmlns='http://www.w3.org/2000/svg'>&x;</svg>";

    assertThatThrownBy(() -> parse(withDoctype)).isInstanceOf(SAXParseException.class);
  }
}
