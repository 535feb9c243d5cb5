package cn.huiqi.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** {@link EvidenceStoreContract} for the directory store. */
class DirectoryEvidenceStoreTest extends EvidenceStoreContract {

    @TempDir
    Path root;
    private DirectoryEvidenceStore store;

    @Override
    EvidenceStore store() {
        if (store == null) {
            try {
                store = new DirectoryEvidenceStore(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return store;
    }

    @Override
    void replaceStoredBytes(long fileId, byte[] bytes) throws IOException {
        Files.write(((DirectoryEvidenceStore) store()).pathOf(fileId), bytes);
    }

    @Override
    boolean anythingStored(long fileId) {
        return Files.exists(((DirectoryEvidenceStore) store()).pathOf(fileId));
    }
}
