package cn.huiqi.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.huiqi.common.ServiceUnavailableException;
import cn.huiqi.testsupport.S3rver;

/**
 * {@link EvidenceStoreContract} for the S3 store against a real S3-compatible server (s3rver, {@link S3rver}), and the
 * store's answer when the bucket cannot be used: a bilingual 503 refusal ({@link ServiceUnavailableException}) that
 * names neither key, not an SDK stack trace.
 */
class S3EvidenceStoreTest extends EvidenceStoreContract {

    private static final String BUCKET = "huiqi-evidence";

    @TempDir
    static Path data;
    private static S3rver server;
    private static S3EvidenceStore store;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3rver.start(data, BUCKET);
        store = new S3EvidenceStore(settings(server.endpoint(), BUCKET, S3rver.ACCESS_KEY, S3rver.SECRET_KEY));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static S3EvidenceStore.Settings settings(String endpoint, String bucket, String accessKey, String secretKey) {
        return new S3EvidenceStore.Settings(endpoint, "us-east-1", bucket, accessKey, secretKey, true, "test/evidence/",
                Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    @Override
    EvidenceStore store() {
        return store;
    }

    @Override
    void replaceStoredBytes(long fileId, byte[] bytes) {
        // the store's own PUT replaces the object: the row (size, SHA-256) is not involved
        store.write(fileId, bytes);
    }

    @Override
    boolean anythingStored(long fileId) throws Exception {
        try (var in = store.open(fileId)) {
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    @Test
    void objectsAreNamedLikeTheDirectoryStoresFiles() {
        assertThat(store.objectKey(12345)).isEqualTo("test/evidence/01/23/12345");
        assertThat(store.name()).isEqualTo("S3");
    }

    @Test
    void aStoreThatCannotBeReachedIsABilingual503AndNothingElse() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (S3EvidenceStore down = new S3EvidenceStore(settings("http://127.0.0.1:" + closedPort, BUCKET, S3rver.ACCESS_KEY, S3rver.SECRET_KEY))) {
            assertUnavailable(() -> down.write(newId(), pdf(100, 1)));
            assertUnavailable(() -> down.open(newId()));
            assertUnavailable(() -> down.delete(newId()));
        }
    }

    @Test
    void aMissingBucketOrWrongKeysAreA503ThatDoesNotShowTheSecret() throws Exception {
        try (S3EvidenceStore noBucket = new S3EvidenceStore(settings(server.endpoint(), "no-such-bucket", S3rver.ACCESS_KEY, S3rver.SECRET_KEY));
             // s3rver checks the access key (InvalidAccessKeyId, 403) but not a V4 signature, so the pair is wrong here
             S3EvidenceStore wrongKeys = new S3EvidenceStore(settings(server.endpoint(), BUCKET, "NOT-A-KEY", "wrong-secret-value"))) {
            assertUnavailable(() -> noBucket.write(newId(), pdf(100, 2)));
            assertThatThrownBy(() -> wrongKeys.write(newId(), pdf(100, 3))).isInstanceOf(ServiceUnavailableException.class)
                    .satisfies(e -> assertThat(((ServiceUnavailableException) e).detail()).doesNotContain("wrong-secret-value"));
        }
    }

    @Test
    void aMissingSettingStopsTheStartNamingItButNeverAValue() {
        var env = new org.springframework.mock.env.MockEnvironment().withProperty("huiqi.evidence.s3.access-key", "AKIA-VISIBLE-NOWHERE")
                .withProperty("huiqi.evidence.s3.key-prefix", "huiqi/evidence");
        assertThatThrownBy(() -> EvidenceStores.s3Settings(env)).isInstanceOf(IllegalStateException.class)
                .hasMessage("huiqi.evidence.store=s3 needs huiqi.evidence.s3.bucket, huiqi.evidence.s3.secret-key");
        env.withProperty("huiqi.evidence.s3.bucket", "b").withProperty("huiqi.evidence.s3.secret-key", "SECRET-VISIBLE-NOWHERE");
        S3EvidenceStore.Settings settings = EvidenceStores.s3Settings(env);
        assertThat(settings.keyPrefix()).isEqualTo("huiqi/evidence/");
        assertThat(settings.pathStyle()).isTrue();
        assertThat(settings.toString()).doesNotContain("VISIBLE-NOWHERE");
    }

    private static void assertUnavailable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ServiceUnavailableException.class).satisfies(e -> {
            ServiceUnavailableException unavailable = (ServiceUnavailableException) e;
            assertThat(unavailable.problem().zh()).contains("材料存储服务暂时无法访问");
            assertThat(unavailable.problem().en()).contains("cannot be reached");
            assertThat(unavailable.detail()).startsWith("S3 bucket ");
        });
    }
}
