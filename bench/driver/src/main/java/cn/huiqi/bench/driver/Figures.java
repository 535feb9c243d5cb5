package cn.huiqi.bench.driver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every value measured, by figure and app, in the order measured; rendered as the result table. */
final class Figures {

    /** A figure: its label, how many decimals it shows, and whether the baseline has it at all. */
    record Figure(String label, int decimals, boolean baselineHasIt) {
    }

    private final Map<Figure, Map<String, List<Double>>> values = new LinkedHashMap<>();

    synchronized void add(Figure figure, String app, double value) {
        values.computeIfAbsent(figure, f -> new LinkedHashMap<>()).computeIfAbsent(app, a -> new ArrayList<>()).add(value);
    }

    synchronized List<Double> of(Figure figure, String app) {
        return values.getOrDefault(figure, Map.of()).getOrDefault(app, List.of());
    }

    /** figure | Huiqi | baseline | ratio: medians, (min–max) when there is more than one run. */
    synchronized String table(List<Figure> order, String huiqi, String baseline) {
        return table(order, huiqi, baseline, "Huiqi", "bare Camunda");
    }

    /** The same, with the columns named. */
    synchronized String table(List<Figure> order, String huiqi, String baseline, String huiqiColumn, String baselineColumn) {
        StringBuilder out = new StringBuilder("| figure | " + huiqiColumn + " | " + baselineColumn + " | ratio |\n|---|---|---|---|\n");
        for (Figure figure : order) {
            List<Double> h = of(figure, huiqi);
            List<Double> b = of(figure, baseline);
            if (h.isEmpty() && b.isEmpty()) {
                continue;
            }
            double ratio = Stats.median(h) / Stats.median(b);
            out.append("| ").append(figure.label()).append(" | ").append(cell(h, figure.decimals()))
                    .append(" | ").append(figure.baselineHasIt() ? cell(b, figure.decimals()) : "–")
                    .append(" | ").append(figure.baselineHasIt() && !Double.isNaN(ratio) && !Double.isInfinite(ratio)
                            ? String.format(Locale.ROOT, "%.2f", ratio) : "")
                    .append(" |\n");
        }
        return out.toString();
    }

    /** Every run's value, for the record. */
    synchronized String raw(List<Figure> order, List<String> apps) {
        StringBuilder out = new StringBuilder("| figure | app | values in run order |\n|---|---|---|\n");
        for (Figure figure : order) {
            for (String app : apps) {
                List<Double> v = of(figure, app);
                if (!v.isEmpty()) {
                    List<String> shown = v.stream().map(x -> format(x, figure.decimals())).toList();
                    out.append("| ").append(figure.label()).append(" | ").append(app).append(" | ")
                            .append(String.join(", ", shown)).append(" |\n");
                }
            }
        }
        return out.toString();
    }

    private static String cell(List<Double> values, int decimals) {
        if (values.isEmpty()) {
            return "n/a";
        }
        String median = format(Stats.median(values), decimals);
        return values.size() == 1 ? median
                : median + " (" + format(Stats.min(values), decimals) + "–" + format(Stats.max(values), decimals) + ")";
    }

    static String format(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** Run-by-run ratios of a figure (the apps' runs are interleaved, so run i of one ran next to run i of the other), and their median. */
    synchronized String pairedRatios(Figure figure, String a, String b) {
        List<Double> x = of(figure, a);
        List<Double> y = of(figure, b);
        List<Double> ratios = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            ratios.add(x.get(i) / y.get(i));
        }
        return ratios.isEmpty() ? "" : String.format(Locale.ROOT, "%s, %s ÷ %s run by run: %s (median %.2f)%n%n", figure.label(), a, b,
                String.join(", ", ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList()), Stats.median(ratios));
    }
}
