#include "Theme.h"

#include <QGuiApplication>
#include <QHash>
#include <QPalette>

namespace gd::Theme {

namespace {

struct Colors
{
    QColor sidebar, roomList, feed, surface, selection, hover, accountSelected, accountHover, pill,
        divider, border, input, inputBorder;
    QColor text, textSecondary, textOnDark, textOnDarkSecondary, textOnAccent, notice, status,
        placeholder;
    QColor bubbleOther, bubbleOtherBorder, bubbleSelf, bubbleSelfBorder, bubblePending, mention,
        mentionBorder;
    QColor accent, accentHover, disabled, disabledText, badge, error, warning, link, offline, jump,
        searchSelected, searchHover, match, matchText;
};

const Colors &light()
{
    static const Colors c{
        QColor(0x26, 0x2a, 0x33), QColor(0xf0, 0xf1, 0xf4), QColor(0xf6, 0xf7, 0xf9),
        QColor(0xff, 0xff, 0xff), QColor(0xdc, 0xe3, 0xee), QColor(0xe6, 0xe8, 0xed),
        QColor(0x3a, 0x40, 0x4d), QColor(0x30, 0x35, 0x40), QColor(0xe6, 0xe9, 0xee),
        QColor(0xe6, 0xe8, 0xec), QColor(0xe1, 0xe4, 0xe9), QColor(0xff, 0xff, 0xff),
        QColor(0xdd, 0xe1, 0xe7),
        // text
        QColor(0x1f, 0x23, 0x29), QColor(0x80, 0x86, 0x91), QColor(0xe8, 0xea, 0xee),
        QColor(0x9a, 0xa1, 0xad), QColor(0xff, 0xff, 0xff), QColor(0xa0, 0x68, 0x00),
        QColor(0x5d, 0x63, 0x6e), QColor(0x9a, 0xa1, 0xad),
        // bubbles
        QColor(0xff, 0xff, 0xff), QColor(0xe3, 0xe6, 0xeb), QColor(0xc9, 0xf0, 0xd0),
        QColor(0xa9, 0xdc, 0xb3), QColor(0xe6, 0xf4, 0xe8), QColor(0xff, 0xf0, 0xdc),
        QColor(0xf0, 0xb4, 0x5a),
        // accents
        QColor(0x1a, 0xad, 0x5a), QColor(0x20, 0xc2, 0x66), QColor(0xc9, 0xd3, 0xcc),
        QColor(0xf4, 0xf6, 0xf5), QColor(0xf0, 0x4c, 0x4c), QColor(0xd9, 0x3b, 0x3b),
        QColor(0xe0, 0x9b, 0x1a), QColor(0x2b, 0x6c, 0xd8), QColor(0x8a, 0x90, 0x9b),
        QColor(0xff, 0xf3, 0xc4), QColor(0xdd, 0xe8, 0xfb), QColor(0xf1, 0xf3, 0xf6),
        QColor(0xff, 0xe0, 0x82), QColor(0x20, 0x20, 0x20)};
    return c;
}

const Colors &dark()
{
    static const Colors c{
        QColor(0x17, 0x19, 0x1e), QColor(0x20, 0x23, 0x29), QColor(0x1b, 0x1d, 0x22),
        QColor(0x24, 0x27, 0x2e), QColor(0x33, 0x3e, 0x55), QColor(0x2b, 0x2f, 0x37),
        QColor(0x33, 0x38, 0x44), QColor(0x2a, 0x2e, 0x38), QColor(0x2c, 0x30, 0x38),
        QColor(0x32, 0x36, 0x3f), QColor(0x34, 0x38, 0x42), QColor(0x2b, 0x2f, 0x37),
        QColor(0x3a, 0x3f, 0x4a),
        // text
        QColor(0xe4, 0xe6, 0xeb), QColor(0x9a, 0xa1, 0xad), QColor(0xe8, 0xea, 0xee),
        QColor(0x8d, 0x94, 0xa0), QColor(0xff, 0xff, 0xff), QColor(0xe3, 0xa8, 0x3c),
        QColor(0xaa, 0xb0, 0xba), QColor(0x7d, 0x84, 0x90),
        // bubbles
        QColor(0x2a, 0x2e, 0x36), QColor(0x38, 0x3d, 0x47), QColor(0x1f, 0x4d, 0x33),
        QColor(0x2a, 0x66, 0x45), QColor(0x1d, 0x38, 0x29), QColor(0x45, 0x33, 0x1c),
        QColor(0x9a, 0x6a, 0x28),
        // accents
        QColor(0x1a, 0xad, 0x5a), QColor(0x20, 0xc2, 0x66), QColor(0x34, 0x45, 0x3a),
        QColor(0x7f, 0x8b, 0x84), QColor(0xe5, 0x48, 0x4d), QColor(0xf0, 0x6a, 0x6a),
        QColor(0xe0, 0xa9, 0x3a), QColor(0x6e, 0xa8, 0xff), QColor(0x6c, 0x72, 0x7d),
        QColor(0x4a, 0x43, 0x26), QColor(0x2e, 0x3d, 0x59), QColor(0x2a, 0x2e, 0x36),
        QColor(0x8a, 0x6d, 0x00), QColor(0xff, 0xff, 0xff)};
    return c;
}

Mode g_mode = Mode::Light;

const Colors &c()
{
    return isDark() ? dark() : light();
}

} // namespace

void setMode(Mode mode)
{
    g_mode = mode;
}

Mode mode()
{
    return g_mode;
}

bool isDark()
{
    if (g_mode == Mode::System) {
        // Qt 6.4 has no colour-scheme hint: a dark window colour in the
        // platform's palette is the desktop's dark mode.
        if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
            return false;
        return QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
    }
    return g_mode == Mode::Dark;
}

QString modeName(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return QStringLiteral("light");
    case Mode::Dark:
        return QStringLiteral("dark");
    case Mode::System:
        break;
    }
    return QStringLiteral("system");
}

