// fuzz-sources: core/store/SearchTokenizer.cpp
// fuzz-libs: -lsqlite3
// A search query is typed by staff, and message texts come from customers:
// SearchTokenizer turns both into FTS5 text. For any input: nothing crashes;
// the query's MATCH expression is valid FTS5 syntax (a syntax error would
// fail the search); a message whose text is the query itself is found by it
// through the index (the promise that any substring of two or more
// characters is found); highlight spans lie inside the text.
// Runs against SQLite's own FTS5 with the schema's tokenizer options.
#include "store/SearchTokenizer.h"

#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace gd;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

struct Index
{
    sqlite3 *db = nullptr;
    sqlite3_stmt *insert = nullptr;
    sqlite3_stmt *match = nullptr;
    sqlite3_stmt *clear = nullptr;
    sqlite3_stmt *syntax = nullptr; // MATCH on an empty table: parses, finds nothing

    Index()
    {
        check(sqlite3_open(":memory:", &db) == SQLITE_OK, "open");
        // As in Schema.cpp (addSearchIndexV2), with content kept so rows can
        // be deleted between inputs; the tokenizer options are the same.
        check(sqlite3_exec(db,
                           "CREATE VIRTUAL TABLE message_index USING fts5(body, columnsize=0,"
                           " tokenize='unicode61 remove_diacritics 0')",
                           nullptr, nullptr, nullptr)
                  == SQLITE_OK,
              "create");
        check(sqlite3_prepare_v2(db, "INSERT INTO message_index (rowid, body) VALUES (1, ?)", -1,
                                 &insert, nullptr)
                  == SQLITE_OK,
              "prepare insert");
        check(sqlite3_prepare_v2(db, "SELECT rowid FROM message_index WHERE message_index MATCH ?",
                                 -1, &match, nullptr)
                  == SQLITE_OK,
              "prepare match");
        check(sqlite3_prepare_v2(db, "DELETE FROM message_index", -1, &clear, nullptr) == SQLITE_OK,
              "prepare delete");
        check(sqlite3_exec(db,
                           "CREATE VIRTUAL TABLE empty_index USING fts5(body, columnsize=0,"
                           " tokenize='unicode61 remove_diacritics 0')",
                           nullptr, nullptr, nullptr)
                  == SQLITE_OK,
              "create empty");
        check(sqlite3_prepare_v2(db, "SELECT rowid FROM empty_index WHERE empty_index MATCH ?", -1,
                                 &syntax, nullptr)
                  == SQLITE_OK,
              "prepare syntax");
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Index index;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    const SearchTokenizer::Plan plan = SearchTokenizer::plan(text);
    const QString indexed = SearchTokenizer::indexText(text);
    for (const auto &span : SearchTokenizer::matchOffsets(text, plan.terms))
        check(span.first >= 0 && span.second > 0 && span.first + span.second <= text.size(),
              "highlight span inside the text");
    check(SearchTokenizer::containsAll(text, plan.terms), "the text contains its own terms");
    if (plan.match.isEmpty())
        return 0;

    // Every query: the MATCH expression parses (an empty table answers fast).
    const QByteArray match = plan.match.toUtf8();
    sqlite3_bind_text(index.syntax, 1, match.constData(), int(match.size()), SQLITE_TRANSIENT);
    const int syntaxRc = sqlite3_step(index.syntax);
    if (syntaxRc != SQLITE_DONE)
        std::fprintf(stderr, "MATCH %s -> %d %s\n", match.constData(), syntaxRc,
                     sqlite3_errmsg(index.db));
    check(syntaxRc == SQLITE_DONE, "the MATCH expression is valid FTS5");
    sqlite3_reset(index.syntax);

    // One input in eight (chosen by its content, so a crash reproduces):
    // the text, indexed as a message, is found by its own query. Writing to
    // FTS5 costs ten times the rest; doing it always would starve the search.
    quint32 hash = 2166136261u;
    for (size_t i = 0; i < size; ++i)
        hash = (hash ^ data[i]) * 16777619u;
    if (hash % 8 != 0)
        return 0;
    const QByteArray body = indexed.toUtf8();
    sqlite3_bind_text(index.insert, 1, body.constData(), int(body.size()), SQLITE_TRANSIENT);
    check(sqlite3_step(index.insert) == SQLITE_DONE, "insert");
    sqlite3_reset(index.insert);
    sqlite3_bind_text(index.match, 1, match.constData(), int(match.size()), SQLITE_TRANSIENT);
    const int rc = sqlite3_step(index.match);
    if (rc != SQLITE_ROW)
        std::fprintf(stderr, "MATCH %s on \"%s\" -> %s\n", match.constData(), body.constData(),
                     sqlite3_errmsg(index.db));
    check(rc == SQLITE_ROW, "a message is found by its own text");
    sqlite3_reset(index.match);
    check(sqlite3_step(index.clear) == SQLITE_DONE, "delete");
    sqlite3_reset(index.clear);
    return 0;
}
