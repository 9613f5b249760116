// gongkai — the command line (commands.h): every command but drawing, which it hands over to
// gongkai-draw, and `serve`, which it hands over to gongkai-serve.
#include "commands.h"

int main(int argc, char** argv) { return gongkai::cli::Run(argc, argv, nullptr); }
