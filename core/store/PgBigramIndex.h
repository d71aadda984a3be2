#pragma once
// SearchIndex on PostgreSQL: message_index (id, tokens) where tokens is a
// tsvector built from SearchTokenizer's bigram tokens as they are
// (array_to_tsvector: no parser, no dictionary, so a two-character Chinese
// word is one lexeme exactly as on SQLite), GIN-indexed. A query is every
// token of the plan AND-ed, prefix tokens as "tok:*"; without positions the
// index over-approximates phrases, and the search verifies every candidate
// against the real text (the same contract as Fts5BigramIndex).

#include "store/SearchIndex.h"

namespace gd {

class PgBigramIndex : public SearchIndex
{
public:
    QString addStatement() const override;
    QString indexedText(const QString &text) const override;
    bool answers(const QString &text) const override;
    QString candidatesQuery(const QString &columns, const QString &filters) const override;
    QVariant matchArgument(const QString &text) const override;

    // The tsquery text for `text` (empty when the index cannot answer it).
    static QString tsQuery(const QString &text);
    // Longer tokens are left out of the index and of queries (a lexeme
    // holds at most 2047 bytes); such a word is still verified on the
    // candidates.
    static constexpr int kMaxTokenBytes = 1000;
};

} // namespace gd
