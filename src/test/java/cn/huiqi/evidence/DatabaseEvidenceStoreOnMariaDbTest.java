package cn.huiqi.evidence;

import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.huiqi.testsupport.MariaDbTestDatabase;

/**
 * {@link EvidenceStoreContract} for the database store, on MariaDB. The store touches table {@code evidence_chunk}
 * only; here it stands alone (the V24 columns, without the foreign key to {@code evidence_file}, whose rows the
 * application tests make: EvidenceRoundTripOnMariaDbTest, DraftClearingOnMariaDbTest).
 */
class DatabaseEvidenceStoreOnMariaDbTest extends EvidenceStoreContract {

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        String name = "huiqi_evidence_store";
        MariaDbTestDatabase.recreateOnce(name);
        jdbc = new JdbcTemplate(new DriverManagerDataSource(MariaDbTestDatabase.url(name), MariaDbTestDatabase.user(),
                MariaDbTestDatabase.password()));
        jdbc.execute("CREATE TABLE IF NOT EXISTS evidence_chunk (file_id BIGINT NOT NULL, seq INT NOT NULL, bytes MEDIUMBLOB NOT NULL, "
                + "PRIMARY KEY (file_id, seq))");
    }

    @Override
    EvidenceStore store() {
        return new DatabaseEvidenceStore(jdbc);
    }

    @Override
    void replaceStoredBytes(long fileId, byte[] bytes) {
        jdbc.update("DELETE FROM evidence_chunk WHERE file_id = ?", fileId);
        int seq = 0;
        for (int from = 0; from < bytes.length; from += DatabaseEvidenceStore.CHUNK_SIZE) {
            jdbc.update("INSERT INTO evidence_chunk (file_id, seq, bytes) VALUES (?, ?, ?)", fileId, seq++,
                    Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + DatabaseEvidenceStore.CHUNK_SIZE)));
        }
    }

    @Override
    boolean anythingStored(long fileId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evidence_chunk WHERE file_id = ?", Integer.class, fileId) > 0;
    }
}
