package cn.huiqi.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.huiqi.HuiqiApplication;

/**
 * Starts and stops the application on a MariaDB database (profile mysql), once per call, for tests of
 * what survives a restart. Each start is a context without web server, webapps or REST: a second
 * Camunda webapp in this JVM would replace the static runtime delegates of other test contexts'
 * webapps and leave them broken once closed. Job execution is off; tests run jobs themselves.
 */
public final class AppStarts {

    private AppStarts() {
    }

    public static void run(String database, List<String> extraArgs, Consumer<ConfigurableApplicationContext> work) {
        run(database, extraArgs, List.of(), work);
    }

    /**
     * The same with further bean classes in the context (e.g. a test's engine plugin); an extra argument
     * replaces the default of the same property (e.g. {@code --camunda.bpm.job-execution.enabled=true}).
     */
    public static void run(String database, List<String> extraArgs, List<Class<?>> extraSources,
                           Consumer<ConfigurableApplicationContext> work) {
        MariaDbTestDatabase.recreateOnce(database);
        // command-line arguments: SpringApplicationBuilder.properties() would lose to application.yml
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=mysql",
                "--spring.datasource.url=" + MariaDbTestDatabase.url(database),
                "--spring.datasource.username=" + MariaDbTestDatabase.user(),
                "--spring.datasource.password=" + MariaDbTestDatabase.password(),
                "--spring.flyway.locations=" + MariaDbTestDatabase.FLYWAY_LOCATIONS,
                "--spring.main.web-application-type=none",
                "--spring.autoconfigure.exclude="
                        + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration,"
                        + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.job-execution.enabled=false"));
        args.removeIf(arg -> extraArgs.stream().anyMatch(extra -> extra.startsWith(arg.substring(0, arg.indexOf('=') + 1))));
        args.addAll(extraArgs);
        List<Class<?>> sources = new ArrayList<>(List.of(HuiqiApplication.class));
        sources.addAll(extraSources);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .run(args.toArray(String[]::new))) {
            work.accept(context);
        }
    }
}
