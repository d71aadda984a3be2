#pragma once
// Internal to core/monitor: a trie over UTF-16 code units for the lexicons'
// forward longest match (a few hundred to a few thousand words, looked up at
// every character of every message, so one hash probe per step). Looks text
// up folded (Lexicon::foldChar) without copying it.

#include <QString>
#include <QStringView>

#include <unordered_map>
#include <vector>

namespace gd {

class WordTrie
{
public:
    struct Found
    {
        qsizetype length = 0; // 0: no word starts here
        int value = -1;
    };

    // A later insert of the same word replaces its value.
    void insert(QStringView word, int value);
    // The longest word starting at `pos`.
    Found longestAt(QStringView text, qsizetype pos) const;
    bool isEmpty() const { return m_values.size() <= 1; }

private:
    static quint64 key(int node, char16_t c) { return (quint64(unsigned(node)) << 16) | c; }
    std::vector<int> m_values{-1}; // per node; node 0 is the root
    std::unordered_map<quint64, int> m_edges;
};

} // namespace gd
