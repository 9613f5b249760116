#include "xlsx/xlsx_reader.h"

#include <sys/stat.h>

#include <fmt/format.h>
#include <zip.h>
#include <pugixml.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <set>
#include <string_view>

#include "base/utf8_text.h"

namespace gongkai {

XlsxError::XlsxError(const std::string& file, const std::string& location,
                     const std::string& message)
    : std::runtime_error(location.empty() ? file + ": " + message
                                          : file + ": " + location + ": " + message),
      file_(file),
      location_(location),
      message_(message) {}

namespace {

constexpr int kMaxRows = 1048576;
constexpr int kMaxCols = 16384;

// Element names compared without their namespace prefix: most files use the default
// namespace, but some producers write "x:c".
const char* Local(const pugi::xml_node& n) {
  const char* name = n.name();
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}
bool Is(const pugi::xml_node& n, const char* local) { return std::strcmp(Local(n), local) == 0; }
pugi::xml_node Child(const pugi::xml_node& n, const char* local) {
  for (auto c : n.children()) {
    if (c.type() == pugi::node_element && Is(c, local)) return c;
  }
  return {};
}
// An attribute by local name ("r:id" and "id" both match "id" only when asked with prefix
// stripped; relationship ids are looked up by suffix).
pugi::xml_attribute Attr(const pugi::xml_node& n, const char* local) {
  for (auto a : n.attributes()) {
    const char* name = a.name();
    const char* colon = std::strrchr(name, ':');
    if (std::strcmp(colon ? colon + 1 : name, local) == 0) return a;
  }
  return {};
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

class Reader {
 public:
  Reader(std::string name) : name_(std::move(name)) {}

  void Open(const std::string& path) {
    // What the file is, before libzip sees it: a directory, a device or a pipe is named as
    // such (and never read), an encrypted workbook or an old .xls (both OLE compound files)
    // as what it is.
    struct stat st;
    if (stat(path.c_str(), &st) != 0)
      Fail("", "无法打开文件：" + std::string(std::strerror(errno)));
    if (S_ISDIR(st.st_mode)) Fail("", "是目录，不是工作簿");
    if (!S_ISREG(st.st_mode)) Fail("", "不是普通文件（是设备、管道或套接字），不能作为工作簿读取");
    if (static_cast<uintmax_t>(st.st_size) > kXlsxMaxFileBytes) {
      Fail("", fmt::format("文件过大（超过 {} MB）", kXlsxMaxFileBytes >> 20));
    }
    if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
      unsigned char magic[4] = {0, 0, 0, 0};
      const size_t n = std::fread(magic, 1, sizeof magic, f);
      std::fclose(f);
      if (n == 4 && magic[0] == 0xD0 && magic[1] == 0xCF && magic[2] == 0x11 && magic[3] == 0xE0) {
        Fail("",
             "是加密的工作簿或旧版 Excel（.xls）文件：请在 Excel 或 WPS 中取消密码，"
             "另存为 .xlsx 后再读取");
      }
    }
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
    if (!z) {
      if (err == ZIP_ER_OPEN || err == ZIP_ER_NOENT || err == ZIP_ER_READ) {
        Fail("", "无法打开文件：" + std::string(std::strerror(errno)));
      }
      Fail("", "不是 xlsx 工作簿（不是有效的 zip 文件）");
    }
    zip_.reset(z);
  }

  void OpenMemory(const void* data, size_t size) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(data, size, 0, &error);
    if (!src) {
      zip_error_fini(&error);
      Fail("", "内存不足");
    }
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
    zip_error_fini(&error);
    if (!z) {
      zip_source_free(src);
      Fail("", "不是 xlsx 工作簿（不是有效的 zip 文件）");
    }
    zip_.reset(z);
  }

  Workbook Read();

 private:
  [[noreturn]] void Fail(const std::string& location, const std::string& message) const {
    throw XlsxError(name_, location, message);
  }
  std::optional<std::string> Part(const std::string& part_name);
  pugi::xml_document Xml(const std::string& part_name, const std::string& text);
  std::map<std::string, std::string> Rels(const std::string& part_name, std::string* shared,
                                          std::string* styles);
  void ReadSharedStrings(const std::string& part);
  void ReadStyles(const std::string& part);
  void ReadSheet(const std::string& part, XlsxSheet* sheet);
  std::string DateText(const std::string& number, const std::string& where) const;

