package cn.huiqi.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;

/**
 * A failed browser test leaves the page as it was (a PNG and its HTML in target/screenshots, named after the test);
 * a passing one costs no screenshot. Runs after the test method, before its {@code @AfterEach} gives the browser back.
 * Register with {@code @RegisterExtension}, with the test's current browser (null when it opened none).
 */
public final class ScreenshotOnFailure implements AfterTestExecutionCallback {

    private final String prefix;
    private final Supplier<HeadlessChromium> chromium;

    public ScreenshotOnFailure(String prefix, Supplier<HeadlessChromium> chromium) {
        this.prefix = prefix;
        this.chromium = chromium;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        HeadlessChromium current = chromium.get();
        if (context.getExecutionException().isEmpty() || current == null) {
            return;
        }
        String name = prefix + "-" + context.getRequiredTestMethod().getName() + "-"
                + context.getDisplayName().replaceAll("[^A-Za-z0-9]+", "-") + "failure";
        try {
            Path directory = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(directory.resolve(name + ".png"), current.browser().getScreenshotAs(OutputType.BYTES));
            Files.writeString(directory.resolve(name + ".html"), current.browser().getPageSource());
        } catch (IOException | RuntimeException e) {
            context.getExecutionException().get().addSuppressed(e); // the test's own failure is what matters
        }
    }
}
