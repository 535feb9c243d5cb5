package cn.huiqi.evidence;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.NoSuchElementException;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bytes in table {@code evidence_chunk}, {@link #CHUNK_SIZE} per row: each statement stays far below the database
 * server's {@code max_allowed_packet} (MariaDB's default 16 MB, often 4 MB), and every node of a cluster reads them.
 */
class DatabaseEvidenceStore implements EvidenceStore {

    static final int CHUNK_SIZE = 256 * 1024;

    private final JdbcTemplate jdbc;

    DatabaseEvidenceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "DATABASE";
    }

    @Override
    public void write(long fileId, byte[] bytes) {
        int seq = 0;
        for (int from = 0; from < bytes.length; from += CHUNK_SIZE) {
            byte[] chunk = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK_SIZE));
            jdbc.update("INSERT INTO evidence_chunk (file_id, seq, bytes) VALUES (?, ?, ?)", fileId, seq++, chunk);
        }
    }

    /** One chunk in memory at a time: each is read when the one before has been consumed. */
    @Override
    public InputStream open(long fileId) {
        int chunks = jdbc.queryForObject("SELECT COUNT(*) FROM evidence_chunk WHERE file_id = ?", Integer.class, fileId);
        return new SequenceInputStream(new Enumeration<InputStream>() {
            private int seq;

            @Override
            public boolean hasMoreElements() {
                return seq < chunks;
            }

            @Override
            public InputStream nextElement() {
                if (seq >= chunks) {
                    throw new NoSuchElementException();
                }
                byte[] chunk = jdbc.queryForObject("SELECT bytes FROM evidence_chunk WHERE file_id = ? AND seq = ?",
                        (rs, n) -> rs.getBytes(1), fileId, seq++);
                return new ByteArrayInputStream(chunk);
            }
        });
    }

    @Override
    public void delete(long fileId) {
        jdbc.update("DELETE FROM evidence_chunk WHERE file_id = ?", fileId);
    }
}
