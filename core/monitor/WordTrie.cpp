#include "monitor/WordTrie.h"

#include "monitor/Lexicon.h"

namespace gd {

void WordTrie::insert(QStringView word, int value)
{
    if (word.isEmpty())
        return;
    int node = 0;
    for (QChar c : word) {
        const auto [it, inserted] = m_edges.try_emplace(key(node, c.unicode()), 0);
        if (inserted) {
            it->second = int(m_values.size());
            m_values.push_back(-1);
        }
        node = it->second;
    }
    m_values[size_t(node)] = value;
}

WordTrie::Found WordTrie::longestAt(QStringView text, qsizetype pos) const
{
    Found found;
    int node = 0;
    for (qsizetype i = pos; i < text.size(); ++i) {
        const auto it = m_edges.find(key(node, Lexicon::foldChar(text[i].unicode())));
        if (it == m_edges.end())
            break;
        node = it->second;
        if (m_values[size_t(node)] >= 0)
            found = {i - pos + 1, m_values[size_t(node)]};
    }
    return found;
}

} // namespace gd
