// Renders a Document as one self-contained HTML page: inline CSS for screen and A4 print,
// CJK font fallback, tables laid out like the official templates (单位：万元 caption,
// merged header cells, right-aligned amounts). No scripts, no external resources.
#ifndef GONGKAI_RENDER_HTML_RENDERER_H_
#define GONGKAI_RENDER_HTML_RENDERER_H_

#include <string>

#include "disclosure/document.h"

namespace gongkai {

std::string RenderHtml(const Document& doc);
std::string HtmlEscape(const std::string& text);

}  // namespace gongkai

#endif  // GONGKAI_RENDER_HTML_RENDERER_H_
