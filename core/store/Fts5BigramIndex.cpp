#include "store/Fts5BigramIndex.h"

#include "store/SearchTokenizer.h"
#include "store/SearchTypes.h"

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

SearchIndex::Candidates Fts5BigramIndex::candidates(const QString &columns, const QString &filters,
                                                    const SearchQuery &query) const
{
    // Newest row first (FTS5 walks its rowids backwards, no sort); CROSS
    // JOIN keeps SQLite from driving the join from messages.
    Candidates c;
    c.sql = QStringLiteral("SELECT %1 FROM message_index f CROSS JOIN messages m ON m.id = f.rowid"
                           " WHERE message_index MATCH ? AND f.rowid < ?%2"
                           " ORDER BY f.rowid DESC LIMIT ?")
                .arg(columns, filters);
    c.binds << SearchTokenizer::plan(query.text).match;
    return c;
}

} // namespace gd
