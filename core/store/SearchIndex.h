#pragma once
// The full-text index over message text, as the store sees it: the writer
// adds each new message's text, the search asks for candidate rows (which
// it then verifies against the real text). Callers never name the index's
// table or its query syntax: each database brings its own implementation
// (SqlDialect::searchIndex()): Fts5BigramIndex on SQLite, PgBigramIndex on
// PostgreSQL, both over SearchTokenizer's bigram tokens.

#include <QString>
#include <QVariant>

namespace gd {

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
    // The candidates, newest row first: selects `columns` (of messages AS
    // m). Binds in order: matchArgument(text), the row id to stay below,
    // the binds of `filters` (" AND m.…" conditions), the row limit.
    virtual QString candidatesQuery(const QString &columns, const QString &filters) const = 0;
    virtual QVariant matchArgument(const QString &text) const = 0;
};

} // namespace gd
