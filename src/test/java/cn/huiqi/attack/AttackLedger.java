package cn.huiqi.attack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts every attack the suite tries, by family, and whether the system refused it. Attack tests call
 * {@link #refused} or {@link #accepted} once per attempt (and still assert the refusal themselves);
 * {@link AttackSummaryListener} prints the closing count when the test run ends and writes it to
 * {@code target/attack-summary.txt}.
 */
public final class AttackLedger {

    private static final Map<String, AtomicInteger[]> FAMILIES = new ConcurrentHashMap<>();

    private AttackLedger() {
    }

    /** One attempt of {@code family} that the system refused. */
    public static void refused(String family) {
        counts(family)[0].incrementAndGet();
    }

    /** One attempt of {@code family} that the system accepted (the test then fails). */
    public static void accepted(String family, String what) {
        counts(family)[1].incrementAndGet();
        System.out.println("ATTACK ACCEPTED [" + family + "] " + what);
    }

    /** Records the attempt as refused or accepted and returns whether it was refused. */
    public static boolean record(String family, boolean wasRefused, String what) {
        if (wasRefused) {
            refused(family);
        } else {
            accepted(family, what);
        }
        return wasRefused;
    }

    private static AtomicInteger[] counts(String family) {
        return FAMILIES.computeIfAbsent(family, f -> new AtomicInteger[] {new AtomicInteger(), new AtomicInteger()});
    }

    static boolean isEmpty() {
        return FAMILIES.isEmpty();
    }

    static String summary() {
        int refused = 0;
        int accepted = 0;
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, AtomicInteger[]> family : new TreeMap<>(FAMILIES).entrySet()) {
            int r = family.getValue()[0].get();
            int a = family.getValue()[1].get();
            refused += r;
            accepted += a;
            lines.append(String.format("  %-44s attempts %5d  refused %5d  accepted %3d%n", family.getKey(), r + a, r, a));
        }
        return "ATTACK SUITE: attempts " + (refused + accepted) + ", refused " + refused + ", accepted " + accepted
                + System.lineSeparator() + lines;
    }

    static void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, summary(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.out.println("could not write " + file + ": " + e.getMessage());
        }
    }
}
