#include "stats/Segmenter.h"

#include <QFile>
#include <QCoreApplication>

#include <cmath>
#include <limits>
#include <mutex>
#include <vector>

namespace gd {

namespace {

enum class Kind { Separator, Han, Alnum };

inline Kind kindOf(QChar c)
{
    if (c.isSurrogate())
        return Kind::Separator; // emoji and rare ideographs: no dictionary words there
    if (c.script() == QChar::Script_Han)
        return Kind::Han;
    if (c.isLetterOrNumber())
        return Kind::Alnum;
    return Kind::Separator;
}

// Full-width ASCII (Ｘ２００, ＡＢＣ) as typed by Chinese input methods -> ASCII,
// so model names and order numbers compare equal however they were typed.
QString foldFullWidth(QStringView text)
{
    QString out = text.toString();
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u >= 0xFF01 && u <= 0xFF5E)
            c = QChar(char16_t(u - 0xFEE0));
        else if (u == 0x3000)
            c = QChar(u' ');
    }
    return out;
}

bool hasFullWidth(QStringView text)
{
    for (QChar c : text)
        if ((c.unicode() >= 0xFF01 && c.unicode() <= 0xFF5E) || c.unicode() == 0x3000)
            return true;
    return false;
}

inline std::u16string_view viewOf(QStringView s, qsizetype from, qsizetype length)
{
    return {reinterpret_cast<const char16_t *>(s.utf16()) + from, size_t(length)};
}

} // namespace

Segmenter::Segmenter() = default;

QString Segmenter::defaultDictionaryPath()
{
    const QString env = qEnvironmentVariable("GD_JIEBA_DICT");
    return env.isEmpty() ? QStringLiteral("/usr/lib/python3/dist-packages/jieba/dict.txt") : env;
}

QString Segmenter::errorString() const
{
    std::shared_lock lock(m_lock);
    return m_error;
}

bool Segmenter::isLoaded() const
{
    std::shared_lock lock(m_lock);
    return m_total > 0;
}

qsizetype Segmenter::wordCount() const
{
    std::shared_lock lock(m_lock);
    return qsizetype(m_words.wordCount());
}

qint64 Segmenter::memoryBytes() const
{
    std::shared_lock lock(m_lock);
    qint64 bytes = qint64(m_words.memoryBytes()) + m_text.capacity() * qint64(sizeof(QChar));
    for (const auto &word : m_userWords)
        bytes += qint64(word.first.capacity() * sizeof(char16_t));
    return bytes;
}

void Segmenter::insertWord(View word, double frequency)
{
    m_total += frequency - m_words.setWord(word, frequency);
    for (size_t i = 1; i < word.size(); ++i)
        m_words.addPrefix(word.substr(0, i));
}

bool Segmenter::loadDictionary(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::unique_lock lock(m_lock);
        m_error = QCoreApplication::translate("Segmenter", "Cannot open the word dictionary %1: %2")
                      .arg(path, file.errorString());
        return false;
    }
    // The whole file as one UTF-16 string: the word map's keys are views into it,
    // so loading makes no per-word allocation.
    QString text = QString::fromUtf8(file.readAll());

    std::unique_lock lock(m_lock);
    WordTable oldWords;
    oldWords.swap(m_words);
    const double oldTotal = m_total;
    m_total = 0;
    // jieba's dictionary has about 1.43 entries (words and prefixes) per line.
    m_words.reserve(size_t(text.count(u'\n') * 3 / 2));

    const QStringView all(text);
    qsizetype pos = 0;
    while (pos < all.size()) {
        qsizetype end = all.indexOf(u'\n', pos);
        if (end < 0)
            end = all.size();
        const QStringView line = all.mid(pos, end - pos);
        const qsizetype space = line.indexOf(u' ');
        if (space > 0) {
            double frequency = 0;
            for (qsizetype i = space + 1; i < line.size() && line[i].isDigit(); ++i)
                frequency = frequency * 10 + line[i].digitValue();
            if (frequency > 0)
                insertWord(viewOf(all, pos, space), frequency);
        }
        pos = end + 1;
    }
    if (m_total <= 0) {
        m_words.swap(oldWords);
        m_total = oldTotal;
        m_error = QCoreApplication::translate("Segmenter", "The word dictionary %1 holds no words")
                      .arg(path);
        return false;
    }
    m_text = std::move(text); // QString moves keep the buffer, so the views stay valid
    for (const auto &[word, frequency] : m_userWords)
        insertWord(View(word), frequency);
    m_logTotal = std::log(m_total);
    m_error.clear();
    return true;
}

double Segmenter::frequencyOf(View word) const
{
    const WordTable::Entry *e = m_words.find(word);
    return e ? e->frequency : 0.0;
}

