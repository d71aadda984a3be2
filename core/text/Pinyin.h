#pragma once
// Finds Chinese names by what staff type on a Latin keyboard: pinyin initials
// (`shd` for 售后队), full pinyin (`xinghe`), or a mix, with every reading of
// a character (长 is both chang and zhang). The readings come from Unihan,
// turned into a table at build time (make_pinyin_table.py) and loaded once.

#include <QByteArrayList>
#include <QString>
#include <QStringView>

namespace gd {

// Where a query matched a text, and how well: higher is better.
struct PinyinMatch
{
    bool matched = false;
    int start = 0; // first character of the text that matched (UTF-16 index)
    int length = 0; // UTF-16 units of the text covered by the match
    int score = 0;
};

class Pinyin
{
public:
    // Every toneless reading of a character (ü as v), empty for a character
    // without Mandarin readings.
    static QByteArrayList readings(char32_t codePoint);
    // How many characters the table knows (0 if it failed to load).
    static int characterCount();

    // Whether `query` (letters, digits, other characters; case and spaces
    // ignored) matches a run of `text`: as plain text, or character by
    // character where a Chinese character takes any prefix of any of its
    // readings (an initial, a longer part, or the whole syllable) and any
    // other character matches itself. A direct text match scores highest,
    // then a match at the start of the text, then shorter texts.
    static PinyinMatch match(QStringView text, QStringView query);
};

} // namespace gd