  std::string name_;
  std::unique_ptr<zip_t, ZipCloser> zip_;
  std::vector<std::string> shared_;
  std::vector<bool> date_style_;     // per cellXfs index
  std::vector<int> style_decimals_;  // per cellXfs index: decimals displayed, -1 for General
  bool date1904_ = false;
  size_t cells_ = 0;
  size_t total_bytes_ = 0;  // uncompressed bytes of every part read so far
};

std::optional<std::string> Reader::Part(const std::string& part_name) {
  std::string key = part_name;
  if (!key.empty() && key.front() == '/') key.erase(0, 1);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip_.get(), key.c_str(), ZIP_FL_ENC_GUESS, &st) != 0) return std::nullopt;
  if ((st.valid & ZIP_STAT_SIZE) && st.size > kXlsxMaxPartBytes)
    Fail("", fmt::format("{} 过大（超过 {} MB）", key, kXlsxMaxPartBytes >> 20));
  zip_file_t* f = zip_fopen(zip_.get(), key.c_str(), 0);
  if (!f) {
    const int code = zip_error_code_zip(zip_get_error(zip_.get()));
    if (code == ZIP_ER_COMPNOTSUPP) {
      Fail("", fmt::format("{} 使用了不支持的压缩方式（如 LZMA）：请在 Excel 或 WPS 中另存为 .xlsx",
                           key));
    }
    if (code == ZIP_ER_ENCRNOTSUPP || code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD) {
      Fail("", fmt::format("{} 已加密：请取消密码后另存为 .xlsx", key));
    }
    Fail("", fmt::format("无法读取 {}（zip 数据损坏）", key));
  }
  std::string out;
  char buf[65536];
  for (;;) {
    zip_int64_t n = zip_fread(f, buf, sizeof buf);
    if (n < 0) {
      zip_fclose(f);
      Fail("", fmt::format("无法读取 {}（zip 数据损坏）", key));
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
    total_bytes_ += static_cast<size_t>(n);
    // The declared size may lie; the limits hold for what is actually inflated.
    if (out.size() > kXlsxMaxPartBytes) {
      zip_fclose(f);
      Fail("", fmt::format("{} 过大（超过 {} MB）", key, kXlsxMaxPartBytes >> 20));
    }
    if (total_bytes_ > kXlsxMaxTotalBytes) {
      zip_fclose(f);
      Fail("", fmt::format("工作簿解压后过大（全部内容超过 {} MB）", kXlsxMaxTotalBytes >> 20));
    }
  }
  zip_fclose(f);
  return out;
}

pugi::xml_document Reader::Xml(const std::string& part_name, const std::string& text) {
  pugi::xml_document doc;
  pugi::xml_parse_result r =
      doc.load_buffer(text.data(), text.size(), pugi::parse_default & ~pugi::parse_wconv_attribute);
  if (!r)
    Fail("",
         fmt::format("{} 不是有效的 XML（第 {} 字节：{}）", part_name, r.offset, r.description()));
  return doc;
}

