package cn.huiqi.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * What every {@link EvidenceStore} does, run against each (database, directory, S3): the bytes come back as stored,
 * a large file in several parts, a changed or shortened file is caught by {@link VerifiedCopy} before its last byte
 * reaches the reader, and a deleted file is gone (deleting it again is no error).
 */
abstract class EvidenceStoreContract {

    private static final AtomicLong IDS = new AtomicLong(123_450);

    abstract EvidenceStore store();

    /** Replaces the stored bytes of a file behind the store's back (a disk or bucket changed by someone else). */
    abstract void replaceStoredBytes(long fileId, byte[] bytes) throws Exception;

    /** Whether anything of the file is left in the store. */
    abstract boolean anythingStored(long fileId) throws Exception;

    long newId() {
        return IDS.incrementAndGet();
    }

    static byte[] pdf(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, Math.min(head.length, size));
        return bytes;
    }

    static byte[] read(EvidenceStore store, long id, byte[] expected) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VerifiedCopy.copy(id, store.open(id), out, expected.length, EvidenceFiles.sha256(expected));
        return out.toByteArray();
    }

    @Test
    void theBytesComeBackAsStored() throws Exception {
        long id = newId();
        byte[] bytes = pdf(5000, id);
        store().write(id, bytes);
        assertThat(read(store(), id, bytes)).isEqualTo(bytes);
        assertThat(anythingStored(id)).isTrue();
    }

    @Test
    void aLargeFileIsStoredAndReadInSeveralParts() throws Exception {
        long id = newId();
        // 5 MB + 1: 21 chunks of the database store, more than one buffer of every reader
        byte[] bytes = pdf(5 * 1024 * 1024 + 1, id);
        store().write(id, bytes);
        assertThat(read(store(), id, bytes)).isEqualTo(bytes);
    }

    @Test
    void aFileChangedInTheStoreIsCaughtBeforeItsLastByteIsSent() throws Exception {
        long id = newId();
        byte[] bytes = pdf(300 * 1024, id);
        store().write(id, bytes);
        byte[] changed = bytes.clone();
        changed[1000] ^= 0x01;
        replaceStoredBytes(id, changed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> VerifiedCopy.copy(id, store().open(id), out, bytes.length, EvidenceFiles.sha256(bytes)))
                .isInstanceOf(VerifiedCopy.ChecksumMismatchException.class).hasMessageContaining("evidence " + id);
        assertThat(out.size()).as("the reader never gets the whole file").isLessThan(bytes.length);
    }

    @Test
    void aFileCutShortOrGrownInTheStoreIsCaught() throws Exception {
        long id = newId();
        byte[] bytes = pdf(4000, id);
        store().write(id, bytes);
        replaceStoredBytes(id, java.util.Arrays.copyOf(bytes, 3999));
        assertThatThrownBy(() -> read(store(), id, bytes)).isInstanceOf(VerifiedCopy.ChecksumMismatchException.class);
        replaceStoredBytes(id, java.util.Arrays.copyOf(bytes, 4001));
        assertThatThrownBy(() -> read(store(), id, bytes)).isInstanceOf(VerifiedCopy.ChecksumMismatchException.class);
    }

    @Test
    void aDeletedFileIsGoneAndDeletingAgainIsNoError() throws Exception {
        long id = newId();
        byte[] bytes = pdf(600 * 1024, id);
        store().write(id, bytes);
        long other = newId();
        store().write(other, pdf(100, other));
        store().delete(id);
        assertThat(anythingStored(id)).isFalse();
        assertThatThrownBy(() -> read(store(), id, bytes)).isInstanceOf(IOException.class);
        store().delete(id);
        assertThat(anythingStored(other)).as("only that file").isTrue();
    }
}
