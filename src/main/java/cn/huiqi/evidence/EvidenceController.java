package cn.huiqi.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import cn.huiqi.common.InvalidInputException;
import cn.huiqi.identity.CurrentCaller;

/** Evidence files over HTTP (docs/evidence.md). Uploads are multipart/form-data: kind, orderIndex (measure 1), file. */
@RestController
@Tag(name = "申报材料 Evidence files")
class EvidenceController {

    private final EvidenceFiles files;
    private final EvidenceStore store;
    private final CurrentCaller currentCaller;

    EvidenceController(EvidenceFiles files, EvidenceStore store, CurrentCaller currentCaller) {
        this.files = files;
        this.store = store;
        this.currentCaller = currentCaller;
    }

    /** What a measure asks for: the kinds, with the note that the list is a system default. */
    @GetMapping("/api/evidence/kinds")
    @Operation(summary = "措施所需材料 / The documents a measure asks for")
    CaseEvidence kinds(@RequestParam("measure") String measure) {
        RequiredDocuments required = files.documentsOf(measure.strip()).orElseThrow(() -> new InvalidInputException("measure",
                "该措施不收申报材料", "That measure takes no evidence files"));
        return CaseEvidence.of(null, required.kinds(), 0, 0, false, List.of());
    }

    @PostMapping(path = "/api/evidence/drafts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "申请前上传材料（草稿，提交申请时在 evidenceDrafts 中列出其编号）/ Upload a file before applying "
            + "(a draft; the application lists its id in evidenceDrafts)")
    ResponseEntity<EvidenceItem> uploadDraft(@RequestParam("measure") String measure,
                                             @RequestParam(name = "enterpriseId", required = false) Long enterpriseId,
                                             @RequestParam("kind") String kind,
                                             @RequestParam(name = "orderIndex", required = false) Integer orderIndex,
                                             @RequestParam("file") MultipartFile file) throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(files.uploadDraft(currentCaller.get(), measure, enterpriseId, upload(kind, orderIndex, file)));
    }

    @PostMapping(path = "/api/evidence/locality-files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "地区上传证明材料（自报数据时在 evidenceFileId 中引用）/ A locality uploads evidence "
            + "(its self-reported figure names it in evidenceFileId)")
    ResponseEntity<EvidenceItem> uploadForLocality(@RequestParam("unit") String unit, @RequestParam("measure") String measure,
                                                   @RequestParam("file") MultipartFile file) throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(files.uploadForLocality(currentCaller.get(), unit, measure, upload(EvidenceFiles.LOCALITY_FIGURE.code(), null, file)));
    }

    @GetMapping("/api/evidence/drafts")
    @Operation(summary = "尚未随申请提交的材料 / Drafts not yet claimed by an application")
    List<EvidenceItem> drafts(@RequestParam("measure") String measure) {
        return files.drafts(currentCaller.get(), measure);
    }

    @PostMapping(path = "/api/cases/{caseNumber}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "补正时上传材料（仅企业，仅在待补正材料期间）/ Add a file to a case (the enterprise, while it awaits the supplement)")
    ResponseEntity<EvidenceItem> uploadToCase(@PathVariable String caseNumber, @RequestParam("kind") String kind,
                                              @RequestParam(name = "orderIndex", required = false) Integer orderIndex,
                                              @RequestParam("file") MultipartFile file) throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(files.uploadToCase(currentCaller.get(), caseNumber, upload(kind, orderIndex, file)));
    }

    @GetMapping("/api/cases/{caseNumber}/evidence")
    @Operation(summary = "案件的材料（含补正后新增的标记）/ The case's files (marked when added after the latest send-back)")
    CaseEvidence list(@PathVariable String caseNumber) {
        return files.listOf(currentCaller.get(), caseNumber);
    }

    /**
     * Always a download, never shown inline: {@code attachment} with the name in RFC 5987 form, the sniffed type,
     * {@code nosniff}, and a sandbox policy, so not even a browser that ignores the rest runs anything from it.
     */
    @GetMapping("/api/evidence/{id}")
    @Operation(summary = "下载材料（有权查看该案件者；每次下载均记录）/ Download a file (whoever may read the case; every download logged)")
    void download(@PathVariable long id, HttpServletResponse response) throws IOException {
        EvidenceRow row = files.openForDownload(currentCaller.get(), id);
        // opened before any header is set: a store that cannot be reached is a JSON 503, not a broken download
        InputStream bytes = store.open(row.id());
        response.setContentType(row.mediaType());
        response.setContentLengthLong(row.size());
        response.setHeader("Content-Disposition", attachment(row.fileName()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'; frame-ancestors 'none'");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("X-Checksum-SHA256", row.sha256());
        VerifiedCopy.copy(row.id(), bytes, response.getOutputStream(), row.size(), row.sha256());
    }

    static String attachment(String name) {
        String ascii = name.codePoints().map(c -> c < 0x20 || c > 0x7E || c == '"' || c == '\\' || c == ';' ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private EvidenceFiles.Upload upload(String kind, Integer orderIndex, MultipartFile file) throws IOException {
        if (file.getSize() > files.maxSize()) {
            throw files.tooLarge();
        }
        return new EvidenceFiles.Upload(kind, orderIndex, file.getOriginalFilename(), file.getBytes());
    }
}
