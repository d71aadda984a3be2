#pragma once
// SearchIndex on PostgreSQL: a posting table, message_tokens (token,
// conversation_key, id), one row per distinct SearchTokenizer token of a
// message (schema step 19), with a B-tree on (token, id) (its key) and one
// on (token, conversation_key, id). A token's messages come out of the index
// newest first, so a query stops after the rows it needs whether its word
// is rare or in every tenth message; a room-scoped query walks that room's
// entries only. conversation_key is gd_conversation_key(account,
// conversation), a 32-bit hash: a collision only adds candidates, the
// search's own conditions on messages keep them out.
// A query joins the postings of its exact tokens on the message id (the
// planner starts from the rarest; its statistics know them), and asks for
// prefix tokens (a latin word being typed, "tok*") by range. Each candidate
// then looks its message up, unless the search is narrowed by sender, dates
// or kinds (the planner may start from those messages instead). Without
// positions the index over-approximates phrases, and the search verifies
// every candidate against the real text (the same contract as
// Fts5BigramIndex).

#include "store/SearchIndex.h"

namespace gd {

class PgBigramIndex : public SearchIndex
{
public:
    QString addStatement() const override;
    QString indexedText(const QString &text) const override;
    bool answers(const QString &text) const override;
    Candidates candidates(const QString &columns, const QString &filters,
                          const SearchQuery &query) const override;

    // The statement adding the tokens of the messages in `source`: a table
    // expression named s with the columns id (a row of messages) and tokens
    // (indexedText of its text). The writer's statement (one message), the
    // schema step that builds the table and bulk loads of test archives all
    // add rows through it, so they add the same rows.
    static QString addFromStatement(const QString &source);

    // Longer tokens are left out of the index and of queries (an index row
    // holds a few kB at most); such a word is still verified on the
    // candidates.
    static constexpr int kMaxTokenBytes = 1000;
    // Exact tokens joined (the planner may start from any of them); the
    // rest are checked one lookup each.
    static constexpr int kJoinedTokens = 4;
};

} // namespace gd
