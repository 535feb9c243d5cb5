package cn.huiqi.testsupport;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The test classes that share this {@link #value() name} never run at the same time, not even in two test JVMs
 * (surefire runs two, pom.xml's forkCount): the class holds an exclusive {@link FileChannel#lock() file lock} on
 * {@code <build dir>/locks/<name>.lock} from before its first test (and before its application context starts)
 * until after its last. For classes that change outside state other classes depend on, e.g. the one Keycloak of
 * scripts/keycloak.sh (sessions, group memberships, disabled users). The operating system releases the lock if
 * the JVM dies.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
// registered before SpringExtension wherever this annotation comes first, so the lock is held before the context starts
@ExtendWith(OneForkAtATime.Lock.class)
public @interface OneForkAtATime {

    /** The shared resource, a file name: [a-z0-9-]+. */
    String value();

    /** Takes and releases the lock (one test class at a time per JVM: surefire runs classes one after another). */
    final class Lock implements BeforeAllCallback, AfterAllCallback {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Lock.class);

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            String name = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), OneForkAtATime.class)
                    .orElseThrow().value();
            if (!name.matches("[a-z0-9-]+")) {
                throw new IllegalArgumentException("lock name " + name);
            }
            Path file = Path.of(System.getProperty("huiqi.build.dir", "target"), "locks", name + ".lock");
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long asked = System.nanoTime();
            FileLock lock;
            try {
                lock = channel.lock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            long waited = (System.nanoTime() - asked) / 1_000_000;
            if (waited >= 1000) {
                System.out.println(context.getRequiredTestClass().getSimpleName() + " waited " + waited / 1000
                        + " s for the other test JVM to finish with " + name);
            }
            context.getStore(NAMESPACE).put(Held.class, new Held(channel, lock));
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            Held held = context.getStore(NAMESPACE).remove(Held.class, Held.class);
            if (held != null) {
                held.close();
            }
        }

        /** Also closed by JUnit if the class ends without afterAll (its store is closed). */
        private record Held(FileChannel channel, FileLock lock) implements ExtensionContext.Store.CloseableResource {
            @Override
            public void close() throws IOException {
                try (channel) {
                    lock.release();
                }
            }
        }
    }
}
