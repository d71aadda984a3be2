#include "FeedText.h"

#include "WeChatEmoji.h"

#include <QRegularExpression>
#include <QUrl>

namespace gd {

FeedText::Prepared FeedText::prepare(const QString &text, int maxChars, int maxLines)
{
    Prepared p;
    int cut = int(text.size());
    if (cut > maxChars)
        cut = maxChars;
    // A text of many short lines is as tall as a long one: bound the lines too.
    int lines = 1;
    for (int i = 0; i < cut; ++i) {
        if (text.at(i) == QLatin1Char('\n') && ++lines > maxLines) {
            cut = i;
            break;
        }
    }
    if (cut < text.size()) {
        if (cut > 0 && text.at(cut - 1).isHighSurrogate())
            --cut; // never split a character
        p.truncated = true;
        p.shown = WeChatEmoji::replaceCodes(text.left(cut)) + QChar(0x2026);
    } else {
        p.shown = WeChatEmoji::replaceCodes(text);
    }
    p.links = findLinks(p.shown);
    return p;
}

QVector<FeedText::Link> FeedText::findLinks(const QString &text)
{
    QVector<Link> links;
    if (!text.contains(QLatin1String("http"), Qt::CaseInsensitive))
        return links;
    // Up to whitespace, quotes, angle brackets or CJK punctuation (a link
    // typed in Chinese text usually ends right before "，" or "。").
    static const QRegularExpression re(
        QStringLiteral("https?://[^\\s<>\"'\\x{3000}-\\x{303F}\\x{FF00}-\\x{FFEF}\\x{2026}]+"),
        QRegularExpression::CaseInsensitiveOption);
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString url = m.captured();
        // Trailing punctuation belongs to the sentence, not the link.
        while (!url.isEmpty() && QStringLiteral(".,;:!?)]}").contains(url.back())
               && !(url.back() == QLatin1Char(')')
                    && url.count(QLatin1Char('(')) >= url.count(QLatin1Char(')'))))
            url.chop(1);
        const QUrl parsed(url, QUrl::StrictMode);
        const QString scheme = parsed.scheme().toLower();
        if (!parsed.isValid() || parsed.host().isEmpty()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            continue;
        links.append({int(m.capturedStart()), int(url.size()), url});
    }
    return links;
}

} // namespace gd