double Segmenter::segmentRun(QStringView run, const std::function<void(QStringView)> *sink) const
{
    const qsizetype n = run.size();
    // Scratch space reused across calls on a thread (no allocation per message).
    thread_local std::vector<char> cutOk;
    thread_local std::vector<char> alnum;
    thread_local std::vector<double> route;
    thread_local std::vector<qsizetype> next;
    cutOk.assign(size_t(n + 1), 1);
    alnum.resize(size_t(n));
    route.assign(size_t(n + 1), 0.0);
    next.assign(size_t(n + 1), n);
    for (qsizetype p = 0; p < n; ++p)
        alnum[size_t(p)] = kindOf(run[p]) == Kind::Alnum;
    // A cut may not split a run of Latin letters/digits (X200, 12315, order numbers).
    for (qsizetype p = 1; p < n; ++p)
        cutOk[size_t(p)] = !(alnum[size_t(p - 1)] && alnum[size_t(p)]);
    const double logTotal = m_logTotal;
    for (qsizetype k = n - 1; k >= 0; --k) {
        if (!cutOk[size_t(k)])
            continue;
        // The fallback edge: one Han character, or the whole Latin/digit run.
        qsizetype fallback = k + 1;
        if (alnum[size_t(k)])
            while (fallback < n && !cutOk[size_t(fallback)])
                ++fallback;
        double best = std::log(std::max(1.0, frequencyOf(viewOf(run, k, fallback - k)))) - logTotal
            + route[size_t(fallback)];
        qsizetype bestEnd = fallback;
        // Dictionary words starting at k; stop once the fragment is no prefix.
        quint64 hash = WordTable::kSeed;
        for (qsizetype end = k + 1; end <= n; ++end) {
            hash = WordTable::extend(hash, run[end - 1].unicode());
            const WordTable::Entry *e = m_words.find(viewOf(run, k, end - k), hash);
            if (!e)
                break;
            if (e->frequency <= 0 || !cutOk[size_t(end)] || end == fallback)
                continue;
            const double score = double(e->logFrequency) - logTotal + route[size_t(end)];
            if (score >= best) { // ties go to the longer word, as in jieba
                best = score;
                bestEnd = end;
            }
        }
        route[size_t(k)] = best;
        next[size_t(k)] = bestEnd;
    }
    const double score = route[0];
    if (sink) {
        for (qsizetype k = 0; k < n; k = next[size_t(k)])
            (*sink)(run.mid(k, next[size_t(k)] - k));
    }
    return score;
}

QStringList Segmenter::segment(QStringView input) const
{
    QStringList out;
    segment(input, [&out](QStringView word) { out.append(word.toString()); });
    return out;
}

void Segmenter::segment(QStringView input, const std::function<void(QStringView)> &sink) const
{
    QString folded;
    QStringView text = input;
    if (hasFullWidth(input)) {
        folded = foldFullWidth(input);
        text = folded;
    }
    std::shared_lock lock(m_lock);
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && kindOf(text[i]) == Kind::Separator)
            ++i;
        qsizetype j = i;
        while (j < n && kindOf(text[j]) != Kind::Separator)
            ++j;
        if (j > i)
            segmentRun(text.mid(i, j - i), &sink);
        i = j;
    }
}

bool Segmenter::addUserWord(const QString &input, qint64 frequency)
{
    const QString word = hasFullWidth(input) ? foldFullWidth(input).trimmed() : input.trimmed();
    if (word.isEmpty())
        return false;
    for (QChar c : word)
        if (kindOf(c) == Kind::Separator)
            return false; // a word with a space or symbol could never match a run
    std::unique_lock lock(m_lock);
    double f = double(frequency);
    if (f <= 0) {
        // As likely as the best split of the word into its parts, plus one, so
        // the whole word wins over its parts (jieba's suggest_freq).
        const double logTotal = m_total > 0 ? m_logTotal : 0;
        const double score = m_total > 0 ? segmentRun(word, nullptr) : 0;
        f = std::max(
            std::floor(std::exp(score + logTotal)) + 1,
            frequencyOf(View(reinterpret_cast<const char16_t *>(word.utf16()), size_t(word.size())))
                + 1);
    }
    m_userWords.emplace_back(
        std::u16string(reinterpret_cast<const char16_t *>(word.utf16()), size_t(word.size())), f);
    insertWord(View(m_userWords.back().first), f);
    if (m_total > 0)
        m_logTotal = std::log(m_total);
    return true;
}

int Segmenter::addServiceWords()
{
    QFile file(QStringLiteral(":/stats/service_words_zh.txt"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return addUserWords(QString::fromUtf8(file.readAll()).split(u'\n'));
}

int Segmenter::addUserWords(const QStringList &lines)
{
    int added = 0;
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList cols = line.split(u' ', Qt::SkipEmptyParts);
        bool ok = false;
        const qint64 frequency = cols.size() > 1 ? cols[1].toLongLong(&ok) : 0;
        if (addUserWord(cols[0], ok ? frequency : 0))
            ++added;
    }
    return added;
}

} // namespace gd
