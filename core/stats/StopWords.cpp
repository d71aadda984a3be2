#include "stats/StopWords.h"

#include <QFile>

namespace gd {

StopWords StopWords::standard()
{
    StopWords words;
    QFile file(QStringLiteral(":/stats/stopwords_zh.txt"));
    if (file.open(QIODevice::ReadOnly))
        words.addLines(QString::fromUtf8(file.readAll()));
    return words;
}

void StopWords::addLines(const QString &text)
{
    const QStringList lines = text.split(u'\n');
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (!line.isEmpty() && !line.startsWith(u'#'))
            add(line);
    }
}

void StopWords::add(const QString &word)
{
    m_words.insert(word.toLower());
}

bool StopWords::contains(QStringView token) const
{
    bool hasLetter = false;
    bool hasUpper = false;
    for (QChar c : token) {
        hasLetter = hasLetter || c.isLetter();
        hasUpper = hasUpper || c.isUpper();
    }
    if (!hasLetter)
        return true; // pure numbers and symbols carry no topic
    // Latin stop words match in any case ("OK", "ok").
    return hasUpper ? m_words.contains(token.toString().toLower())
                    : m_words.contains(token.toString());
}

} // namespace gd
