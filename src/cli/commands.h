// The commands of gongkai (commands.cc), shared by its two programs:
//
//   gongkai       everything but drawing: it does not link the draw layer, so it never loads
//                 cairo, pango, HarfBuzz's subsetter, glib or X11's libraries (engine/drawing.h
//                 says why). For a PDF (render --format pdf) or an audit report (audit --format
//                 html) it runs gongkai-draw, built beside it, in its place with the same
//                 arguments, before it has printed anything.
//   gongkai-draw  the same commands with the draw layer (draw_main.cc).
//
// `gongkai serve` runs gongkai-serve the same way (serve_main.cc).
#ifndef GONGKAI_CLI_COMMANDS_H_
#define GONGKAI_CLI_COMMANDS_H_

#include "engine/drawing.h"

namespace gongkai::cli {

// Parses the command line and runs the command; the exit code (engine_options.h). `drawing`:
// none in gongkai, which then hands a command that draws over to gongkai-draw.
int Run(int argc, char** argv, const Drawing* drawing);

}  // namespace gongkai::cli

#endif  // GONGKAI_CLI_COMMANDS_H_