// The directory of a part ("xl/workbook.xml" → "xl/") and a target resolved against it.
std::string Resolve(const std::string& base_part, const std::string& target) {
  if (!target.empty() && target.front() == '/') return target.substr(1);
  std::string dir = base_part.substr(0, base_part.rfind('/') + 1);
  std::vector<std::string> parts;
  std::string path = dir + target, seg;
  for (size_t i = 0; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '/') {
      if (seg == "..") {
        if (!parts.empty()) parts.pop_back();
      } else if (!seg.empty() && seg != ".") {
        parts.push_back(seg);
      }
      seg.clear();
    } else {
      seg += path[i];
    }
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string RelsName(const std::string& part) {
  size_t slash = part.rfind('/');
  std::string dir = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
  return dir + "_rels/" + file + ".rels";
}

bool EndsWith(const std::string& s, const char* suffix) {
  size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

// Relationship id → resolved part name; also the shared strings and styles parts.
std::map<std::string, std::string> Reader::Rels(const std::string& part, std::string* shared,
                                                std::string* styles) {
  std::map<std::string, std::string> out;
  std::string name = RelsName(part);
  auto text = Part(name);
  if (!text) return out;
  pugi::xml_document doc = Xml(name, *text);
  for (auto rel : Child(doc, "Relationships").children()) {
    if (!Is(rel, "Relationship")) continue;
    std::string type = Attr(rel, "Type").value();
    std::string target = Resolve(part, Attr(rel, "Target").value());
    out[Attr(rel, "Id").value()] = target;
    if (shared && EndsWith(type, "/sharedStrings")) *shared = target;
    if (styles && EndsWith(type, "/styles")) *styles = target;
  }
  return out;
}

// Text of a <si> or <is>: its <t>, or the concatenated <t> of its rich-text runs <r>;
// phonetic guides (<rPh>) are not part of the text.
std::string StringItem(const pugi::xml_node& si) {
  std::string out;
  for (auto c : si.children()) {
    if (Is(c, "t")) {
      out += c.text().get();
    } else if (Is(c, "r")) {
      out += Child(c, "t").text().get();
    }
  }
  return out;
}

void Reader::ReadSharedStrings(const std::string& part) {
  auto text = Part(part);
  if (!text) return;
  pugi::xml_document doc = Xml(part, *text);
  for (auto si : Child(doc, "sst").children()) {
    if (!Is(si, "si")) continue;
    if (shared_.size() >= kXlsxMaxSharedStrings) Fail("", "共享字符串过多（超过上限）");
    shared_.push_back(StringItem(si));
  }
}

// The characters of a number format's first section that format something: outside quoted
// text, escaped and padding characters (\x, _x, *x) and [...] sections (colours, locales,
// elapsed time).
std::string FormatSymbols(const std::string& code) {
  std::string out;
  bool quoted = false, bracket = false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is shown or repeated as is
      continue;
    }
    if (c == '"') quoted = !quoted;
    if (quoted || c == '"') continue;
    if (c == '[' || c == ']') {
      bracket = c == '[';
      continue;
    }
    if (bracket) continue;
    if (c == ';') break;  // the first section (positive numbers) decides
    out += c;
  }
  return out;
}

// Whether a number format code shows a date: it has day or year parts.
bool IsDateFormat(const std::string& code) {
  return FormatSymbols(code).find_first_of("dDyY") != std::string::npos;
}

// Decimal places a number format displays: the digit placeholders after its decimal point (up
// to an exponent); -1 for General.
int FormatDecimals(const std::string& code) {
  if (code.empty() || code == "General" || code == "@") return -1;
  const std::string symbols = FormatSymbols(code);
  int decimals = 0;
  for (size_t i = symbols.find('.'); i != std::string::npos && ++i < symbols.size();) {
    const char c = symbols[i];
    if (c == 'E' || c == 'e') break;
    decimals += c == '0' || c == '#' || c == '?';
  }
  return decimals;
}

// The decimals of Excel's built-in number formats (ECMA-376 Part 1, 18.8.30).
int BuiltinDecimals(int id) {
  switch (id) {
    case 1:
    case 3:
    case 9:
    case 37:
    case 38:
      return 0;  // 0  #,##0  0%  #,##0 ;(#,##0)
    case 2:
    case 4:
    case 10:
    case 11:
    case 39:
    case 40:
      return 2;  // 0.00  #,##0.00 …
    case 48:
      return 1;  // ##0.0E+0
    default:
      return -1;  // General, text, dates
  }
}

