#pragma once
// WordTable: the segmenter's dictionary, an open-addressing hash table of
// UTF-16 words (views into storage the owner keeps alive) to their frequency.
// Flat slots instead of std::unordered_map nodes: loading 350k words and their
// 500k prefixes makes no allocation per entry, and lookups touch one cache
// line. The hash (FNV-1a over UTF-16 units) extends one character at a time,
// so scanning the words that start at a position hashes each character once.

#include <QtGlobal>

#include <string_view>
#include <vector>

namespace gd {

class WordTable
{
public:
    struct Entry
    {
        const char16_t *key = nullptr;
        quint32 length = 0;
        quint32 hash = 0;
        float frequency = 0; // 0: only a prefix of longer words
        float logFrequency = 0;
    };

    static constexpr quint64 kSeed = 0xcbf29ce484222325ULL;
    static quint64 extend(quint64 hash, char16_t c) { return (hash ^ c) * 0x100000001b3ULL; }
    static quint64 hashOf(std::u16string_view word);

    void reserve(size_t entries);
    // Sets the word's frequency (> 0); returns the frequency it had (0 if none).
    double setWord(std::u16string_view word, double frequency);
    // Marks a prefix of a word (kept if already present).
    void addPrefix(std::u16string_view prefix);
    // hash must be hashOf(word) (or built with extend()).
    const Entry *find(std::u16string_view word, quint64 hash) const;
    const Entry *find(std::u16string_view word) const { return find(word, hashOf(word)); }
    size_t wordCount() const { return m_words; }
    size_t size() const { return m_used; }
    size_t memoryBytes() const { return m_slots.size() * sizeof(Entry); }
    void swap(WordTable &other) noexcept;

private:
    Entry *slotFor(std::u16string_view word, quint32 hash);
    void grow();

    std::vector<Entry> m_slots; // power-of-two size, at most half full
    size_t m_used = 0;
    size_t m_words = 0;
};

} // namespace gd
