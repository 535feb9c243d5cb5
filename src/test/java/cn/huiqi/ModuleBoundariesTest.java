package cn.huiqi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;

/**
 * The top-level packages under {@code cn.huiqi} are modules (Spring Modulith). Each declares in its
 * {@code package-info.java} which modules it may use ({@code @ApplicationModule(allowedDependencies = ...)}),
 * and those point down the layers below only, so an upward dependency, a cycle or a reach into another module's
 * internals (its sub-packages) fails the build. {@code docs/architecture.md} lists the same modules and
 * dependencies (checked here) and {@code docs/modules/} holds the diagrams generated from the verified model.
 *
 * <p>A new module: add its package with a {@code package-info.java} like its neighbours', put its name into one
 * of {@link #LAYERS}, run this test and paste the table it prints into docs/architecture.md.
 */
class ModuleBoundariesTest {

    /**
     * Bottom up. A module may depend on modules of lower layers, and on modules of its own layer where the layer
     * says so (cycles are refused either way). Measures never depend on each other.
     */
    static final List<Layer> LAYERS = List.of(
            new Layer("shared kernel 共享内核", true, "common", "catalogue", "process"),
            new Layer("directory 名录", true, "unit", "identity", "calendar", "enterprise"),
            new Layer("case core 案件核心", true, "casefile", "workflow"),
            new Layer("capabilities 通用能力", true, "claim", "evidence", "review", "fund", "settlement", "round", "rules", "project", "timelimit", "inbox", "evaluation", "board"),
            new Layer("measures 各项措施", false, "orderreward", "growthreward", "investmentreward", "pilotzone",
                    "contribution", "assistance", "financing", "fulfilment", "guide"));

    record Layer(String name, boolean siblingsMayDepend, String... modules) {
        boolean contains(String module) {
            return Arrays.asList(modules).contains(module);
        }
    }

    static final String BEGIN = "<!-- modules:begin -->";
    static final String END = "<!-- modules:end -->";

    private static ApplicationModules modules;

    static synchronized ApplicationModules modules() {
        if (modules == null) {
            modules = ApplicationModules.of(HuiqiApplication.class);
        }
        return modules;
    }

    @Test
    void everyModuleSitsInOneLayerAndDeclaresDependenciesDownwardOnly() {
        List<String> problems = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        modules().forEach(module -> names.add(module.getName()));
        for (String name : names) {
            long layers = LAYERS.stream().filter(layer -> layer.contains(name)).count();
            if (layers != 1) {
                problems.add("module " + name + " is in " + layers + " layers of ModuleBoundariesTest.LAYERS (put it in one)");
                continue;
            }
            List<String> allowed = declaredDependencies(name);
            if (allowed == null) {
                problems.add("module " + name + " declares no @ApplicationModule(allowedDependencies = ...) in its package-info.java");
                continue;
            }
            for (String target : allowed) {
                if (!names.contains(target)) {
                    problems.add(name + " allows " + target + ", which is no module");
                } else if (!mayDependOn(name, target)) {
                    problems.add(name + " (" + layerOf(name).name() + ") allows " + target + " (" + layerOf(target).name()
                            + "): dependencies point down the layers only");
                }
            }
        }
        for (Layer layer : LAYERS) {
            for (String module : layer.modules()) {
                if (!names.contains(module)) {
                    problems.add("layer " + layer.name() + " lists " + module + ", which is no module");
                }
            }
        }
        assertThat(problems).as("module layers").isEmpty();
    }

    @Test
    void modulesUseOnlyWhatTheyDeclareWithoutCyclesOrReachingIntoInternals() {
        Violations violations = modules().detectViolations();
        if (violations.hasViolations()) {
            fail("Module boundaries are broken.\n" + summary() + "\nSpring Modulith says:\n"
                    + violations.getMessages().stream().map(m -> m.length() > 1500 ? m.substring(0, 1500) + " ..." : m)
                    .collect(Collectors.joining("\n")));
        }
    }

