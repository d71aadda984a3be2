#pragma once
// The console's colours and the application style sheet in one place, so the
// custom-painted views and the widgets styled by QSS stay consistent.

#include <QColor>
#include <QFont>
#include <QString>

namespace gd::Theme {

// Surfaces
inline QColor sidebarBackground()
{
    return QColor(0x26, 0x2a, 0x33);
}
inline QColor roomListBackground()
{
    return QColor(0xf0, 0xf1, 0xf4);
}
inline QColor feedBackground()
{
    return QColor(0xf6, 0xf7, 0xf9);
}
inline QColor selection()
{
    return QColor(0xdc, 0xe3, 0xee);
}

// Text
inline QColor textPrimary()
{
    return QColor(0x1f, 0x23, 0x29);
}
inline QColor textSecondary()
{
    return QColor(0x80, 0x86, 0x91);
}
inline QColor textOnDark()
{
    return QColor(0xe8, 0xea, 0xee);
}
inline QColor textOnDarkSecondary()
{
    return QColor(0x9a, 0xa1, 0xad);
}

// Bubbles
inline QColor bubbleOther()
{
    return QColor(0xff, 0xff, 0xff);
}
inline QColor bubbleOtherBorder()
{
    return QColor(0xe3, 0xe6, 0xeb);
}
inline QColor bubbleSelf()
{
    return QColor(0xc9, 0xf0, 0xd0);
}
inline QColor bubbleSelfBorder()
{
    return QColor(0xa9, 0xdc, 0xb3);
}
inline QColor bubblePending()
{
    return QColor(0xe6, 0xf4, 0xe8);
}

// Accents
inline QColor accent()
{
    return QColor(0x1a, 0xad, 0x5a);
}
inline QColor badge()
{
    return QColor(0xf0, 0x4c, 0x4c);
}
inline QColor error()
{
    return QColor(0xd9, 0x3b, 0x3b);
}
inline QColor warning()
{
    return QColor(0xe0, 0x9b, 0x1a);
}
inline QColor link()
{
    return QColor(0x2b, 0x6c, 0xd8);
}

// A stable colour per sender so a busy group is easier to follow.
QColor senderColor(const QString &senderId);

// The style sheet for the whole application (widgets not painted by hand).
QString styleSheet();

} // namespace gd::Theme
