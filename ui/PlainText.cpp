#include "PlainText.h"

#include <QTextDocument>

namespace gd::PlainText {

QString toolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    // Qt::convertFromPlainText escapes and keeps line breaks; the result
    // always starts with a tag, so the tooltip is read as (escaped) rich text.
    return Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

QString notificationBody(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace gd::PlainText
