package kforge.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Reads standard input on a background thread from the start. Scripts that feed conf answers (such as
 * the kernel's Kconfig test suite, which writes newlines in a loop) then never block on a full pipe
 * while the JVM starts, and are not left blocked when kforge exits.
 */
final class DrainingInput extends InputStream {
    private static final byte[] EOF = new byte[0];

    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    DrainingInput(InputStream source) {
        Thread pump = new Thread(() -> pump(source), "stdin-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private void pump(InputStream source) {
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = source.read(buf)) > 0) {
                byte[] chunk = new byte[n];
                System.arraycopy(buf, 0, chunk, 0, n);
                chunks.add(chunk);
            }
        } catch (IOException e) {
            // end of input as far as the reader is concerned
        }
        chunks.add(EOF);
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean fill() throws IOException {
        while (!ended && pos >= current.length) {
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            pos = 0;
            if (current == EOF) {
                ended = true;
            }
        }
        return !ended;
    }
}
