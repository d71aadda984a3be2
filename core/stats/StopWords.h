#pragma once
// StopWords: words left out of word-frequency counts (particles, pronouns,
// filler), from :/stats/stopwords_zh.txt plus words added at run time; tokens
// without any letter (pure numbers, symbols) are stop words too.

#include <QSet>
#include <QString>

namespace gd {

class StopWords
{
public:
    // The list shipped in the library (:/stats/stopwords_zh.txt).
    static StopWords standard();
    // One word per line; '#' starts a comment line.
    void addLines(const QString &text);
    void add(const QString &word);
    bool contains(QStringView token) const;
    qsizetype size() const { return m_words.size(); }

private:
    QSet<QString> m_words;
};

} // namespace gd
