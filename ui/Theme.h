#pragma once
// The console's colours and the application style sheet in one place, so the
// custom-painted views and the widgets styled by QSS stay consistent. Two
// palettes, light and dark; "follow the system" picks one from the desktop's
// palette. Views read the colours when they paint, so switching takes effect
// on the next repaint (MainWindow re-applies the style sheet and repaints).

#include <QColor>
#include <QFont>
#include <QString>

class QPalette;

namespace gd::Theme {

enum class Mode {
    Light,
    Dark,
    System, // dark when the desktop's window colour is dark
};

void setMode(Mode mode);
Mode mode();
bool isDark();
// "light", "dark", "system" (for settings) and back; unknown text is System.
QString modeName(Mode mode);
Mode modeFromName(const QString &name);
// The widget palette for the current mode (dialogs, menus and inputs that
// the style sheet does not cover).
QPalette widgetPalette();

// Surfaces
QColor sidebarBackground();
QColor roomListBackground();
QColor feedBackground();
QColor surface(); // headers, composer, status bar, tables
QColor selection();
QColor hover(); // a row under the pointer
QColor accountSelected(); // the sidebar's current account
QColor accountHover();
QColor pill(); // date bands, system lines, image placeholders
QColor divider();

// Text
QColor textPrimary();
QColor textSecondary();
QColor textOnDark();
QColor textOnDarkSecondary();
QColor textOnAccent(); // on accent, badge and avatar colours
QColor notice(); // a caveat, not an error

// Bubbles
QColor bubbleOther();
QColor bubbleOtherBorder();
QColor bubbleSelf();
QColor bubbleSelfBorder();
QColor bubblePending();
QColor mentionBackground(); // a message that mentions the bot
QColor mentionBorder();

// Accents
QColor accent();
QColor badge();
QColor error();
QColor warning();
QColor link();
QColor offline(); // the state dot of an account that is not connected
QColor jumpHighlight(); // the message a search hit opened at
QColor searchSelected();
QColor searchHover();
QColor matchBackground(); // matched words in search results
QColor matchText();

// A stable colour per sender so a busy group is easier to follow.
QColor senderColor(const QString &senderId);

// The style sheet for the whole application (widgets not painted by hand).
QString styleSheet();

} // namespace gd::Theme