Mode modeFromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return Mode::Light;
    if (name == QLatin1String("dark"))
        return Mode::Dark;
    return Mode::System;
}

QPalette widgetPalette()
{
    const Colors &k = c();
    QPalette p;
    p.setColor(QPalette::Window, k.feed);
    p.setColor(QPalette::WindowText, k.text);
    p.setColor(QPalette::Base, k.surface);
    p.setColor(QPalette::AlternateBase, k.roomList);
    p.setColor(QPalette::Text, k.text);
    p.setColor(QPalette::PlaceholderText, k.placeholder);
    p.setColor(QPalette::Button, isDark() ? k.hover : k.surface);
    p.setColor(QPalette::ButtonText, k.text);
    p.setColor(QPalette::BrightText, k.textOnAccent);
    p.setColor(QPalette::Highlight, k.accent);
    p.setColor(QPalette::HighlightedText, k.textOnAccent);
    p.setColor(QPalette::ToolTipBase, k.surface);
    p.setColor(QPalette::ToolTipText, k.text);
    p.setColor(QPalette::Link, k.link);
    p.setColor(QPalette::Mid, k.border);
    p.setColor(QPalette::Dark, k.border.darker(130));
    p.setColor(QPalette::Light, k.hover.lighter(110));
    p.setColor(QPalette::Midlight, k.hover);
    p.setColor(QPalette::Shadow, QColor(0, 0, 0));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, k.textSecondary);
    return p;
}

