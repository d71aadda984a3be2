#include "Pinyin.h"

#include <QFile>
#include <QVector>

#include <algorithm>
#include <cstring>

namespace gd {

namespace {

// The build-time table, read once from the resource.
class PinyinTable
{
public:
    PinyinTable()
    {
        QFile file(QStringLiteral(":/text/pinyin.bin"));
        if (!file.open(QIODevice::ReadOnly))
            return;
        const QByteArray data = file.readAll();
        const char *p = data.constData();
        const char *end = p + data.size();
        auto take = [&](void *out, qsizetype n) {
            if (end - p < n)
                return false;
            std::memcpy(out, p, size_t(n));
            p += n;
            return true;
        };
        char magic[4];
        quint32 version = 0;
        quint16 syllableCount = 0;
        if (!take(magic, 4) || std::memcmp(magic, "GDPY", 4) != 0 || !take(&version, 4)
            || version != 1 || !take(&syllableCount, 2))
            return;
        m_syllables.reserve(syllableCount);
        for (int i = 0; i < syllableCount; ++i) {
            quint8 len = 0;
            if (!take(&len, 1) || end - p < len)
                return;
            m_syllables.append(QByteArray(p, len));
            p += len;
        }
        quint32 count = 0;
        if (!take(&count, 4))
            return;
        QVector<quint32> codePoints(count);
        QVector<quint32> offsets(count + 1);
        if (!take(codePoints.data(), qsizetype(count) * 4)
            || !take(offsets.data(), qsizetype(count + 1) * 4))
            return;
        QVector<quint16> ids(offsets.last());
        if (!take(ids.data(), qsizetype(ids.size()) * 2))
            return;
        for (quint16 id : std::as_const(ids)) {
            if (id >= m_syllables.size())
                return;
        }
        m_codePoints = std::move(codePoints);
        m_offsets = std::move(offsets);
        m_ids = std::move(ids);
    }

    int size() const { return int(m_codePoints.size()); }

    QByteArrayList readings(char32_t cp) const
    {
        const auto it = std::lower_bound(m_codePoints.cbegin(), m_codePoints.cend(), quint32(cp));
        if (it == m_codePoints.cend() || *it != cp)
            return {};
        const qsizetype i = it - m_codePoints.cbegin();
        QByteArrayList result;
        for (quint32 k = m_offsets[i]; k < m_offsets[i + 1]; ++k)
            result.append(m_syllables[m_ids[k]]);
        return result;
    }

private:
    QByteArrayList m_syllables;
    QVector<quint32> m_codePoints;
    QVector<quint32> m_offsets; // size() + 1 entries into m_ids
    QVector<quint16> m_ids;
};

const PinyinTable &table()
{
    static const PinyinTable instance; // thread-safe initialisation
    return instance;
}

// One character of the text: its readings if Chinese, else itself folded.
struct Unit
{
    int pos = 0; // UTF-16 index in the text
    int len = 1;
    char32_t folded = 0;
    QByteArrayList readings;
};

bool sameLetter(char q, char r)
{
    // People type u for ü (lu for 绿) as often as v.
    return q == r || (q == 'u' && r == 'v');
}

} // namespace

QByteArrayList Pinyin::readings(char32_t codePoint)
{
    return table().readings(codePoint);
}

int Pinyin::characterCount()
{
    return table().size();
}

PinyinMatch Pinyin::match(QStringView text, QStringView query)
{
    // Normalise the query: lower case, no spaces.
    QVector<char32_t> q;
    for (char32_t c : query.toUcs4()) {
        if (!QChar::isSpace(c))
            q.append(QChar::toCaseFolded(c));
    }
    PinyinMatch result;
    if (q.isEmpty() || text.isEmpty())
        return result;

    // A direct match of the text itself is the best there is.
    const QString compact = query.toString().simplified().remove(QLatin1Char(' '));
    const qsizetype direct = text.indexOf(compact, 0, Qt::CaseInsensitive);
    if (direct >= 0) {
        result.matched = true;
        result.start = int(direct);
        result.length = int(compact.size());
        result.score = 3000 - (direct == 0 ? 0 : 500) - int(qMin<qsizetype>(text.size(), 400));
        return result;
    }

    QVector<Unit> units;
    for (qsizetype i = 0; i < text.size();) {
        Unit u;
        u.pos = int(i);
        char32_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            u.len = 2;
        }
        i += u.len;
        if (QChar::isSpace(c))
            continue; // "售后 队" is still shd
        u.folded = QChar::toCaseFolded(c);
        if (c >= 0x2E80) // CJK and beyond; Latin never has readings
            u.readings = table().readings(c);
        units.append(u);
    }

    // reach[k][j]: units from `start` up to k consumed exactly q[0..j).
    // A unit with readings consumes any non-empty prefix of one reading.
    const int n = int(units.size());
    const int m = int(q.size());
    QVector<char> reach((n + 1) * (m + 1));
    for (int start = 0; start < n; ++start) {
        std::fill(reach.begin(), reach.end(), 0);
        reach[start * (m + 1) + 0] = 1;
        for (int k = start; k < n; ++k) {
            const Unit &u = units[k];
            bool any = false;
            for (int j = 0; j < m; ++j) {
                if (!reach[k * (m + 1) + j])
                    continue;
                any = true;
                if (u.folded == q[j])
                    reach[(k + 1) * (m + 1) + j + 1] = 1;
                for (const QByteArray &r : u.readings) {
                    for (int l = 0; l < r.size() && j + l < m; ++l) {
                        if (q[j + l] > 0x7f || !sameLetter(char(q[j + l]), r[l]))
                            break;
                        reach[(k + 1) * (m + 1) + j + l + 1] = 1;
                    }
                }
            }
            if (!any)
                break; // this start cannot go further
            if (reach[(k + 1) * (m + 1) + m]) {
                const Unit &last = units[k];
                result.matched = true;
                result.start = units[start].pos;
                result.length = last.pos + last.len - units[start].pos;
                result.score
                    = 2000 - (start == 0 ? 0 : 500) - int(qMin<qsizetype>(text.size(), 400));
                return result;
            }
        }
    }
    return result;
}

} // namespace gd
