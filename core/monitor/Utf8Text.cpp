#include "monitor/Utf8Text.h"

#include "monitor/Lexicon.h"

#include <algorithm>
#include <numeric>

namespace gd {

void encodeFoldedUtf8(QStringView text, std::string *out)
{
    out->clear();
    out->reserve(size_t(text.size()) * 3);
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c)) {
            if (i + 1 < n && text[i + 1].isLowSurrogate()) {
                c = QChar::surrogateToUcs4(char16_t(c), text[i + 1].unicode());
                ++i;
            } else {
                c = 0xFFFD;
            }
        } else if (QChar::isLowSurrogate(c)) {
            c = 0xFFFD;
        } else {
            c = Lexicon::foldChar(char16_t(c));
        }
        if (c < 0x80) {
            out->push_back(char(c));
        } else if (c < 0x800) {
            out->push_back(char(0xC0 | (c >> 6)));
            out->push_back(char(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out->push_back(char(0xE0 | (c >> 12)));
            out->push_back(char(0x80 | ((c >> 6) & 0x3F)));
            out->push_back(char(0x80 | (c & 0x3F)));
        } else {
            out->push_back(char(0xF0 | (c >> 18)));
            out->push_back(char(0x80 | ((c >> 12) & 0x3F)));
            out->push_back(char(0x80 | ((c >> 6) & 0x3F)));
            out->push_back(char(0x80 | (c & 0x3F)));
        }
    }
}

std::string foldedUtf8(QStringView text)
{
    std::string out;
    encodeFoldedUtf8(text, &out);
    return out;
}

std::vector<qsizetype> utf16Offsets(const std::string &utf8, const std::vector<size_t> &byteOffsets)
{
    std::vector<size_t> order(byteOffsets.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return byteOffsets[a] < byteOffsets[b]; });
    std::vector<qsizetype> result(byteOffsets.size(), 0);
    size_t byte = 0;
    qsizetype units = 0;
    for (size_t k : order) {
        const size_t target = std::min(byteOffsets[k], utf8.size());
        while (byte < target) {
            const unsigned char b = static_cast<unsigned char>(utf8[byte]);
            if ((b & 0xC0) != 0x80)
                units += b >= 0xF0 ? 2 : 1;
            ++byte;
        }
        result[k] = units;
    }
    return result;
}

} // namespace gd
