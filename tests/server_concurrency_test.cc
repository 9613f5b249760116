// Many requests at once against one server, against every store kind: public portal reads,
// signed-in reviewers' reads and comments, uploads checked and stored, renders, scoring and audit
// uploads, on several threads started together, while every cache they share starts cold — a
// fresh Engine (catalogs by year, templates, check settings), the server's renders, figures
// and portal answers, and in a process of its own (ctest runs each test alone) the PDF fonts.
// Each answer is then compared with what the same work gives done alone through the shared
// engine, so a cache filled wrongly by two threads at once is a failed assertion here, not
// only a report of scripts/tsan.sh (which runs this test under ThreadSanitizer).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

#include <chrono>
#include <functional>
#include <latch>
#include <mutex>

#include "render/audit_report.h"
#include "server/documents.h"
#include "server/overview.h"
#include "server/workflow.h"
#include "server_test_support.h"

namespace gongkai::server::testing {
namespace {

struct Answer {
  std::string what;  // "GET /portal/1.pdf", "upload bazhou-finance-2022.yaml", …
  int status = 0;    // -1: no answer
  std::string body;
};

Answer Of(const std::string& what, const httplib::Result& res) {
  return res ? Answer{what, res->status, res->body} : Answer{what, -1, ""};
}

// The disclosure of stored submission `id` in `format`, rendered alone by the shared engine.
std::string RenderedAlone(Store& store, int64_t id, DisclosureFormat format) {
  std::string error, bytes;
  auto s = store.GetSubmission(id);
  EXPECT_TRUE(s) << id;
  if (!s) return "";
  auto d = LoadStored(SharedEngine(), *s, &error);
  EXPECT_TRUE(d) << error;
  if (!d) return "";
  EXPECT_TRUE(SharedEngine().Render(SharedEngine().Disclose(*d), format, {}, &bytes, &error))
      << error;
  return bytes;
}

// A PDF with the dates cairo writes into it (/CreationDate, /ModDate: the second it was made)
// blanked, so that two renders of the same document compare equal.
std::string WithoutDates(std::string pdf) {
  for (const std::string key : {"/CreationDate (", "/ModDate ("}) {
    for (size_t at = pdf.find(key); at != std::string::npos; at = pdf.find(key, at + 1)) {
      for (size_t i = at + key.size(); i < pdf.size() && pdf[i] != ')'; ++i) pdf[i] = '-';
    }
  }
  return pdf;
}

TEST_P(ServerTest, ConcurrentRequestsGiveTheAnswersOfOneAtATime) {
  // Published: two departments' budgets (the portal, the overview); in 编制: a department with
  // three 项目申报表 to score.
  const int64_t published = SubmitMinimal(As("filer"));
  Walk(published, kStatePublished);
  const int64_t other = SubmitExample(As("filer2"), kOtherExample);
  Walk(other, kStatePublished, "2");
  const int64_t scored = SubmitExample(As("admin"), "dongxihu-finance-2023.yaml");
  ASSERT_GT(published * other * scored, 0);

  // The same database served again by a new server over a new engine: every cache cold.
  Stop();
  engine_ =
      std::make_unique<Engine>(EngineOptions{gongkai::testing::DataDir(), {}, &CairoDrawing()});
  Start();
  sessions_.clear();
  const SignedIn filer = As("filer"), filer2 = As("filer2"), admin = As("admin"),
                 reviewer = As("reviewer"), zhuguan = As("zhuguan");

  const std::string portal = "/portal/" + std::to_string(published);
  const std::string api = "/api/submissions/" + std::to_string(published);
  const std::string score = "/api/submissions/" + std::to_string(scored) + "/score";
  // Sources of other years and kinds than those already stored, each loaded for the first time
  // by the fresh engine while the others are: catalogs of 2022 and 2024, a 决算's templates.
  const std::vector<std::pair<SignedIn, std::string>> uploads = {
      {filer, "minimal.yaml"},
      {filer2, kOtherExample},
      {admin, "bazhou-finance-2022.yaml"},
      {admin, "sample-science-bureau-2024-budget.yaml"},
      {admin, "putuo-finance-2024-final.yaml"},
      {admin, "xinzhou-gov-office-2023.yaml"}};

  constexpr int kRounds = 3;
  std::vector<std::function<std::vector<Answer>()>> work;
  for (int reader = 0; reader < 2; ++reader) {  // the public
    work.push_back([&] {
      std::vector<Answer> out;
      for (int round = 0; round < kRounds; ++round) {
        for (const std::string& path :
             {std::string("/"), portal + ".html", portal + ".pdf", portal + ".xlsx",
              std::string("/api/public/published"), std::string("/api/public/overview")}) {
          out.push_back(Of("GET " + path, Client().Get(path.c_str())));
        }
      }
      return out;
    });
  }
  for (size_t i = 0; i < uploads.size(); i += 2) {  // departments uploading, two each
    work.push_back([&, i] {
      std::vector<Answer> out;
      for (size_t j = i; j < i + 2 && j < uploads.size(); ++j) {
        const auto& [who, example] = uploads[j];
        out.push_back(Of("upload " + example, Post(who, "/api/submissions", ReadExample(example))));
      }
      return out;
    });
  }
  work.push_back([&] {  // 绩效科 scoring
    std::vector<Answer> out;
    for (int round = 0; round < kRounds; ++round) {
      out.push_back(Of("GET " + score, Get(reviewer, score)));
    }
    return out;
  });
  work.push_back([&] {  // the bureau auditing what was published, as the portal serves it
    std::vector<Answer> out;
    for (int round = 0; round < 2; ++round) {
      auto pdf = Client().Get((portal + ".pdf").c_str());
      out.push_back(Of("GET " + portal + ".pdf", pdf));
      if (!pdf || pdf->status != 200) continue;
      out.push_back(Of("audit", Post(reviewer, "/api/audits?name=published.pdf", pdf->body, true,
                                     "application/octet-stream")));
    }
    return out;
  });
  work.push_back([&] {  // the department's reviewer: list, open, findings, document, comment
    std::vector<Answer> out;
    for (int round = 0; round < kRounds; ++round) {
      out.push_back(Of("GET /api/submissions", Get(zhuguan, "/api/submissions")));
      out.push_back(Of("GET " + api, Get(zhuguan, api)));
      out.push_back(Of("GET " + api + "/findings", Get(zhuguan, api + "/findings")));
      out.push_back(Of("GET " + api + "/document", Get(zhuguan, api + "/document")));
      out.push_back(Of("comment", PostJson(zhuguan, api + "/comments",
                                           {{"finding", ""},
                                            {"text", "第" + std::to_string(round) + "轮意见"}})));
    }
    return out;
  });

  std::latch start(static_cast<std::ptrdiff_t>(work.size()));
  std::vector<std::vector<Answer>> answers(work.size());
  std::vector<std::thread> threads;
  for (size_t i = 0; i < work.size(); ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      answers[i] = work[i]();
    });
  }
  for (std::thread& t : threads) t.join();
  std::map<std::string, std::vector<Answer>> by_what;
  for (const auto& list : answers) {
    for (const Answer& a : list) by_what[a.what].push_back(a);
  }

