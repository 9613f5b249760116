// Audit uploads over HTTP (/api/audits, server/audits_api.cc), against every store kind:
// published documents uploaded singly (the body) or as a batch (multipart/form-data) give the
// same result as `gongkai audit` (Engine::AuditAll on the same bytes as a file), are stored and
// listed per department and year, with each finding's page, table, row and column and the
// figures the reader recovered; hostile PDFs (tests/bad_pdfs) are refused with the reader's
// message and not stored; a body over the limit is 413; an audit does not hold up the rest of
// the server; the uploaded file is kept once per content and downloaded byte for byte. The
// roles are in server_matrix_test.cc.
#include <sqlite3.h>

#include <atomic>
#include <pqxx/pqxx>

#include "render/audit_report.h"
#include "render/text_renderer.h"
#include "server_test_support.h"

namespace gongkai::server::testing {
namespace {

// The published budget of `example` as gongkai renders it: a PDF, or the text pdftotext gives.
std::string PublishedPdf(const std::string& example) {
  static std::map<std::string, std::string> cache;
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  std::string& bytes = cache[example];
  if (bytes.empty()) {
    Loaded l = SharedEngine().Load(gongkai::testing::ExamplePath(example));
    EXPECT_TRUE(l.ok()) << example;
    std::string error;
    EXPECT_TRUE(SharedEngine().Render(SharedEngine().Disclose(*l.department),
                                      DisclosureFormat::kPdf, {}, &bytes, &error))
        << error;
  }
  return bytes;
}

std::string PublishedText(const std::string& example) {
  Loaded l = SharedEngine().Load(gongkai::testing::ExamplePath(example));
  EXPECT_TRUE(l.ok()) << example;
  return RenderText(SharedEngine().Disclose(*l.department));
}

// `text` with the first amount of the first row of the table titled `title` that begins with
// `row` changed by 1 in its last digit before the decimals, so that its sums no longer add up.
std::string RaiseAmount(const std::string& text, const std::string& title, const std::string& row,
                        std::string* was) {
  const size_t table = text.find("\n" + title + "\n");
  EXPECT_NE(table, std::string::npos) << title;
  const size_t line = text.find("\n" + row, table);
  EXPECT_NE(line, std::string::npos) << row;
  const size_t eol = text.find('\n', line + 1);
  for (size_t start = text.find('\t', line + 1); start < eol; start = text.find('\t', start + 1)) {
    const size_t end = std::min(text.find('\t', start + 1), eol);
    const std::string field = text.substr(start + 1, end - start - 1);
    const size_t dot = field.find('.');
    if (dot == std::string::npos || dot == 0 ||
        !isdigit(static_cast<unsigned char>(field[dot - 1]))) {
      continue;
    }
    *was = field;
    std::string changed = field;
    changed[dot - 1] = field[dot - 1] == '9' ? '8' : static_cast<char>(field[dot - 1] + 1);
    std::string out = text;
    out.replace(start + 1, end - start - 1, changed);
    return out;
  }
  ADD_FAILURE() << "no amount in " << text.substr(line, eol - line);
  return text;
}

std::string BadPdf(const std::string& name) {
  return gongkai::testing::ReadFile(gongkai::testing::SourceDir() + "/tests/bad_pdfs/" + name);
}

class AuditUploadTest : public ServerTest {
 protected:
  httplib::Result PostFile(const SignedIn& who, const std::string& name, const std::string& bytes,
                           const std::string& query = "") {
    return Post(who, "/api/audits?name=" + httplib::detail::encode_query_param(name) + query, bytes,
                true, "application/octet-stream");
  }
  httplib::Result PostBatch(const SignedIn& who, const httplib::MultipartFormDataItems& items) {
    return Client().Post("/api/audits", {{"Cookie", who.cookie}, {"X-CSRF-Token", who.csrf}},
                         items);
  }
  int64_t CountAudits() { return static_cast<int64_t>(store_->ListAuditUploads({}).size()); }

