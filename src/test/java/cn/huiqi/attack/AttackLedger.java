package cn.huiqi.attack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Counts every attack the suite tries, by family, and whether the system refused it. Attack tests call
 * {@link #refused} or {@link #accepted} once per attempt (and still assert the refusal themselves);
 * {@link AttackSummaryListener} writes the count of the run (all test JVMs) to {@code target/attack-summary.txt},
 * which scripts/test.sh prints when Maven ends.
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
        return summary(counts());
    }

    /** This test JVM's counts: family → {refused, accepted}. */
    private static Map<String, int[]> counts() {
        Map<String, int[]> counts = new TreeMap<>();
        FAMILIES.forEach((family, c) -> counts.put(family, new int[] {c[0].get(), c[1].get()}));
        return counts;
    }

    private static String summary(Map<String, int[]> counts) {
        int refused = 0;
        int accepted = 0;
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, int[]> family : new TreeMap<>(counts).entrySet()) {
            int r = family.getValue()[0];
            int a = family.getValue()[1];
            refused += r;
            accepted += a;
            lines.append(String.format("  %-44s attempts %5d  refused %5d  accepted %3d%n", family.getKey(), r + a, r, a));
        }
        return "ATTACK SUITE: attempts " + (refused + accepted) + ", refused " + refused + ", accepted " + accepted
                + System.lineSeparator() + lines;
    }

    /**
     * Writes the closing count of the whole run to {@code file} and answers it: surefire runs the suite in two test
     * JVMs (pom.xml's forkCount), so each JVM leaves its own counts next to it ({@code attack-ledger/<run>-<fork>.tsv},
     * run = huiqi.test.run, one value per Maven run) and, holding a lock on that directory, writes the sum of every
     * count of this run so far; the JVM that ends last writes the whole run's.
     */
    static String write(Path file) {
        Path ledgers = file.resolveSibling("attack-ledger");
        String run = System.getProperty("huiqi.test.run", "");
        String fork = System.getProperty("huiqi.test.fork", "");
        String prefix = (run.isBlank() ? "run" : run.replaceAll("[^0-9A-Za-z]", "")) + "-";
        try {
            Files.createDirectories(ledgers);
            try (FileChannel channel = FileChannel.open(ledgers.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (run.isBlank()) {
                    // not started by surefire's configuration in pom.xml: this JVM's counts only
                    try (Stream<Path> old = Files.list(ledgers)) {
                        for (Path stale : old.filter(p -> p.getFileName().toString().endsWith(".tsv")).toList()) {
                            Files.delete(stale);
                        }
                    }
                }
                StringBuilder mine = new StringBuilder();
                counts().forEach((family, c) -> mine.append(family).append('\t').append(c[0]).append('\t').append(c[1]).append('\n'));
                Files.writeString(ledgers.resolve(prefix + (fork.isBlank() ? "1" : fork) + ".tsv"), mine, StandardCharsets.UTF_8);
                Map<String, int[]> total = new TreeMap<>();
                try (Stream<Path> all = Files.list(ledgers)) {
                    for (Path ledger : all.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(".tsv")).sorted().toList()) {
                        for (String line : Files.readAllLines(ledger, StandardCharsets.UTF_8)) {
                            String[] f = line.split("\t");
                            int[] sum = total.computeIfAbsent(f[0], k -> new int[2]);
                            sum[0] += Integer.parseInt(f[1]);
                            sum[1] += Integer.parseInt(f[2]);
                        }
                    }
                }
                String summary = summary(total);
                Files.writeString(file, summary, StandardCharsets.UTF_8);
                return summary;
            }
        } catch (IOException e) {
            System.out.println("could not write " + file + ": " + e.getMessage());
            return summary();
        }
    }
}