    @Test
    void architectureDocListsExactlyTheVerifiedModules() throws IOException {
        Path doc = Path.of("docs/architecture.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("docs/architecture.md has " + BEGIN + " ... " + END).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String documented = text.substring(begin + BEGIN.length(), end).strip();
        String expected = moduleTable();
        if (!documented.equals(expected)) {
            fail("docs/architecture.md does not list the verified modules. Put this between " + BEGIN + " and " + END
                    + ":\n\n" + expected + "\n");
        }
    }

    /** Writes the diagrams of the verified model (PlantUML, one for all and one per module) and the module canvases. */
    @Test
    void writesTheModuleDocumentation() throws IOException {
        new Documenter(modules(), Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (var files = Files.list(Path.of("docs/modules"))) {
            for (Path file : files.toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (file.toString().endsWith(".puml")) {
                    Files.writeString(file, stableOrder(text), StandardCharsets.UTF_8);
                } else if (file.toString().endsWith(".adoc")) {
                    Files.writeString(file, stableCanvas(text), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(Path.of("docs/modules/components.puml")).exists();
    }

    /** A module canvas lists each cell's items (beans, events) in hash order too: each run of items sorted. */
    static String stableCanvas(String adoc) {
        List<String> lines = adoc.lines().map(String::stripTrailing).toList();
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            boolean opensCell = line.startsWith("|* ");
            if (!opensCell && !line.startsWith("* ")) {
                out.add(line);
                i++;
                continue;
            }
            List<String> items = new ArrayList<>(List.of(opensCell ? line.substring(1) : line));
            i++;
            while (i < lines.size()) {
                if (lines.get(i).startsWith("* ")) {
                    items.add(lines.get(i++));
                } else if (lines.get(i).isEmpty() && i + 1 < lines.size() && lines.get(i + 1).startsWith("* ")) {
                    i++;
                } else {
                    break;
                }
            }
            items.sort(null);
            out.add((opensCell ? "|" : "") + items.get(0));
            out.addAll(items.subList(1, items.size()));
        }
        return String.join("\n", out) + "\n";
    }

    /** Structurizr lists elements and relationships in hash order; sorted runs keep the committed files from churning. */
    static String stableOrder(String puml) {
        List<String> lines = new ArrayList<>(puml.lines().toList());
        int start = 0;
        while (start < lines.size()) {
            String kind = sortableKind(lines.get(start));
            int end = start + 1;
            while (kind != null && end < lines.size() && kind.equals(sortableKind(lines.get(end)))) {
                end++;
            }
            if (kind != null) {
                lines.subList(start, end).sort(null);
            }
            start = end;
        }
        return String.join("\n", lines) + "\n";
    }

    private static String sortableKind(String line) {
        String trimmed = line.strip();
        return trimmed.startsWith("Rel(") ? "Rel" : trimmed.startsWith("Component(") ? "Component" : null;
    }

    /** Prints, per module, how many public types other modules (or the BPMN models) use, and how many nobody outside does. */
    @Test
    void printsThePublicApiOfEachModule() throws IOException {
        String models = modelExpressions();
        Map<String, String> sources = sourcesByModule();
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, List<String>> unused = new TreeMap<>();
        modules().forEach(module -> {
            int[] count = counts.computeIfAbsent(module.getName(), n -> new int[2]);
            module.getBasePackage().stream()
                    .filter(type -> type.isTopLevelClass() && type.getModifiers().contains(JavaModifier.PUBLIC))
                    .filter(type -> !type.getSimpleName().equals("package-info"))
                    .forEach(type -> {
                        if (usedOutside(type, module.getName()) || models.contains("${" + beanName(type))
                                || namedOutside(type, module.getName(), sources)) {
                            count[0]++;
                        } else {
                            count[1]++;
                            unused.computeIfAbsent(module.getName(), n -> new ArrayList<>()).add(type.getSimpleName());
                        }
                    });
        });
        StringBuilder report = new StringBuilder("public types per module: used outside / used by nobody outside\n");
        counts.forEach((module, count) -> report.append(String.format("  %-17s %3d / %3d  %s%n", module, count[0], count[1],
                unused.getOrDefault(module, List.of()))));
        System.out.println(report);
    }

    private static boolean usedOutside(JavaClass type, String module) {
        Set<JavaClass> family = new java.util.HashSet<>();
        family.add(type);
        collectNested(type, family);
        return family.stream().flatMap(t -> t.getDirectDependenciesToSelf().stream())
                .map(dependency -> moduleOf(dependency.getOriginClass()))
                .anyMatch(origin -> origin != null && !origin.equals(module));
    }

    /** Compile-time constants (Groups.X) leave no trace in the byte code: a qualified name in another module's source counts. */
    private static boolean namedOutside(JavaClass type, String module, Map<String, String> sources) {
        return sources.entrySet().stream().filter(e -> !e.getKey().equals(module))
                .anyMatch(e -> e.getValue().contains(type.getName() + ";") || e.getValue().contains(type.getName() + "."));
    }

    private static Map<String, String> sourcesByModule() throws IOException {
        Map<String, String> sources = new TreeMap<>();
        Path root = Path.of("src/main/java/cn/huiqi");
        try (var files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.getParent().equals(root)).toList()) {
                sources.merge(root.relativize(file).getName(0).toString(), Files.readString(file, StandardCharsets.UTF_8), String::concat);
            }
        }
        return sources;
    }

    private static void collectNested(JavaClass type, Set<JavaClass> into) {
        for (JavaClass member : type.getPackage().getClasses()) {
            if (member.getEnclosingClass().map(type::equals).orElse(false) && into.add(member)) {
                collectNested(member, into);
            }
        }
    }

    private static String moduleOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith("cn.huiqi.")) {
            return null;
        }
        String rest = name.substring("cn.huiqi.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static String beanName(JavaClass type) {
        String simple = type.getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    private static String modelExpressions() throws IOException {
        StringBuilder text = new StringBuilder();
        try (var files = Files.walk(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                text.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    /** The table of docs/architecture.md: layer, module, its display name and the modules it may use. */
    static String moduleTable() {
        StringBuilder table = new StringBuilder("""
                | Layer | Module | Name | May use |
                |---|---|---|---|
                """);
        for (Layer layer : LAYERS) {
            for (String name : layer.modules()) {
                String display = modules().getModuleByName(name).map(m -> m.getDisplayName()).orElse("?");
                List<String> allowed = declaredDependencies(name);
                table.append("| ").append(layer.name()).append(" | `").append(name).append("` | ").append(display).append(" | ")
                        .append(allowed == null || allowed.isEmpty() ? "—"
                                : allowed.stream().map(a -> "`" + a + "`").collect(Collectors.joining(", ")))
                        .append(" |\n");
            }
        }
        return table.toString().strip();
    }

    /** What the module's package-info allows, in layer order; null if it declares nothing (Modulith: anything). */
    static List<String> declaredDependencies(String module) {
        ApplicationModule declaration;
        try {
            declaration = Class.forName("cn.huiqi." + module + ".package-info").getAnnotation(ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
        if (declaration == null || Arrays.asList(declaration.allowedDependencies()).contains(ApplicationModule.OPEN_TOKEN)) {
            return null;
        }
        List<String> order = LAYERS.stream().flatMap(layer -> Arrays.stream(layer.modules())).toList();
        return Arrays.stream(declaration.allowedDependencies())
                .sorted(java.util.Comparator.comparingInt((String m) -> order.indexOf(m) < 0 ? Integer.MAX_VALUE : order.indexOf(m)))
                .toList();
    }

    private static Layer layerOf(String module) {
        return LAYERS.stream().filter(layer -> layer.contains(module)).findFirst().orElseThrow();
    }

    private static boolean mayDependOn(String module, String target) {
        int from = LAYERS.indexOf(layerOf(module));
        int to = LAYERS.indexOf(layerOf(target));
        return to < from || (to == from && layerOf(module).siblingsMayDepend() && !module.equals(target));
    }

    /** module → the modules it uses without declaring them (or against the layers), with the types involved. */
    static String summary() {
        Map<String, Map<String, Set<String>>> offending = new TreeMap<>();
        modules().forEach(module -> {
            List<String> allowed = declaredDependencies(module.getName());
            module.getDirectDependencies(modules()).stream().forEach((ApplicationModuleDependency dependency) -> {
                String target = dependency.getTargetModule().getName();
                boolean declared = allowed == null || allowed.contains(target);
                boolean downward = LAYERS.stream().anyMatch(l -> l.contains(module.getName()))
                        && LAYERS.stream().anyMatch(l -> l.contains(target)) && mayDependOn(module.getName(), target);
                if (!declared || !downward) {
                    offending.computeIfAbsent(module.getName() + " → " + target + (downward ? " (not declared)" : " (upward)"),
                            k -> new TreeMap<>())
                            .computeIfAbsent(dependency.getSourceType().getSimpleName(), k -> new TreeSet<>())
                            .add(dependency.getTargetType().getSimpleName());
                }
            });
        });
        if (offending.isEmpty()) {
            return "(every dependency is declared and points down; see Modulith's message for cycles or internals)\n";
        }
        StringBuilder text = new StringBuilder();
        offending.forEach((edge, types) -> {
            text.append("  ").append(edge).append('\n');
            types.forEach((source, targets) -> text.append("      ").append(source).append(" uses ").append(targets).append('\n'));
        });
        return text.toString();
    }
}