  // Every answer of the same request is the same, and as expected.
  auto same = [&](const std::string& what, int status) -> std::string {
    const auto& list = by_what[what];
    EXPECT_FALSE(list.empty()) << what;
    if (list.empty()) return "";
    for (const Answer& a : list) {
      EXPECT_EQ(a.status, status) << what << ": " << a.body.substr(0, 300);
      EXPECT_EQ(a.body, list[0].body) << what << ": answers differ";
    }
    return list[0].body;
  };
  const std::string index = same("GET /", 200);
  EXPECT_NE(index.find(kOwnDepartment), std::string::npos);
  EXPECT_NE(index.find(kOtherDepartment), std::string::npos);
  EXPECT_NE(index.find(portal + ".pdf"), std::string::npos);
  // The renders, as the shared engine renders the stored source alone.
  const std::string html = RenderedAlone(*store_, published, DisclosureFormat::kHtml);
  EXPECT_EQ(same("GET " + portal + ".html", 200), html);
  EXPECT_EQ(same("GET " + api + "/document", 200), html);
  // Two first renders at once may both be made (and differ in their dates): the rest is equal.
  const auto& pdfs = by_what["GET " + portal + ".pdf"];
  ASSERT_FALSE(pdfs.empty());
  const std::string pdf = pdfs[0].body;
  const std::string pdf_alone =
      WithoutDates(RenderedAlone(*store_, published, DisclosureFormat::kPdf));
  EXPECT_NE(pdf_alone.find("/CreationDate (-"), std::string::npos);
  for (const Answer& a : pdfs) {
    EXPECT_EQ(a.status, 200);
    EXPECT_EQ(a.body.substr(0, 5), "%PDF-");
    EXPECT_EQ(WithoutDates(a.body), pdf_alone);
  }
  // A workbook says when it was made (docProps/core.xml): not compared byte for byte.
  for (const Answer& a : by_what["GET " + portal + ".xlsx"]) {
    EXPECT_EQ(a.status, 200);
    EXPECT_EQ(a.body.substr(0, 4), "PK\x03\x04");
  }
  const json listed = json::parse(same("GET /api/public/published", 200));
  ASSERT_EQ(listed["items"].size(), 2u);
  // The overview's figures (its ledger grows with the uploads' departments, so is left out), as
  // computed alone from the published budgets.
  FiguresCache alone;
  const json expected = Overview(SharedEngine(), *store_, alone, 0, std::time(nullptr));
  for (const Answer& a : by_what["GET /api/public/overview"]) {
    ASSERT_EQ(a.status, 200) << a.body;
    const json overview = json::parse(a.body);
    for (const char* key :
         {"year", "years", "by_function", "three_public_by_year", "basic_vs_project"}) {
      EXPECT_EQ(overview[key], expected[key]) << key;
    }
    EXPECT_EQ(overview["departments"].size(), 2u);
  }

