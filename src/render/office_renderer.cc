// Dispatches an office format to its writer. PDF is rendered in memory and written here, so
// that a failed write leaves no half-written file behind; XLSX is written by libxlsxwriter,
// which assembles the zip in its own temporary files and creates `path` only when closing.
#include "render/office_renderer.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "render/pdf_renderer.h"
#include "render/xlsx_renderer.h"

namespace gongkai {
namespace {

bool WriteBytes(const std::string& path, const std::string& bytes, std::string* error) {
  // Write to a sibling temporary file and rename it, so readers never see a partial PDF.
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      *error = std::string("无法写入文件：") + std::strerror(errno);
      return false;
    }
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      *error = std::string("写入文件失败：") + std::strerror(errno);
      std::filesystem::remove(tmp);
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    *error = "无法写入文件：" + ec.message();
    std::filesystem::remove(tmp, ec);
    return false;
  }
  return true;
}

}  // namespace

bool WriteOfficeDocument(const Document& doc, const std::string& format, const std::string& path,
                         const OfficeOptions& options, std::string* error) {
  if (format == "pdf") {
    std::string pdf;
    return RenderPdf(doc, &pdf, error) && WriteBytes(path, pdf, error);
  }
  if (format == "xlsx") return WriteXlsx(doc, path, options, error);
  *error = "不支持的输出格式「" + format + "」";
  return false;
}

}  // namespace gongkai
