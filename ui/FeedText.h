#pragma once
// What the feed shows of a message's text: a bounded prefix (a 2 MB message
// must not be laid out on the GUI thread; the rest is one click away in a
// viewer), WeChat emoji codes as emoji, and the http(s) links in it with
// their positions in the shown text. Pure text work, no widgets: testable
// and cheap (only the prefix is scanned).

#include <QString>
#include <QVector>

namespace gd {

class FeedText
{
public:
    static constexpr int kMaxChars = 3000;
    static constexpr int kMaxLines = 60;

    struct Link
    {
        int start = 0; // in `shown`
        int length = 0;
        QString url; // http(s) only
    };
    struct Prepared
    {
        QString shown;
        QVector<Link> links;
        bool truncated = false; // `shown` is a prefix of the text
    };

    static Prepared prepare(const QString &text, int maxChars = kMaxChars,
                            int maxLines = kMaxLines);
    // The http(s) links in `text`, in order. Trailing punctuation (a full
    // stop after a link) is not part of it.
    static QVector<Link> findLinks(const QString &text);
};

} // namespace gd