  // Each upload stored with the findings the shared engine gives the same source alone.
  for (const auto& [who, example] : uploads) {
    const auto& list = by_what["upload " + example];
    ASSERT_EQ(list.size(), 1u) << example;
    ASSERT_EQ(list[0].status, 201) << example << ": " << list[0].body.substr(0, 300);
    const int64_t id = json::parse(list[0].body)["id"];
    const auto stored = store_->GetSubmission(id);
    ASSERT_TRUE(stored) << example;
    const ReviewedSource alone_review =
        ReviewSource(SharedEngine(), ReadExample(example), "submission.yaml");
    ASSERT_TRUE(alone_review.submission) << example;
    EXPECT_EQ(stored->department_code, alone_review.submission->department_code) << example;
    EXPECT_EQ(stored->findings_json, alone_review.submission->findings_json) << example;
    EXPECT_EQ(stored->counts.errors, alone_review.submission->counts.errors) << example;
    EXPECT_EQ(stored->counts.warnings, alone_review.submission->counts.warnings) << example;
  }

  // Scoring: as server_score_test.cc knows it (三 项目申报表, 1.1 lost a point).
  const json scores = json::parse(same("GET " + score, 200));
  EXPECT_EQ(scores["projects"].size(), 3u);
  EXPECT_EQ(scores["max"], 300);
  bool found_first = false;
  const json& items = scores["items"];
  for (const auto& item : items) {
    if (item["code"] != "1/1.1") continue;
    found_first = true;
    EXPECT_EQ(item["score"], 3);
  }
  EXPECT_TRUE(found_first);

