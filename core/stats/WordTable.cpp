#include "stats/WordTable.h"

#include <cmath>
#include <cstring>

namespace gd {

namespace {

quint32 fold(quint64 hash)
{
    return quint32(hash ^ (hash >> 32));
}

bool sameKey(const WordTable::Entry &e, std::u16string_view word, quint32 hash)
{
    return e.hash == hash && e.length == word.size()
        && std::memcmp(e.key, word.data(), word.size() * sizeof(char16_t)) == 0;
}

} // namespace

quint64 WordTable::hashOf(std::u16string_view word)
{
    quint64 h = kSeed;
    for (char16_t c : word)
        h = extend(h, c);
    return h;
}

void WordTable::reserve(size_t entries)
{
    size_t capacity = 16;
    while (capacity < entries * 2)
        capacity *= 2;
    if (capacity <= m_slots.size())
        return;
    std::vector<Entry> old;
    old.swap(m_slots);
    m_slots.assign(capacity, Entry{});
    const size_t mask = capacity - 1;
    for (const Entry &e : old) {
        if (!e.key)
            continue;
        size_t i = e.hash & mask;
        while (m_slots[i].key)
            i = (i + 1) & mask;
        m_slots[i] = e;
    }
}

void WordTable::grow()
{
    reserve(std::max<size_t>(16, m_slots.size())); // doubles the slots
}

WordTable::Entry *WordTable::slotFor(std::u16string_view word, quint32 hash)
{
    if ((m_used + 1) * 2 > m_slots.size())
        grow();
    const size_t mask = m_slots.size() - 1;
    size_t i = hash & mask;
    while (m_slots[i].key && !sameKey(m_slots[i], word, hash))
        i = (i + 1) & mask;
    Entry &e = m_slots[i];
    if (!e.key) {
        e.key = word.data();
        e.length = quint32(word.size());
        e.hash = hash;
        ++m_used;
    }
    return &e;
}

double WordTable::setWord(std::u16string_view word, double frequency)
{
    Entry *e = slotFor(word, fold(hashOf(word)));
    const double old = e->frequency;
    if (old <= 0)
        ++m_words;
    e->key = word.data(); // the latest storage wins (user words outlive reloads)
    e->frequency = float(frequency);
    e->logFrequency = float(std::log(frequency));
    return old;
}

void WordTable::addPrefix(std::u16string_view prefix)
{
    slotFor(prefix, fold(hashOf(prefix)));
}

const WordTable::Entry *WordTable::find(std::u16string_view word, quint64 fullHash) const
{
    if (m_slots.empty())
        return nullptr;
    const quint32 hash = fold(fullHash);
    const size_t mask = m_slots.size() - 1;
    size_t i = hash & mask;
    while (m_slots[i].key) {
        if (sameKey(m_slots[i], word, hash))
            return &m_slots[i];
        i = (i + 1) & mask;
    }
    return nullptr;
}

void WordTable::swap(WordTable &other) noexcept
{
    m_slots.swap(other.m_slots);
    std::swap(m_used, other.m_used);
    std::swap(m_words, other.m_words);
}

} // namespace gd
