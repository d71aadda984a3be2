#include "store/Fts5BigramIndex.h"

#include "store/SearchTokenizer.h"

namespace gd {

const SearchIndex &SearchIndex::fts5()
{
    static const Fts5BigramIndex index;
    return index;
}

QString Fts5BigramIndex::addStatement() const
{
    return QStringLiteral("INSERT INTO message_index (rowid, body) VALUES (:p0, :p1)");
}

QString Fts5BigramIndex::indexedText(const QString &text) const
{
    return SearchTokenizer::indexText(text);
}

bool Fts5BigramIndex::answers(const QString &text) const
{
    return !SearchTokenizer::plan(text).match.isEmpty();
}

QString Fts5BigramIndex::candidatesQuery(const QString &columns, const QString &filters) const
{
    // Newest row first (FTS5 walks its rowids backwards, no sort); CROSS
    // JOIN keeps SQLite from driving the join from messages.
    return QStringLiteral("SELECT %1 FROM message_index f CROSS JOIN messages m ON m.id = f.rowid"
                          " WHERE message_index MATCH ? AND f.rowid < ?%2"
                          " ORDER BY f.rowid DESC LIMIT ?")
        .arg(columns, filters);
}

QVariant Fts5BigramIndex::matchArgument(const QString &text) const
{
    return SearchTokenizer::plan(text).match;
}

} // namespace gd
