import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

import javax.imageio.ImageIO;

/**
 * Draws kforge's desktop icon: a chip in the editor's accent blue with a "k" on it. Drawn from shapes at each
 * size, with no font, so every machine draws the same picture and small sizes stay sharp.
 * Usage: java DrawIcon.java SIZE FILE.png   (make-package runs it for each icon size it installs)
 */
public final class DrawIcon {
    private static final Color ACCENT = new Color(0x1565c0);
    private static final Color ACCENT_DARK = new Color(0x0d47a1);
    private static final Color CHIP = new Color(0x263238);
    private static final Color PIN = new Color(0xb0bec5);
    private static final Color LETTER = new Color(0xffb300);

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java DrawIcon.java SIZE FILE.png");
            System.exit(2);
        }
        int size = Integer.parseInt(args[0]);
        ImageIO.write(draw(size), "png", new File(args[1]));
    }

    private static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);

        g.setPaint(new GradientPaint(0, 0, ACCENT, 0, 256, ACCENT_DARK));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 48, 48));

        g.setColor(PIN);
        for (int i = 0; i < 4; i++) {
            double offset = 70 + i * 38;
            g.fill(new RoundRectangle2D.Double(offset, 34, 14, 40, 6, 6));
            g.fill(new RoundRectangle2D.Double(offset, 182, 14, 40, 6, 6));
            g.fill(new RoundRectangle2D.Double(34, offset, 40, 14, 6, 6));
            g.fill(new RoundRectangle2D.Double(182, offset, 40, 14, 6, 6));
        }
        g.setColor(CHIP);
        g.fill(new RoundRectangle2D.Double(58, 58, 140, 140, 20, 20));

        g.setColor(LETTER);
        g.setStroke(new BasicStroke(20, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D k = new Path2D.Double();
        k.moveTo(100, 82);
        k.lineTo(100, 174);
        k.moveTo(154, 104);
        k.lineTo(102, 142);
        k.moveTo(122, 128);
        k.lineTo(156, 174);
        g.draw(k);
        g.dispose();
        return image;
    }
}
