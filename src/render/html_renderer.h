// Renders a Document as one self-contained HTML page: inline CSS for screen and A4 print,
// CJK font fallback, tables laid out like the official templates (单位：万元 caption,
// merged header cells, right-aligned amounts). No scripts, no external resources.
#ifndef GONGKAI_RENDER_HTML_RENDERER_H_
#define GONGKAI_RENDER_HTML_RENDERER_H_

#include <string>
#include <string_view>

#include "disclosure/document.h"

namespace gongkai {

std::string RenderHtml(const Document& doc);
// Text for HTML content and quoted attributes: & < > " ' escaped. The one escaper of gongkai
// (the server's pages use it too).
std::string HtmlEscape(std::string_view text);

}  // namespace gongkai

#endif  // GONGKAI_RENDER_HTML_RENDERER_H_
