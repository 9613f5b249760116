// Renders the computed Document as JSON, for machines: sections, tables (header and rows,
// each amount cell with its displayed text and its exact value in 万元) and the glossary.
#ifndef GONGKAI_RENDER_JSON_RENDERER_H_
#define GONGKAI_RENDER_JSON_RENDERER_H_

#include <string>

#include "disclosure/document.h"

namespace gongkai {

std::string RenderJson(const Document& doc);

}  // namespace gongkai

#endif  // GONGKAI_RENDER_JSON_RENDERER_H_
