#pragma once
// SearchIndex on SQLite FTS5: the contentless table message_index (schema
// step 2) holding SearchTokenizer's bigram text, so two-character Chinese
// words are found (see SearchTokenizer for why).

#include "store/SearchIndex.h"

namespace gd {

class Fts5BigramIndex : public SearchIndex
{
public:
    QString addStatement() const override;
    QString indexedText(const QString &text) const override;
    bool answers(const QString &text) const override;
    Candidates candidates(const QString &columns, const QString &filters,
                          const SearchQuery &query) const override;
};

} // namespace gd