  // A statement on the test's database through a connection of its own, beside the store: the
  // first value of its first row, or nullopt when the database refused it.
  std::optional<std::string> Raw(const std::string& sql) {
    if (GetParam() == "postgres") {
      try {
        pqxx::connection c(database_->uri());
        pqxx::nontransaction t(c);
        const pqxx::result r = t.exec(sql);
        return r.empty() ? "" : r[0][0].c_str();
      } catch (const pqxx::sql_error&) {
        return std::nullopt;
      }
    }
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(database_->uri().c_str(), &db), SQLITE_OK);
    std::string first;
    auto keep = [](void* out, int, char** values, char**) {
      *static_cast<std::string*>(out) = values[0] ? values[0] : "";
      return 0;
    };
    const int rc = sqlite3_exec(db, sql.c_str(), keep, &first, nullptr);
    sqlite3_close(db);
    if (rc != SQLITE_OK) return std::nullopt;
    return first;
  }
};

// RFC 8187's %XX back to bytes.
std::string PercentDecoded(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

TEST_P(AuditUploadTest, APublishedPdfIsAuditedAsGongkaiAuditDoesAndStored) {
  const std::string pdf = PublishedPdf("minimal.yaml");
  auto res = PostFile(As("reviewer"), "示例局2023年部门预算.pdf", pdf);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  const json item = json::parse(res->body)["items"].at(0);
  EXPECT_EQ(item["department"], kOwnDepartment);
  EXPECT_EQ(item["department_code"], kOwnDepartment);
  EXPECT_EQ(item["year"], 2023);
  EXPECT_EQ(item["kind"], "预算");
  EXPECT_EQ(item["file_name"], "示例局2023年部门预算.pdf");
  EXPECT_EQ(item["size"], pdf.size());
  EXPECT_EQ(item["sha256"], Sha256Hex(pdf));
  EXPECT_EQ(item["uploaded_by"], "reviewer");
  EXPECT_GT(item["tables"].get<int>(), 5);
  const int64_t id = item["id"];
  EXPECT_TRUE(AuditHas("reviewer", "上传审核文件 #" + std::to_string(id)));

  // The same as `gongkai audit` of that file.
  const fs::path file = FreshDir("audit-same") / "示例局2023年部门预算.pdf";
  gongkai::testing::WriteFile(file.string(), pdf);
  const AuditedDocument cli = SharedEngine().AuditAll({file.string()}, 1).at(0);
  ASSERT_TRUE(cli.document) << cli.error;
  EXPECT_EQ(item["counts"]["error"], cli.Errors());
  EXPECT_EQ(item["counts"]["note"], cli.Notes());
  json expected = json::parse(AuditDocumentJson(cli));

  auto one = Get(As("admin"), "/api/audits/" + std::to_string(id));
  ASSERT_TRUE(one);
  ASSERT_EQ(one->status, 200) << one->body;
  const json detail = json::parse(one->body);
  EXPECT_EQ(detail["findings"], expected["findings"]);
  EXPECT_EQ(detail["completeness"], expected["completeness"]);
  EXPECT_EQ(detail["tables_found"], expected["tables"]);
  EXPECT_EQ(detail["printed_department"], kOwnDepartment);
  // The figures as read: the 收支总表's rows with their amounts, exact, on their page.
  ASSERT_TRUE(detail["figures"].is_array());
  ASSERT_EQ(detail["figures"].size(), cli.document->tables.size());
  const json& first = detail["figures"][0];
  EXPECT_EQ(first["id"], cli.document->tables[0].id);
  ASSERT_FALSE(first["rows"].empty());
  EXPECT_EQ(first["rows"].size(), cli.document->tables[0].rows.size());
  EXPECT_GT(first["rows"][0]["page"].get<int>(), 0);
  EXPECT_EQ(first["rows"][0]["amounts"].size(), first["columns"].size());
  bool some_amount = false;
  for (const auto& row : first["rows"]) {
    for (const auto& a : row["amounts"]) some_amount = some_amount || a.is_string();
  }
  EXPECT_TRUE(some_amount) << first.dump();

  // Listed, and grouped per department and year.
  auto list = Get(As("reviewer"), "/api/audits?year=2023&department=" +
                                      httplib::detail::encode_query_param(kOwnDepartment));
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  const json listed = json::parse(list->body);
  ASSERT_EQ(listed["items"].size(), 1u);
  EXPECT_EQ(listed["items"][0]["id"], id);
  ASSERT_EQ(listed["groups"].size(), 1u);
  EXPECT_EQ(listed["groups"][0]["documents"], 1);
  EXPECT_EQ(listed["groups"][0]["latest"], id);
  EXPECT_TRUE(json::parse(Get(As("reviewer"), "/api/audits?year=2022")->body)["items"].empty());
  EXPECT_EQ(Get(As("reviewer"), "/api/audits?year=20x3")->status, 400);
  EXPECT_EQ(Get(As("reviewer"), "/api/audits/999999")->status, 404);
}

// A figure changed in the published text is found, with its page, table, row and column, and
// the printed and computed amounts; the department is filed under the bureau's code for it.
TEST_P(AuditUploadTest, AChangedFigureIsFoundWithItsEvidence) {
  ASSERT_EQ(
      Post(As("admin"), "/api/departments/import", "901,示例区示例局\n", true, "text/csv")->status,
      200);
  std::string was;
  const std::string text =
      RaiseAmount(PublishedText("minimal.yaml"), "一般公共预算支出表", "201", &was);
  auto res = PostFile(As("reviewer"), "changed.txt", text);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  const json item = json::parse(res->body)["items"].at(0);
  EXPECT_EQ(item["department_code"], "901");
  EXPECT_EQ(item["department"], kOwnDepartment);
  EXPECT_GE(item["counts"]["error"].get<int>(), 1);
  const json detail = json::parse(Get(As("reviewer"), "/api/audits/" + item["id"].dump())->body);
  bool found = false;
  for (const auto& f : detail["findings"]) {
    if (f["level"] != "错误" || f["table"] != "general_expenditure") continue;
    found = true;
    EXPECT_GT(f["page"].get<int>(), 0);
    EXPECT_FALSE(f["row"].get<std::string>().empty());
    EXPECT_FALSE(f["column"].get<std::string>().empty());
    EXPECT_NE(f["printed"], f["computed"]);
    EXPECT_FALSE(f["message"].get<std::string>().empty());
  }
  EXPECT_TRUE(found) << "changed " << was << ": " << detail["findings"].dump();
  EXPECT_EQ(json::parse(Get(As("reviewer"), "/api/audits?department=901")->body)["items"].size(),
            1u);
}

// A batch: the readable documents stored together, each refused one answered with the reader's
// message (naming the file) and not stored; a department and year given for the whole batch.
TEST_P(AuditUploadTest, ABatchStoresTheReadableAndRefusesTheHostile) {
  const httplib::MultipartFormDataItems items = {
      {"file", PublishedPdf("minimal.yaml"), "a.pdf", "application/pdf"},
      {"file", BadPdf("encrypted.pdf"), "encrypted.pdf", "application/pdf"},
      {"file", PublishedText(kOtherExample), "b.txt", "text/plain"},
      {"file", "PK\x03\x04 not really", "c.docx", "application/octet-stream"},
      {"file", BadPdf("page-tree-loop.pdf"), "loop.pdf", "application/pdf"},
  };
  const SignedIn admin = As("admin");
  const size_t log_before = AuditSize();
  auto res = PostBatch(admin, items);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  const json answer = json::parse(res->body)["items"];
  ASSERT_EQ(answer.size(), 5u);
  EXPECT_TRUE(answer[0].contains("id")) << answer[0];
  EXPECT_EQ(answer[1]["file_name"], "encrypted.pdf");
  EXPECT_NE(answer[1]["error"].get<std::string>().find("encrypted.pdf：PDF 已加密"),
            std::string::npos)
      << answer[1];
  EXPECT_TRUE(answer[2].contains("id")) << answer[2];
  EXPECT_EQ(answer[2]["department"], kOtherDepartment);
  EXPECT_NE(answer[3]["error"].get<std::string>().find("只接受"), std::string::npos);
  // Read, but no department printed on its pages and none given: not filed anywhere.
  EXPECT_NE(answer[4]["error"].get<std::string>().find("部门"), std::string::npos) << answer[4];
  EXPECT_EQ(CountAudits(), 2);
  EXPECT_EQ(AuditSize(), log_before + 5);  // two uploads, three refusals
  EXPECT_TRUE(AuditHas("admin", "审核文件未读：encrypted.pdf"));

  // With a department and a year for the batch, the damaged one is kept, its pages named.
  auto given = PostBatch(As("admin"), {{"file", BadPdf("page-tree-loop.pdf"), "loop.pdf", ""},
                                       {"department", "901", "", ""},
                                       {"year", "2024", "", ""}});
  ASSERT_TRUE(given);
  ASSERT_EQ(given->status, 201) << given->body;
  const json kept = json::parse(given->body)["items"][0];
  EXPECT_EQ(kept["department_code"], "901");
  EXPECT_EQ(kept["year"], 2024);
  const json detail = json::parse(Get(As("admin"), "/api/audits/" + kept["id"].dump())->body);
  ASSERT_FALSE(detail["unreadable_pages"].empty()) << detail.dump();
  EXPECT_NE(detail["unreadable_pages"][0]["why"].get<std::string>().find("页面无法解析"),
            std::string::npos);
  EXPECT_EQ(PostBatch(As("admin"), {{"file", "x", "x.pdf", ""}, {"year", "24", "", ""}})->status,
            400);
}

// A 情况说明 uploaded in one batch with its tables in a file of their own: its figures are
// checked against that file's tables, and its detail names the file.
TEST_P(AuditUploadTest, ATextIsCheckedAgainstItsTablesUploadedBesideIt) {
  const std::string text = PublishedText("xinzhou-gov-office-2023.yaml");
  const size_t tables = text.find("第二部分"), cover = text.find("公开说明");
  const size_t goals = text.find("部门整体支出绩效目标表", tables);
  ASSERT_TRUE(cover < tables && tables < goals && goals != std::string::npos);
  std::string explanation = text.substr(0, tables);
  const std::string from = "“三公”经费预算40.00万元";
  const size_t at = explanation.find(from);
  ASSERT_NE(at, std::string::npos);
  explanation.replace(at, from.size(), "“三公”经费预算41.00万元");
  auto res = PostBatch(As("admin"),
                       {{"file", explanation, "说明.txt", "text/plain"},
                        {"file", text.substr(0, cover) + "\n" + text.substr(tables, goals - tables),
                         "报表.txt", "text/plain"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  const json answer = json::parse(res->body)["items"];
  ASSERT_EQ(answer.size(), 2u);
  const json detail = json::parse(Get(As("admin"), "/api/audits/" + answer[0]["id"].dump())->body);
  EXPECT_EQ(detail["tables_from"], "报表.txt");
  ASSERT_EQ(detail["findings"].size(), 1u) << detail["findings"].dump();
  EXPECT_EQ(detail["findings"][0]["rule"], "TXT-007");
}

// Every PDF the reader refuses (tests/bad_pdfs/EXPECTED.tsv) is a 422 with its message.
TEST_P(AuditUploadTest, HostilePdfsAreRefusedWithTheReadersMessage) {
  std::ifstream in(gongkai::testing::SourceDir() + "/tests/bad_pdfs/EXPECTED.tsv");
  int refused = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const size_t a = line.find('\t'), b = line.find('\t', a + 1);
    if (line.substr(a + 1, b - a - 1) != "refused") continue;
    const std::string name = line.substr(0, a), expected = line.substr(b + 1);
    SCOPED_TRACE(name);
    auto res = PostFile(As("reviewer"), name, BadPdf(name));
    ASSERT_TRUE(res);
    if (BadPdf(name).empty()) {
      EXPECT_EQ(res->status, 400) << res->body;  // an empty body is no file
      continue;
    }
    ++refused;
    EXPECT_EQ(res->status, 422) << res->body;
    const std::string error = json::parse(res->body).value("error", "");
    EXPECT_NE(error.find(expected), std::string::npos) << error;
    EXPECT_EQ(error.rfind(name, 0), 0u) << error;
  }
  EXPECT_GE(refused, 7);
  EXPECT_EQ(CountAudits(), 0);
}

TEST_P(AuditUploadTest, LimitsOnSizeAndCount) {
  Stop();
  options_.max_body = 1 << 20;
  options_.max_audit_files = 2;
  Start();
  sessions_.clear();
  auto big = PostFile(As("reviewer"), "big.pdf", std::string((1 << 20) + 1, 'x'));
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  EXPECT_NE(json::parse(big->body).value("error", "").find("1 MB 的上限"), std::string::npos)
      << big->body;
  auto many = PostBatch(
      As("reviewer"),
      {{"file", "a", "a.txt", ""}, {"file", "b", "b.txt", ""}, {"file", "c", "c.txt", ""}});
  ASSERT_TRUE(many);
  EXPECT_EQ(many->status, 400);
  EXPECT_NE(many->body.find("最多上传 2 个"), std::string::npos) << many->body;
  auto unnamed = Post(As("reviewer"), "/api/audits", "%PDF-1.4", true, "application/pdf");
  ASSERT_TRUE(unnamed);
  EXPECT_EQ(unnamed->status, 400);
  EXPECT_EQ(CountAudits(), 0);
}

// With one audit slot, a batch of audits in flight does not hold up the portal or the API:
// they answer while the batch is still being read.
TEST_P(AuditUploadTest, AuditsDoNotBlockTheServer) {
  Stop();
  options_.audit_jobs = 1;
  Start();
  sessions_.clear();
  const SignedIn reviewer = As("reviewer");
  httplib::MultipartFormDataItems batch;
  for (int i = 0; i < 12; ++i) {
    batch.push_back({"file", PublishedPdf("minimal.yaml"), std::to_string(i) + ".pdf", ""});
  }
  std::atomic<bool> done{false};
  int status = 0;
  std::thread upload([&] {
    auto res = PostBatch(reviewer, batch);
    status = res ? res->status : -1;
    done = true;
  });
  // Wait until the batch is being audited (its body sent), then ask for other things.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  int answered_during = 0;
  for (int i = 0; i < 20 && !done; ++i) {
    auto portal = Client().Get("/api/public/published");
    auto me = Get(reviewer, "/api/me");
    if (portal && portal->status == 200 && me && me->status == 200 && !done) ++answered_during;
  }
  upload.join();
  EXPECT_EQ(status, 201);
  EXPECT_GT(answered_during, 0) << "the batch finished before anything else was asked";
  EXPECT_EQ(CountAudits(), 12);
}

// The uploaded file is kept with its results: downloaded byte for byte as an attachment with a
// header its name cannot break, by whoever may see the audit, without an audit log entry; the
// same bytes uploaded again are stored once; an upload from before files were kept says so.
TEST_P(AuditUploadTest, TheUploadedFileIsKeptOnceAndDownloaded) {
  const std::string pdf = PublishedPdf("minimal.yaml");
  const std::string hostile_name = "示例局 \"2023\"; filename=x.exe 预算.PDF";
  auto first = PostFile(As("reviewer"), hostile_name, pdf);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 201) << first->body;
  const json item = json::parse(first->body)["items"].at(0);
  const std::string id = item["id"].dump();
  EXPECT_EQ(item["download"], "/api/audits/" + id + "/file");

  const SignedIn admin = As("admin");
  const size_t log_before = AuditSize();
  auto file = Get(admin, "/api/audits/" + id + "/file");
  ASSERT_TRUE(file);
  ASSERT_EQ(file->status, 200) << file->body;
  EXPECT_EQ(file->body, pdf);
  EXPECT_EQ(file->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(AuditSize(), log_before);  // a download changes nothing
  // An attachment, its ASCII name made by the server, the name as uploaded only percent-encoded:
  // no quote, semicolon or space of it reaches the header (read raw: the client library would
  // percent-decode it).
  const std::string raw = gongkai::testing::RawGet(port_, "/api/audits/" + id + "/file",
                                                   "Cookie: " + admin.cookie + "\r\n");
  const size_t at = raw.find("\r\nContent-Disposition: ");
  ASSERT_NE(at, std::string::npos) << raw.substr(0, 400);
  const size_t from = at + std::string("\r\nContent-Disposition: ").size();
  const std::string disposition = raw.substr(from, raw.find("\r\n", from) - from);
  const std::string head = "attachment; filename=\"audit-" + id + ".pdf\"; filename*=UTF-8''";
  ASSERT_EQ(disposition.rfind(head, 0), 0u) << disposition;
  const std::string encoded = disposition.substr(head.size());
  EXPECT_EQ(encoded.find_first_of("\"; \\"), std::string::npos) << encoded;
  EXPECT_EQ(PercentDecoded(encoded), hostile_name);

  // The same bytes again, alone and twice in a batch with a text: one more file kept, not three.
  ASSERT_EQ(Raw("SELECT count(*) FROM audit_files"), "1");
  auto again = PostFile(As("reviewer"), "again.pdf", pdf);
  ASSERT_EQ(again->status, 201) << again->body;
  const std::string text = PublishedText(kOtherExample);
  auto batch = PostBatch(As("reviewer"), {{"file", pdf, "b1.pdf", "application/pdf"},
                                          {"file", pdf, "b2.pdf", "application/pdf"},
                                          {"file", text, "其他.txt", "text/plain"}});
  ASSERT_EQ(batch->status, 201) << batch->body;
  EXPECT_EQ(CountAudits(), 5);
  EXPECT_EQ(Raw("SELECT count(*) FROM audit_files"), "2");
  const std::string again_id = json::parse(again->body)["items"][0]["id"].dump();
  auto same = Get(As("reviewer"), "/api/audits/" + again_id + "/file");
  EXPECT_EQ(same->body, pdf);
  EXPECT_NE(same->get_header_value("Content-Disposition").find("filename*=UTF-8''again.pdf"),
            std::string::npos);
  const std::string text_id = json::parse(batch->body)["items"][2]["id"].dump();
  auto text_file = Get(As("reviewer"), "/api/audits/" + text_id + "/file");
  EXPECT_EQ(text_file->body, text);
  EXPECT_EQ(text_file->get_header_value("Content-Type"), "text/plain; charset=utf-8");
  EXPECT_NE(text_file->get_header_value("Content-Disposition")
                .find("filename=\"audit-" + text_id + ".txt\""),
            std::string::npos);
  // Kept files are never changed or removed.
  EXPECT_FALSE(Raw("UPDATE audit_files SET size = 1"));
  EXPECT_FALSE(Raw("DELETE FROM audit_files"));
  EXPECT_EQ(Get(As("reviewer"), "/api/audits/" + id + "/file")->body, pdf);

  // An upload stored before the server kept files (schema version 4): its SHA-256 and no file.
  ASSERT_TRUE(
      Raw("INSERT INTO audit_uploads(department_code, department_name, year, kind, file_name, "
          "sha256, size, uploaded_by, created_at, errors, notes, tables, report_json, "
          "figures_json) VALUES('901', '示例局', 2022, '预算', 'old.pdf', '" +
          std::string(64, 'a') + "', 10, 'reviewer', 1, 0, 0, 0, '{}', '[]')"));
  const json listed = json::parse(Get(As("reviewer"), "/api/audits?year=2022")->body)["items"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_TRUE(listed[0]["download"].is_null()) << listed[0];
  auto old = Get(As("reviewer"), "/api/audits/" + listed[0]["id"].dump() + "/file");
  EXPECT_EQ(old->status, 404);
  EXPECT_NE(json::parse(old->body).value("error", "").find("没有原件"), std::string::npos)
      << old->body;
  EXPECT_EQ(Get(As("reviewer"), "/api/audits/999999/file")->status, 404);
}

INSTANTIATE_TEST_SUITE_P(Stores, AuditUploadTest, ::testing::ValuesIn(StoreKinds()), StoreKindName);

}  // namespace
}  // namespace gongkai::server::testing
