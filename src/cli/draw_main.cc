// gongkai-draw — gongkai's commands with the draw layer (commands.h): what `gongkai render
// --format pdf` and `gongkai audit --format html` run in gongkai's place. It can be run
// directly too, with the same arguments as gongkai.
#include "commands.h"
#include "draw/drawing.h"

int main(int argc, char** argv) { return gongkai::cli::Run(argc, argv, &gongkai::CairoDrawing()); }
