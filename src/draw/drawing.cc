#include "draw/drawing.h"

#include "draw/audit_html.h"
#include "draw/pdf_fonts.h"
#include "draw/pdf_renderer.h"

namespace gongkai {
namespace {

class Cairo final : public Drawing {
 public:
  bool RenderPdf(const Document& doc, std::string* pdf, std::string* error) const override {
    return gongkai::RenderPdf(doc, pdf, error);
  }

  std::string PdfFontWarning() const override {
    const PdfFonts& fonts = PreparePdfFonts();
    if (!fonts.noto_missing) return "";
    return fonts.note +
           "，PDF 将使用系统的替代字体，中文可能无法正常显示。请运行 scripts/bootstrap.sh"
           "（或 apt-get install fonts-noto-cjk）。";
  }

  std::string AuditHtml(const AuditedDocument& a) const override { return gongkai::AuditHtml(a); }
};

}  // namespace

const Drawing& CairoDrawing() {
  static const Cairo drawing;
  return drawing;
}

}  // namespace gongkai
