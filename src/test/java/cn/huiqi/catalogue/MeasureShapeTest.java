package cn.huiqi.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

import cn.huiqi.casefile.ApplicationType;
import cn.huiqi.casefile.ApplicationTypes;
import cn.huiqi.testsupport.ProcessTestSupport;
import cn.huiqi.workflow.TaskContracts;

/**
 * docs/adding-a-measure.md: a reward measure is its package (module declaration, catalogue entry with its
 * start form's contract, application type, request record) plus its models (process, application and review
 * forms, reward table) — at most 8 files. Every paying measure that takes applications fits that shape; what a
 * measure has beyond it (measure 1's orders, measure 3's progress condition) is its own behaviour, listed.
 */
class MeasureShapeTest extends ProcessTestSupport {

    private static final int MOST_FILES = 8;
    private static final Pattern FORM_REF = Pattern.compile("formRef=\"([a-z0-9-]+)\"");

    @Autowired
    MeasureCatalogue catalogue;
    @Autowired
    ApplicationTypes types;
    @Autowired
    TaskContracts contracts;
    @Autowired
    ConfigurableListableBeanFactory beans;

    @Test
    void everyRewardMeasureIsItsPackageAndItsModelsInAtMostEightFiles() throws IOException {
        List<Measure> rewardMeasures = catalogue.all().stream()
                .filter(m -> m.paysMoney() && m.applicationProcess().isPresent()).toList();
        assertThat(rewardMeasures).extracting(Measure::id).contains("M1", "M2", "M3");
        for (Measure measure : rewardMeasures) {
            Class<?> declaration = declaringClass(measure);
            String pkg = declaration.getPackageName();
            Path source = Path.of("src/main/java", pkg.replace('.', '/'));
            String process = measure.applicationProcess().orElseThrow();

            ApplicationType type = types.forMeasure(measure.id()).orElseThrow();
            assertThat(type.getClass().getPackageName()).as("%s's application type", measure.id()).isEqualTo(pkg);
            assertThat(type.requestType().getPackageName()).as("%s's request record", measure.id()).isEqualTo(pkg);
            assertThat(contracts.startOf(process)).as("%s's start form contract", measure.id()).isPresent();

            Set<String> shape = new TreeSet<>();
            shape.add(source.resolve("package-info.java").toString());
            shape.add(source.resolve(declaration.getSimpleName() + ".java").toString());
            shape.add(source.resolve(simpleName(type.getClass()) + ".java").toString());
            shape.add(source.resolve(type.requestType().getSimpleName() + ".java").toString());
            Path bpmn = Path.of("bpmn", process + ".bpmn");
            shape.add(bpmn.toString());
            Matcher forms = FORM_REF.matcher(Files.readString(bpmn));
            while (forms.find()) {
                shape.add(Path.of("bpmn/forms", forms.group(1) + ".form").toString());
            }
            if (Files.readString(bpmn).contains("calledElement=\"review-chain\"")) {
                // review-chain's steps name the measure's review form by the case number (workflow.MeasureForms)
                shape.add(Path.of("bpmn/forms", measure.id().toLowerCase(java.util.Locale.ROOT) + "-review.form").toString());
            }
            measure.ruleTables().forEach(table -> shape.add(Path.of("dmn", table + ".dmn").toString()));
            shape.forEach(file -> assertThat(Path.of(file)).as("%s needs %s", measure.id(), file).exists());
            assertThat(shape).as("the files measure %s needs", measure.id()).hasSizeLessThanOrEqualTo(MOST_FILES);

            List<String> own = new ArrayList<>();
            try (Stream<Path> files = Files.list(source)) {
                files.map(Path::toString).filter(f -> !shape.contains(f)).sorted().forEach(own::add);
            }
            System.out.printf("%s (%s): %d files in its shape %s; its own behaviour beyond it: %s%n", measure.id(), pkg,
                    shape.size(), shape, own.isEmpty() ? "none" : own);
        }
    }

    private Class<?> declaringClass(Measure measure) {
        String beanName = "measure" + measure.id();
        String factory = beans.getBeanDefinition(beanName).getFactoryBeanName();
        assertThat(factory).as("measure %s is declared by a @Bean method of its package's configuration", measure.id()).isNotNull();
        return org.springframework.util.ClassUtils.getUserClass(beans.getType(factory));
    }

    private static String simpleName(Class<?> type) {
        return org.springframework.util.ClassUtils.getUserClass(type).getSimpleName();
    }
}