QColor sidebarBackground()
{
    return c().sidebar;
}
QColor roomListBackground()
{
    return c().roomList;
}
QColor feedBackground()
{
    return c().feed;
}
QColor surface()
{
    return c().surface;
}
QColor selection()
{
    return c().selection;
}
QColor hover()
{
    return c().hover;
}
QColor accountSelected()
{
    return c().accountSelected;
}
QColor accountHover()
{
    return c().accountHover;
}
QColor pill()
{
    return c().pill;
}
QColor divider()
{
    return c().divider;
}
QColor textPrimary()
{
    return c().text;
}
QColor textSecondary()
{
    return c().textSecondary;
}
QColor textOnDark()
{
    return c().textOnDark;
}
QColor textOnDarkSecondary()
{
    return c().textOnDarkSecondary;
}
QColor textOnAccent()
{
    return c().textOnAccent;
}
QColor notice()
{
    return c().notice;
}
QColor bubbleOther()
{
    return c().bubbleOther;
}
QColor bubbleOtherBorder()
{
    return c().bubbleOtherBorder;
}
QColor bubbleSelf()
{
    return c().bubbleSelf;
}
QColor bubbleSelfBorder()
{
    return c().bubbleSelfBorder;
}
QColor bubblePending()
{
    return c().bubblePending;
}
QColor mentionBackground()
{
    return c().mention;
}
QColor mentionBorder()
{
    return c().mentionBorder;
}
QColor accent()
{
    return c().accent;
}
QColor badge()
{
    return c().badge;
}
QColor error()
{
    return c().error;
}
QColor warning()
{
    return c().warning;
}
QColor link()
{
    return c().link;
}
QColor offline()
{
    return c().offline;
}
QColor jumpHighlight()
{
    return c().jump;
}
QColor searchSelected()
{
    return c().searchSelected;
}
QColor searchHover()
{
    return c().searchHover;
}
QColor matchBackground()
{
    return c().match;
}
QColor matchText()
{
    return c().matchText;
}

QColor senderColor(const QString &senderId)
{
    // Muted, readable hues on white; picked by hash so a sender keeps its colour.
    static const QColor palette[] = {
        QColor(0x2b, 0x6c, 0xd8), QColor(0x8e, 0x44, 0xad), QColor(0xc0, 0x5a, 0x1c),
        QColor(0x16, 0x8a, 0x7a), QColor(0xb0, 0x36, 0x6b), QColor(0x3d, 0x7a, 0x2a),
        QColor(0x6b, 0x5b, 0xc9), QColor(0xa3, 0x6b, 0x00),
    };
    const size_t n = sizeof(palette) / sizeof(palette[0]);
    const QColor color = palette[qHash(senderId) % n];
    return isDark() ? color.lighter(140) : color; // readable on dark bubbles too
}

QString styleSheet()
{
    const Colors &k = c();
    // Placeholders are replaced by the palette's colours: one sheet, two themes.
    QString sheet = QStringLiteral(R"(
QMainWindow { background: $feed; }
QWidget#sidebar { background: $sidebar; }
QLabel#brand { color: #ffffff; font-size: 15pt; font-weight: 600; }
QLabel#sidebarCaption { color: $textOnDarkSecondary; font-size: 8.5pt; font-weight: 600; }
QListView#accountList { background: transparent; border: none; color: $textOnDark; outline: 0; }
QToolButton#addAccount { color: $onAccent; background: $accent; border: none; border-radius: 14px;
    font-size: 14pt; font-weight: 600; min-width: 28px; min-height: 28px; }
QToolButton#addAccount:hover { background: $accentHover; }
QWidget#roomPane { background: $roomList; border-right: 1px solid $border; }
QLineEdit#roomFilter { background: $input; border: 1px solid $inputBorder; border-radius: 6px;
    padding: 5px 8px; color: $text; }
QLineEdit#roomFilter:focus { border-color: $accent; }
QListView#roomList { background: transparent; border: none; outline: 0; }
QWidget#feedHeader { background: $surface; border-bottom: 1px solid $divider; }
QLabel#roomTitle { font-size: 12pt; font-weight: 600; color: $text; }
QLabel#roomSubtitle { color: $textSecondary; }
QWidget#composer { background: $surface; border-top: 1px solid $divider; }
QPlainTextEdit#composerEdit { border: none; background: $surface; color: $text;
    font-size: 10.5pt; }
QPushButton#sendButton { background: $accent; color: $onAccent; border: none; border-radius: 6px;
    padding: 6px 18px; font-weight: 600; }
