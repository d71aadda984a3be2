#pragma once
// Internal to core/monitor: the folded UTF-8 form of a message that the
// byte-oriented matchers (Hyperscan, RE2) scan, and the way back from byte
// offsets in it to QString (UTF-16) positions. Folding (Lexicon::foldChar) and
// the replacement of unpaired surrogates by U+FFFD keep the UTF-16 length, so
// a position in the folded text is the same position in the original.

#include <QString>
#include <QStringView>

#include <string>
#include <vector>

namespace gd {

void encodeFoldedUtf8(QStringView text, std::string *out);
std::string foldedUtf8(QStringView text);

// UTF-16 positions of byte offsets into `utf8` (which encodeFoldedUtf8 wrote).
// Offsets may come in any order; the result is in the same order.
std::vector<qsizetype> utf16Offsets(const std::string &utf8,
                                    const std::vector<size_t> &byteOffsets);

} // namespace gd
