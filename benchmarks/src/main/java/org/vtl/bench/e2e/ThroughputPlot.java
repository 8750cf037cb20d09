package org.vtl.bench.e2e;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/**
 * A small Java2D chart: aggregate MB/s against block size, one line per target and drive count (write and read
 * side by side), for one corpus and one in-flight depth; raw-disk O_DIRECT dashed for reference.
 */
public final class ThroughputPlot {
    private static final int PANEL_W = 520;
    private static final int H = 420;
    private static final int LEFT = 60;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final int RIGHT = 20;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0x17becf), new Color(0x7f7f7f)};

    private ThroughputPlot() {
    }

    public static void render(List<ScenarioResult> all, Corpus.Kind corpus, int outstanding, Path png)
            throws IOException {
        List<ScenarioResult> rows = all.stream().filter(r -> r.verified() && r.scenario().corpus() == corpus
                && (r.scenario().outstanding() == outstanding || r.target().startsWith("raw-direct"))
                && !r.target().equals("raw-buffered")).toList();
        TreeSet<Integer> sizes = new TreeSet<>();
        rows.forEach(r -> sizes.add(r.scenario().blockSize()));
        Map<String, List<ScenarioResult>> series = new LinkedHashMap<>();
        for (ScenarioResult r : rows) {
            String name = r.target().startsWith("raw") ? r.target() + " (disk)"
                    : r.target() + ", " + r.scenario().drives() + " drive" + (r.scenario().drives() > 1 ? "s" : "");
            series.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
        }
        double max = rows.stream().mapToDouble(r -> Math.max(r.writeAggregate(), r.readAggregate())).max().orElse(1);
        BufferedImage img = new BufferedImage(PANEL_W * 2, H + 20 * ((series.size() + 2) / 3),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        List<Integer> x = new ArrayList<>(sizes);
        panel(g, 0, "write, " + corpus.label() + ", " + outstanding + " in flight", x, series, max, true);
        panel(g, PANEL_W, "read + verify, " + corpus.label() + ", " + outstanding + " in flight", x, series, max,
                false);
        legend(g, series);
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    private static void panel(Graphics2D g, int ox, String title, List<Integer> sizes,
                              Map<String, List<ScenarioResult>> series, double max, boolean write) {
        int w = PANEL_W - LEFT - RIGHT;
        int h = H - TOP - BOTTOM;
        double top = niceCeiling(max);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        g.drawString(title, ox + LEFT, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i <= 5; i++) {
            int y = TOP + h - h * i / 5;
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(ox + LEFT, y, ox + LEFT + w, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format("%.0f", top * i / 5), ox + 8, y + 4);
        }
        g.drawString("MB/s", ox + 8, TOP - 8);
        for (int i = 0; i < sizes.size(); i++) {
            g.drawString(Report.size(sizes.get(i)), ox + xAt(i, sizes.size(), w) - 20, TOP + h + 18);
        }
        g.drawString("block size", ox + LEFT + w / 2 - 25, TOP + h + 38);
        g.setColor(Color.BLACK);
        g.drawRect(ox + LEFT, TOP, w, h);
        int c = 0;
        for (Map.Entry<String, List<ScenarioResult>> e : series.entrySet()) {
            g.setColor(PALETTE[c++ % PALETTE.length]);
            boolean raw = e.getKey().startsWith("raw");
            g.setStroke(raw ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                    new float[] {6f, 4f}, 0f) : new BasicStroke(2.2f));
            int px = -1;
            int py = -1;
            for (ScenarioResult r : e.getValue().stream()
                    .sorted((a, b) -> Integer.compare(a.scenario().blockSize(), b.scenario().blockSize())).toList()) {
                double v = write ? r.writeAggregate() : r.readAggregate();
                int xi = ox + xAt(sizes.indexOf(r.scenario().blockSize()), sizes.size(), w);
                int yi = TOP + h - (int) (h * Math.min(v, top) / top);
                g.fillOval(xi - 3, yi - 3, 7, 7);
                if (px >= 0) {
                    g.drawLine(px, py, xi, yi);
                }
                px = xi;
                py = yi;
            }
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void legend(Graphics2D g, Map<String, List<ScenarioResult>> series) {
        int c = 0;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (String name : series.keySet()) {
            int col = c % 3;
            int row = c / 3;
            int lx = LEFT + col * 320;
            int ly = H + row * 20;
            g.setColor(PALETTE[c % PALETTE.length]);
            g.fillRect(lx, ly - 9, 18, 4);
            g.setColor(Color.BLACK);
            g.drawString(name, lx + 24, ly - 3);
            c++;
        }
    }

    private static int xAt(int i, int n, int w) {
        return LEFT + (n <= 1 ? w / 2 : 30 + (w - 60) * i / (n - 1));
    }

    private static double niceCeiling(double v) {
        double step = Math.pow(10, Math.floor(Math.log10(Math.max(v, 1))));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * step >= v) {
                return m * step;
            }
        }
        return 10 * step;
    }
}
