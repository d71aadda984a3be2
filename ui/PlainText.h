#pragma once
// Text from outside (topics, names, remarks, messages, file names) shown in
// places Qt would read as rich text. A tooltip or an AutoText label that
// starts with a tag renders it: bold, links, even local images. These
// helpers make such text show literally.

#include <QString>

namespace gd::PlainText {

// A tooltip that shows `text` as it is, markup included. Qt guesses rich text
// from the first tag, so the text is escaped inside a rich-text paragraph
// (escaping alone would show "&lt;" when the text has no tag).
QString toolTip(const QString &text);

// The body of a desktop notification. Notification servers that announce
// "body-markup" (GNOME, KDE, Xfce, dunst) read a subset of HTML there, and
// Qt passes the text through as it is: escaped, the text shows literally.
QString notificationBody(const QString &text);

} // namespace gd::PlainText
