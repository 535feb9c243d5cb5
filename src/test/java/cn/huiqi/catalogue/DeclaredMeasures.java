package cn.huiqi.catalogue;

import java.util.List;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.context.annotation.Configuration;

/** The measures as the application declares them (each package's {@code *Measure} configuration), without the application. */
public final class DeclaredMeasures {

    private DeclaredMeasures() {
    }

    /** The Measure beans found by scanning cn.huiqi for {@code @Configuration} classes named *Measure. */
    public static List<Measure> declared() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(context, false);
            scanner.addIncludeFilter((reader, factory) -> reader.getAnnotationMetadata().hasAnnotation(Configuration.class.getName())
                    && reader.getClassMetadata().getClassName().endsWith("Measure"));
            scanner.scan("cn.huiqi");
            context.refresh();
            return List.copyOf(context.getBeansOfType(Measure.class).values());
        }
    }

    public static MeasureCatalogue catalogue() {
        return new MeasureCatalogue(declared());
    }
}