  // The audits of the portal's PDF, as the shared engine audits the same bytes alone.
  const AuditedDocument audited = SharedEngine().Audit(pdf, "published.pdf");
  ASSERT_TRUE(audited.document) << audited.error;
  const json audit_alone = json::parse(AuditDocumentJson(audited));
  const auto& audits = by_what["audit"];
  EXPECT_EQ(audits.size(), 2u);
  for (const Answer& a : audits) {
    ASSERT_EQ(a.status, 201) << a.body.substr(0, 300);
    const json item = json::parse(a.body)["items"].at(0);
    EXPECT_EQ(item["department"], kOwnDepartment);
    EXPECT_EQ(item["counts"]["error"], audited.Errors());
    EXPECT_EQ(item["counts"]["note"], audited.Notes());
    auto detail = Get(admin, "/api/audits/" + std::to_string(item["id"].get<int64_t>()));
    ASSERT_TRUE(detail && detail->status == 200);
    const json got = json::parse(detail->body);
    EXPECT_EQ(got["findings"], audit_alone["findings"]);
    EXPECT_EQ(got["tables_found"], audit_alone["tables"]);
  }

  // The department's reviewer: its list holds the published version (and the new upload of
  // its department), the findings are the stored ones, the comments were all kept.
  for (const Answer& a : by_what["GET /api/submissions"]) {
    ASSERT_EQ(a.status, 200) << a.body;
    bool has_published = false;
    const json list = json::parse(a.body);
    for (const auto& item : list["items"]) {
      EXPECT_EQ(item["department_code"], kOwnDepartment);
      has_published = has_published || item["id"] == published;
    }
    EXPECT_TRUE(has_published) << a.body.substr(0, 600);
  }
  for (const Answer& a : by_what["GET " + api]) EXPECT_EQ(a.status, 200) << a.body;
  const json findings = json::parse(same("GET " + api + "/findings", 200))["findings"];
  EXPECT_EQ(findings.size(), json::parse(store_->GetSubmission(published)->findings_json).size());
  for (const Answer& a : by_what["comment"]) EXPECT_EQ(a.status, 201) << a.body;
  EXPECT_EQ(store_->Comments(published).size(), static_cast<size_t>(kRounds));
}

// A hundred clients connecting at once are all accepted by the kernel at once. Debian's
// cpp-httplib listens with a backlog of 5: the SYNs beyond it were dropped and those clients
// waited the 1 s SYN retransmission (bench/server_bench.sh's p99 of 0.8-1.4 s; server.cc).
TEST_P(ServerTest, ABurstOfConnectionsIsAcceptedAtOnce) {
  constexpr int kClients = 100;  // within the smallest net.core.somaxconn of current kernels
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port_));
  ASSERT_EQ(inet_pton(AF_INET, "127.0.0.1", &address.sin_addr), 1);
  std::vector<pollfd> clients;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kClients; ++i) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    ASSERT_GE(fd, 0);
    const int rc = connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address));
    ASSERT_TRUE(rc == 0 || errno == EINPROGRESS) << std::strerror(errno);
    clients.push_back({fd, POLLOUT, 0});
  }
  int connected = 0;
  while (connected < kClients &&
         std::chrono::steady_clock::now() - start < std::chrono::seconds(5)) {
    connected = 0;
    poll(clients.data(), clients.size(), 50);
    for (const pollfd& c : clients) connected += (c.revents & POLLOUT) ? 1 : 0;
  }
  const auto took = std::chrono::steady_clock::now() - start;
  for (const pollfd& c : clients) {
    int error = 0;
    socklen_t size = sizeof(error);
    getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &size);
    EXPECT_EQ(error, 0) << std::strerror(error);
    close(c.fd);
  }
  EXPECT_EQ(connected, kClients);
  EXPECT_LT(took, std::chrono::milliseconds(900))
      << "some connection waited for a SYN retransmission: the listen backlog is too short";
}

}  // namespace
}  // namespace gongkai::server::testing
