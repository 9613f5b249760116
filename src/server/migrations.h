// The schema as a list of migrations per database: migration N (1-based) takes a database at
// schema_version N-1 to N. A migration, once released, is never edited: a change to the schema
// is a new migration appended to the list. The SQLite and PostgreSQL lists describe the same
// schema at every version, each in its own dialect (AUTOINCREMENT / identity, triggers): both are
// expanded from one description in migrations.cc, so they cannot drift apart.
#ifndef GONGKAI_SERVER_MIGRATIONS_H_
#define GONGKAI_SERVER_MIGRATIONS_H_

#include <string_view>
#include <vector>

namespace gongkai::server {

// The SQL of each migration, in order (one string may hold several statements).
const std::vector<std::string_view>& SqliteMigrations();
const std::vector<std::string_view>& PostgresMigrations();

}  // namespace gongkai::server

#endif  // GONGKAI_SERVER_MIGRATIONS_H_
