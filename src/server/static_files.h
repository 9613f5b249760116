// The web front end (web/, Vue + Element Plus, built by `make web` into web/dist) served by
// `gongkai serve` at /app/:
//
//   GET /app                 → 302 /app/
//   GET /app/                the built index.html
//   GET /app/assets/x.js     the built files, with their content types; cached for good (Vite
//                            puts a content hash in every asset's name)
//   GET /app/anything/else   index.html again, so that the front end's router shows the page
//                            (a reload or a bookmarked /app/submissions/12 works)
//
// A missing asset (/app/assets/…) is 404, not index.html: a script tag must not get a page.
// There is no directory listing, and a path that climbs out of the directory is 404.
// When the directory has no index.html, every /app/ path answers a Chinese 404 page saying
// how to build the front end. The pages under /app/ run the front end's scripts, so their
// Content-Security-Policy allows scripts from the server itself (and nothing from elsewhere),
// where the portal's pages allow none.
#ifndef GONGKAI_SERVER_STATIC_FILES_H_
#define GONGKAI_SERVER_STATIC_FILES_H_

#include <httplib.h>

#include <string>

namespace gongkai::server {

// Where the built front end is by default: web/dist beside the bundled data directory (as
// the bundled examples are).
std::string BundledWebDir();

// Whether `dir` holds a built front end (its index.html).
bool IsWebBuild(const std::string& dir);

// Serves the built front end in `dir` at /app/ (see above); an empty `dir` is one without a
// build.
void RegisterStaticFiles(httplib::Server& http, const std::string& dir);

}  // namespace gongkai::server

#endif  // GONGKAI_SERVER_STATIC_FILES_H_
