package kforge.kconfig.conf;

/**
 * glibc's srand()/rand() (the TYPE_3 additive feedback generator), so that randconfig with a given
 * KCONFIG_SEED picks exactly what conf picks.
 */
public final class GlibcRandom {
    private final int[] ring = new int[31];
    private int front;
    private int rear;

    public GlibcRandom(long seed) {
        int s = (int) seed;
        if (s == 0) {
            s = 1;
        }
        int[] state = new int[31];
        state[0] = s;
        // glibc keeps the seed in an int32_t: seeds from 2^31 up start negative.
        long word = s;
        for (int i = 1; i < 31; i++) {
            long hi = word / 127773;
            long lo = word % 127773;
            word = 16807 * lo - 2836 * hi;
            if (word < 0) {
                word += 2147483647;
            }
            state[i] = (int) word;
        }
        System.arraycopy(state, 0, ring, 0, 31);
        front = 3;
        rear = 0;
        for (int i = 0; i < 310; i++) {
            next();
        }
    }

    /** rand(): a value in [0, 2^31). */
    public int next() {
        ring[front] += ring[rear];
        int result = ring[front] >>> 1;
        front = (front + 1) % 31;
        rear = (rear + 1) % 31;
        return result;
    }
}