bool IsBuiltinDate(int id) {
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

void Reader::ReadStyles(const std::string& part) {
  auto text = Part(part);
  if (!text) return;
  pugi::xml_document doc = Xml(part, *text);
  pugi::xml_node ss = Child(doc, "styleSheet");
  std::set<int> custom_dates;
  std::map<int, int> custom_decimals;
  for (auto f : Child(ss, "numFmts").children()) {
    if (!Is(f, "numFmt")) continue;
    const int id = Attr(f, "numFmtId").as_int(-1);
    const std::string code = Attr(f, "formatCode").value();
    if (IsDateFormat(code)) custom_dates.insert(id);
    custom_decimals[id] = FormatDecimals(code);
  }
  for (auto xf : Child(ss, "cellXfs").children()) {
    if (!Is(xf, "xf")) continue;
    int id = Attr(xf, "numFmtId").as_int(0);
    date_style_.push_back(IsBuiltinDate(id) || custom_dates.count(id));
    auto custom = custom_decimals.find(id);
    style_decimals_.push_back(custom != custom_decimals.end() ? custom->second
                                                              : BuiltinDecimals(id));
  }
}

// A date serial as YYYY-MM-DD (the time of day, if any, is dropped). Excel's 1900 system
// counts the non-existent 1900-02-29 (serial 60), so serials after it are one day late.
std::string Reader::DateText(const std::string& number, const std::string& where) const {
  double serial = 0;
  try {
    serial = std::stod(number);
  } catch (const std::exception&) {
    Fail(where, fmt::format("日期「{}」不是数字", Excerpt(number)));
  }
  if (!(serial >= 0 && serial < 2958466))
    Fail(where, fmt::format("日期「{}」超出范围", Excerpt(number)));
  long days = static_cast<long>(serial);
  if (date1904_) {
    days += 1462;  // 1904-01-01 is serial 1462 in the 1900 system
  }
  if (days == 60) return "1900-02-29";
  if (days > 60) --days;
  // days since 1899-12-31 → civil date (days from 1970-01-01 = days - 25568).
  long z = days - 25568 + 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

bool ParseRange(const std::string& ref, CellRange* r) {
  size_t colon = ref.find(':');
  std::string a = ref.substr(0, colon);
  std::string b = colon == std::string::npos ? a : ref.substr(colon + 1);
  if (!ParseCellRef(a, &r->first_row, &r->first_col) ||
      !ParseCellRef(b, &r->last_row, &r->last_col))
    return false;
  return r->first_row <= r->last_row && r->first_col <= r->last_col;
}

void Reader::ReadSheet(const std::string& part, XlsxSheet* sheet) {
  auto text = Part(part);
  if (!text)
    Fail("", fmt::format("工作表「{}」的部件 {} 不存在", Excerpt(sheet->name), Excerpt(part)));
  pugi::xml_document doc = Xml(part, *text);
  pugi::xml_node ws = Child(doc, "worksheet");
  if (!ws) Fail("", fmt::format("{} 不是工作表（缺少 worksheet 元素）", part));
  int row_no = 0;
  for (auto row : Child(ws, "sheetData").children()) {
    if (!Is(row, "row")) continue;
    if (auto r = Attr(row, "r")) {
      std::string rs = r.value();
      int n = 0;
      bool ok = !rs.empty() && rs.size() <= 7;
      for (char c : rs) ok = ok && c >= '0' && c <= '9';
      if (ok) n = std::stoi(rs);
      if (!ok || n < 1 || n > kMaxRows)
        Fail(sheet->name, fmt::format("行号「{}」无效", Excerpt(rs)));
      row_no = n;
    } else {
      ++row_no;
    }
    if (row_no > kMaxRows) Fail(sheet->name, "行数超过上限");
    int col_no = 0;
    for (auto c : row.children()) {
      if (!Is(c, "c")) continue;
      XlsxCell cell;
      if (auto r = Attr(c, "r")) {
        std::string ref = r.value();
        int rr = 0, cc = 0;
        if (!ParseCellRef(ref, &rr, &cc)) Fail(sheet->name + "!" + ref, "单元格引用无效");
        cell.row = rr;
        cell.col = cc;
      } else {
        cell.row = row_no;
        cell.col = col_no + 1;
        if (cell.col > kMaxCols) Fail(sheet->name, "列数超过上限");
      }
      col_no = cell.col;
      std::string where = sheet->name + "!" + CellRef(cell.row, cell.col);
      std::string t = Attr(c, "t").value();
      pugi::xml_node v = Child(c, "v");
      cell.formula = static_cast<bool>(Child(c, "f"));
      if (t == "s") {
        std::string idx = v.text().get();
        size_t i = 0;
        bool ok = !idx.empty() && idx.size() <= 9;
        for (char ch : idx) ok = ok && ch >= '0' && ch <= '9';
        if (ok) i = std::stoul(idx);
        if (!ok || i >= shared_.size())
          Fail(where, fmt::format("共享字符串编号「{}」超出范围（共 {} 个）", idx, shared_.size()));
        cell.text = shared_[i];
      } else if (t == "inlineStr") {
        cell.text = StringItem(Child(c, "is"));
      } else if (t == "str") {
        cell.text = v.text().get();
      } else if (t == "b") {
        std::string b = v.text().get();
        if (b != "0" && b != "1") Fail(where, fmt::format("布尔值「{}」无效", Excerpt(b)));
        cell.type = CellType::kBoolean;
        cell.text = b == "1" ? "TRUE" : "FALSE";
      } else if (t == "e") {
        cell.type = CellType::kError;
        cell.text = v.text().get();
      } else if (t == "n" || t.empty() || t == "d") {
        cell.text = v.text().get();
        if (cell.text.empty()) continue;  // a styled empty cell
        if (t == "d") {
          cell.type = CellType::kString;  // ISO 8601 date written as text
          cell.text = cell.text.substr(0, 10);
        } else {
          cell.type = CellType::kNumber;
          int s = Attr(c, "s").as_int(0);
          if (s >= 0 && static_cast<size_t>(s) < date_style_.size() && date_style_[s]) {
            cell.type = CellType::kDate;
            cell.text = DateText(cell.text, where);
          } else if (!CellMoney(cell.text, MoneyUnit::kYuan) &&
                     cell.text.find_first_not_of("0123456789.-+eE") != std::string::npos) {
            Fail(where, fmt::format("数值「{}」无效", Excerpt(cell.text)));
          } else if (s >= 0 && static_cast<size_t>(s) < style_decimals_.size()) {
            cell.decimals = style_decimals_[s];
          }
        }
      } else {
        Fail(where, fmt::format("未知的单元格类型「{}」", Excerpt(t)));
      }
      if (size_t bad = FirstNonTextByte(cell.text); bad != std::string_view::npos) {
        Fail(where, NonTextMessage(cell.text, bad, true));
      }
      if (cell.text.empty() && cell.type == CellType::kString) continue;
      if (++cells_ > kXlsxMaxCells) Fail("", "单元格过多（超过上限）");
      sheet->max_row = std::max(sheet->max_row, cell.row);
      sheet->max_col = std::max(sheet->max_col, cell.col);
      sheet->cells[{cell.row, cell.col}] = std::move(cell);
    }
  }
  for (auto m : Child(ws, "mergeCells").children()) {
    if (!Is(m, "mergeCell")) continue;
    CellRange range;
    std::string ref = Attr(m, "ref").value();
    if (!ParseRange(ref, &range))
      Fail(sheet->name + "!" + ref, fmt::format("合并单元格区域「{}」无效", Excerpt(ref)));
    sheet->merged.push_back(range);
  }
}

Workbook Reader::Read() {
  Workbook wb;
  wb.path = name_;
  // The workbook part is named by the package relationships; xl/workbook.xml by convention.
  std::string workbook_part = "xl/workbook.xml";
  if (auto root_rels = Part("_rels/.rels")) {
    pugi::xml_document doc = Xml("_rels/.rels", *root_rels);
    for (auto rel : Child(doc, "Relationships").children()) {
      if (Is(rel, "Relationship") && EndsWith(Attr(rel, "Type").value(), "/officeDocument"))
        workbook_part = Resolve("", Attr(rel, "Target").value());
    }
  }
  auto wb_text = Part(workbook_part);
  if (!wb_text) Fail("", fmt::format("不是 xlsx 工作簿（缺少 {}）", workbook_part));
  pugi::xml_document wb_doc = Xml(workbook_part, *wb_text);
  pugi::xml_node root = Child(wb_doc, "workbook");
  if (!root) Fail("", fmt::format("{} 缺少 workbook 元素", workbook_part));
  std::string pr = Attr(Child(root, "workbookPr"), "date1904").value();
  date1904_ = wb.date1904 = pr == "1" || pr == "true";

  std::string shared_part, styles_part;
  auto rels = Rels(workbook_part, &shared_part, &styles_part);
  if (!shared_part.empty()) ReadSharedStrings(shared_part);
  if (!styles_part.empty()) ReadStyles(styles_part);

  std::set<std::string> names;
  for (auto s : Child(root, "sheets").children()) {
    if (!Is(s, "sheet")) continue;
    XlsxSheet sheet;
    sheet.name = Attr(s, "name").value();
    if (sheet.name.empty()) Fail("", "工作表缺少名称");
    if (size_t bad = FirstNonTextByte(sheet.name); bad != std::string_view::npos) {
      Fail("", "工作表名称" + NonTextMessage(sheet.name, bad, true));
    }
    if (!names.insert(sheet.name).second)
      Fail("", fmt::format("工作表「{}」重复", Excerpt(sheet.name)));
    std::string state = Attr(s, "state").value();
    sheet.hidden = state == "hidden" || state == "veryHidden";
    std::string rid = Attr(s, "id").value();
    auto it = rels.find(rid);
    if (it == rels.end())
      Fail("", fmt::format("工作表「{}」的关系「{}」不存在", Excerpt(sheet.name), Excerpt(rid)));
    ReadSheet(it->second, &sheet);
    wb.sheets.push_back(std::move(sheet));
  }
  if (wb.sheets.empty()) Fail("", "工作簿中没有工作表");
  return wb;
}

}  // namespace

const XlsxCell* XlsxSheet::At(int row, int col) const {
  auto it = cells.find({row, col});
  return it == cells.end() ? nullptr : &it->second;
}

const XlsxCell* XlsxSheet::At(const std::string& ref) const {
  int r = 0, c = 0;
  return ParseCellRef(ref, &r, &c) ? At(r, c) : nullptr;
}

std::string XlsxSheet::Text(int row, int col, bool merged_value) const {
  if (merged_value) {
    for (const auto& m : merged) {
      if (row >= m.first_row && row <= m.last_row && col >= m.first_col && col <= m.last_col) {
        row = m.first_row;
        col = m.first_col;
        break;
      }
    }
  }
  const XlsxCell* c = At(row, col);
  return c ? c->text : "";
}

const XlsxSheet* Workbook::Find(const std::string& name) const {
  for (const auto& s : sheets) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

bool ParseCellRef(const std::string& ref, int* row, int* col) {
  size_t i = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  long c = 0;
  size_t letters = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && letters < 3) {
    c = c * 26 + (ref[i] - 'A' + 1);
    ++i;
    ++letters;
  }
  if (letters == 0) return false;
  if (i < ref.size() && ref[i] == '$') ++i;
  long r = 0;
  size_t digits = 0;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && digits < 8) {
    r = r * 10 + (ref[i] - '0');
    ++i;
    ++digits;
  }
  if (digits == 0 || i != ref.size() || r < 1 || r > kMaxRows || c < 1 || c > kMaxCols)
    return false;
  *row = static_cast<int>(r);
  *col = static_cast<int>(c);
  return true;
}

