#pragma once
// Turns message text into the text the full-text index stores, and a search
// string into an index query. SQLite's tokenizers cannot find two-character
// Chinese words (unicode61 keeps a whole run of Han characters as one token,
// trigram needs three characters), so each run of CJK characters is stored as
// its overlapping bigrams followed by its last character:
//   "退款到账" -> "退款 款到 到账 账"
// A run of n characters becomes exactly n tokens, so positions line up and
// any substring of two or more characters is a phrase of bigrams. Other words
// are kept (lower-cased); emoji and other pictographs become "emo<hex>" tokens
// so they can be searched too. Hits are always verified against the real text.

#include <QString>
#include <QStringList>
#include <QVector>

namespace gd {

class SearchTokenizer
{
public:
    // The text stored in the index for a message text.
    static QString indexText(QStringView text);

    struct Plan
    {
        // Whitespace-separated terms of the query (deduplicated, trimmed); a
        // hit must contain every one (case-insensitively).
        QStringList terms;
        // FTS5 MATCH expression over the indexable terms; empty when no term
        // can be answered from the index (single characters, punctuation).
        QString match;
        // The same tokens as `match`, without the phrases (for an index
        // without positions): each to be contained, `prefix` ones as the
        // start of a token. Empty exactly when `match` is.
        struct Token
        {
            QString text;
            bool prefix = false;
        };
        QVector<Token> tokens;
        bool isEmpty() const { return terms.isEmpty(); }
    };
    static Plan plan(const QString &query);

    // Where the terms occur in `text`: (start, length) pairs in QString units,
    // sorted by start, for highlighting.
    static QVector<QPair<int, int>> matchOffsets(const QString &text, const QStringList &terms);
    // Whether `text` contains every term (case-insensitively).
    static bool containsAll(const QString &text, const QStringList &terms);

    // Caps that keep a pathological query (10,000 characters) cheap: only the
    // first tokens go to the index, the rest is checked on the candidates.
    static constexpr int kMaxTokensPerTerm = 24;
    static constexpr int kMaxIndexedTerms = 8;
};

} // namespace gd
