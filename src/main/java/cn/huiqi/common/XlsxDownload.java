package cn.huiqi.common;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A workbook ({@link Spreadsheet}) answered as a download under a file name that may be Chinese. */
public final class XlsxDownload {

    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private XlsxDownload() {
    }

    public static ResponseEntity<byte[]> of(String fileName, byte[] workbook) {
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString()).body(workbook);
    }
}