std::string ColumnName(int col) {
  std::string s;
  while (col > 0) {
    int rem = (col - 1) % 26;
    s.insert(s.begin(), static_cast<char>('A' + rem));
    col = (col - 1) / 26;
  }
  return s;
}

std::string CellRef(int row, int col) { return ColumnName(col) + std::to_string(row); }

std::optional<Money> CellMoney(const std::string& text, MoneyUnit unit) {
  // Split into sign, decimal digits and a power of ten, then round the digits half up at
  // the fen position — integer arithmetic only.
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  std::string digits;
  int exp10 = 0;  // value = digits × 10^exp10
  bool point = false, any = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      any = true;
      if (digits.size() < 40) {
        digits += c;
        if (point) --exp10;
      } else if (!point) {
        ++exp10;  // digits beyond 40 before the point only scale (far out of range anyway)
      }
    } else if (c == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (!any) return std::nullopt;
  if (i < text.size()) {
    if (text[i] != 'e' && text[i] != 'E') return std::nullopt;
    ++i;
    bool eneg = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) eneg = text[i++] == '-';
    int e = 0;
    size_t n = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++n) {
      if (e < 10000) e = e * 10 + (text[i] - '0');
    }
    if (n == 0 || i != text.size()) return std::nullopt;
    exp10 += eneg ? -e : e;
  }
  // Fen per unit: 10^6 in 万元, 10^2 in 元.
  int scale = unit == MoneyUnit::kWan ? 6 : 2;
  int shift = exp10 + scale;  // fen = digits × 10^shift
  size_t start = digits.find_first_not_of('0');
  if (start == std::string::npos) return Money::FromFen(0);
  digits = digits.substr(start);
  __int128 fen = 0;
  const __int128 limit = static_cast<__int128>(INT64_MAX);
  if (shift >= 0) {
    if (digits.size() + static_cast<size_t>(shift) > 19) return std::nullopt;
    for (char c : digits) fen = fen * 10 + (c - '0');
    for (int k = 0; k < shift; ++k) fen *= 10;
  } else {
    size_t drop = static_cast<size_t>(-shift);
    std::string kept = drop >= digits.size() ? "" : digits.substr(0, digits.size() - drop);
    char first_dropped = drop > digits.size() ? '0' : digits[digits.size() - drop];
    if (kept.size() > 19) return std::nullopt;
    for (char c : kept) fen = fen * 10 + (c - '0');
    if (first_dropped >= '5') fen += 1;  // half up on the magnitude
  }
  if (fen > limit) return std::nullopt;
  int64_t v = static_cast<int64_t>(fen);
  return Money::FromFen(negative ? -v : v);
}

Workbook ReadWorkbook(const std::string& path) {
  Reader r(path);
  r.Open(path);
  return r.Read();
}

Workbook ReadWorkbookFromMemory(const void* data, size_t size, const std::string& name) {
  Reader r(name);
  r.OpenMemory(data, size);
  return r.Read();
}

}  // namespace gongkai
