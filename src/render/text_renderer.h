// The disclosure as plain text in the form pdftotext gives of a published document (the seeds
// in ../shared/seeds): part and section titles and paragraphs on their own lines, each table as
// its number, title, 部门/单位 and unit lines, then header and body rows with cells separated by
// tabs. It is what `gongkai audit` reads back, so that the reader can be tested against
// documents whose every figure is known (tests/reader_roundtrip_test.cc).
#ifndef GONGKAI_RENDER_TEXT_RENDERER_H_
#define GONGKAI_RENDER_TEXT_RENDERER_H_

#include <string>

#include "disclosure/document.h"

namespace gongkai {

std::string RenderText(const Document& doc);

}  // namespace gongkai

#endif  // GONGKAI_RENDER_TEXT_RENDERER_H_
