#pragma once
// The full-text index over message text, as the store sees it: the writer
// adds each new message's text, the search asks for candidate rows (which
// it then verifies against the real text). Callers never name the index's
// table or its query syntax: each database brings its own implementation
// (SqlDialect::searchIndex()): Fts5BigramIndex on SQLite, PgBigramIndex on
// PostgreSQL, both over SearchTokenizer's bigram tokens.

#include <QString>
#include <QVariant>
#include <QVariantList>

namespace gd {

struct SearchQuery;

class SearchIndex
{
public:
    virtual ~SearchIndex() = default;

    static const SearchIndex &fts5(); // SQLite
    static const SearchIndex &postgresBigrams(); // PostgreSQL

    // --- writer ---
    // The statement adding one message: binds :p0 (the message's row id)
    // and :p1 (indexedText of its text).
    virtual QString addStatement() const = 0;
    virtual QString indexedText(const QString &text) const = 0;

    // --- search ---
    // Whether `text` is answered from the index (else the search scans a
    // bounded window of messages).
    virtual bool answers(const QString &text) const = 0;
    // The candidates of a query, newest row first: selects `columns` (of
    // messages AS m) of rows holding the query text's tokens (and in its
    // conversation, where the index can narrow by one itself).
    struct Candidates
    {
        QString sql;
        // Binds in order: these, the row id to stay below, the binds of
        // `filters` (" AND m.…" conditions), the row limit.
        QVariantList binds;
    };
    virtual Candidates candidates(const QString &columns, const QString &filters,
                                  const SearchQuery &query) const = 0;
};

} // namespace gd