QPushButton#sendButton:hover { background: $accentHover; }
QPushButton#sendButton:disabled { background: $disabled; color: $disabledText; }
QLabel#composerHint { color: $textSecondary; }
QLabel#composerError { color: $error; }
QLabel#errorText { color: $error; }
QLabel#searchNotice { color: $notice; }
QLabel#ruleProblem { color: $error; }
QFrame#storageBanner { background: $error; }
QFrame#storageBanner QLabel { color: $onAccent; font-weight: 600; }
QFrame#noticeBanner { background: $surface; border: none; border-bottom: 1px solid $divider; }
QFrame#noticeBanner QLabel { color: $text; }
QPushButton#newMessages { background: $accent; color: $onAccent; border: none; border-radius: 13px;
    padding: 5px 14px; font-weight: 600; }
QWidget#loginPanel { background: $feed; }
QLabel#loginTitle { font-size: 16pt; font-weight: 600; color: $text; }
QLabel#loginStatus { font-size: 11pt; color: $text; }
QLabel#loginHint { color: $textSecondary; }
QFrame#qrCard { background: #ffffff; border: 1px solid $bubbleOtherBorder; border-radius: 12px; }
QLabel#placeholder { color: $placeholder; font-size: 12pt; background: $feed; }
QTabWidget::pane { border: none; }
QTabBar::tab { background: transparent; color: $textSecondary; padding: 8px 18px; border: none;
    border-bottom: 2px solid transparent; font-weight: 600; }
QTabBar::tab:selected { color: $text; border-bottom: 2px solid $accent; }
QTabBar::tab:hover { color: $text; }
QStatusBar { background: $surface; border-top: 1px solid $divider; color: $status; }
QStatusBar QLabel { color: $status; padding: 0 6px; }
QTreeView, QListView#contactsView { background: $surface; border: 1px solid $divider; border-radius: 6px; }
QTreeView::item { padding: 5px 6px; }
QTreeView::item:selected { background: $selection; color: $text; }
QHeaderView::section { background: $feed; border: none; border-bottom: 1px solid $divider;
    padding: 5px 8px; color: $status; font-weight: 600; }
QLabel#pageCaption { font-weight: 600; color: $text; }
QMenuBar { background: $surface; color: $text; border-bottom: 1px solid $divider; }
QMenuBar::item:selected { background: $selection; }
QMenu { background: $surface; color: $text; border: 1px solid $border; }
QMenu::item:selected { background: $selection; color: $text; }
QMenu::item:disabled { color: $textSecondary; }
QFrame#mentionPicker { background: $surface; border: 1px solid $border; border-radius: 6px; }
QListWidget#mentionList { background: $surface; color: $text; border: none; }
QListWidget#mentionList::item:selected { background: $selection; color: $text; }
)");
    const QList<QPair<QString, QColor>> vars = {
        // Longer names first: $textOnDarkSecondary before $textOnDark before $text.
        {QStringLiteral("$textOnDarkSecondary"), k.textOnDarkSecondary},
        {QStringLiteral("$textOnDark"), k.textOnDark},
        {QStringLiteral("$textSecondary"), k.textSecondary},
        {QStringLiteral("$text"), k.text},
        {QStringLiteral("$feed"), k.feed},
        {QStringLiteral("$sidebar"), k.sidebar},
        {QStringLiteral("$onAccent"), k.textOnAccent},
        {QStringLiteral("$accentHover"), k.accentHover},
        {QStringLiteral("$accent"), k.accent},
        {QStringLiteral("$roomList"), k.roomList},
        {QStringLiteral("$border"), k.border},
        {QStringLiteral("$inputBorder"), k.inputBorder},
        {QStringLiteral("$input"), k.input},
        {QStringLiteral("$surface"), k.surface},
        {QStringLiteral("$divider"), k.divider},
        {QStringLiteral("$disabledText"), k.disabledText},
        {QStringLiteral("$disabled"), k.disabled},
        {QStringLiteral("$error"), k.error},
        {QStringLiteral("$notice"), k.notice},
        {QStringLiteral("$bubbleOtherBorder"), k.bubbleOtherBorder},
        {QStringLiteral("$placeholder"), k.placeholder},
        {QStringLiteral("$status"), k.status},
        {QStringLiteral("$selection"), k.selection},
    };
    for (const auto &[name, color] : vars)
        sheet.replace(name, color.name());
    return sheet;
}

} // namespace gd::Theme
