#include "Theme.h"

#include <QHash>

namespace gd::Theme {

QColor senderColor(const QString &senderId)
{
    // Muted, readable hues on white; picked by hash so a sender keeps its colour.
    static const QColor palette[] = {
        QColor(0x2b, 0x6c, 0xd8), QColor(0x8e, 0x44, 0xad), QColor(0xc0, 0x5a, 0x1c),
        QColor(0x16, 0x8a, 0x7a), QColor(0xb0, 0x36, 0x6b), QColor(0x3d, 0x7a, 0x2a),
        QColor(0x6b, 0x5b, 0xc9), QColor(0xa3, 0x6b, 0x00),
    };
    const size_t n = sizeof(palette) / sizeof(palette[0]);
    return palette[qHash(senderId) % n];
}

QString styleSheet()
{
    return QStringLiteral(R"(
QMainWindow { background: #f6f7f9; }
QWidget#sidebar { background: #262a33; }
QLabel#brand { color: #ffffff; font-size: 15pt; font-weight: 600; }
QLabel#sidebarCaption { color: #9aa1ad; font-size: 8.5pt; font-weight: 600; }
QListView#accountList { background: transparent; border: none; color: #e8eaee; outline: 0; }
QToolButton#addAccount { color: #ffffff; background: #1aad5a; border: none; border-radius: 14px;
    font-size: 14pt; font-weight: 600; min-width: 28px; min-height: 28px; }
QToolButton#addAccount:hover { background: #20c266; }
QWidget#roomPane { background: #f0f1f4; border-right: 1px solid #e1e4e9; }
QLineEdit#roomFilter { background: #ffffff; border: 1px solid #dde1e7; border-radius: 6px;
    padding: 5px 8px; color: #1f2329; }
QLineEdit#roomFilter:focus { border-color: #1aad5a; }
QListView#roomList { background: transparent; border: none; outline: 0; }
QWidget#feedHeader { background: #ffffff; border-bottom: 1px solid #e6e8ec; }
QLabel#roomTitle { font-size: 12pt; font-weight: 600; color: #1f2329; }
QLabel#roomSubtitle { color: #808691; }
QWidget#composer { background: #ffffff; border-top: 1px solid #e6e8ec; }
QPlainTextEdit#composerEdit { border: none; background: #ffffff; color: #1f2329;
    font-size: 10.5pt; }
QPushButton#sendButton { background: #1aad5a; color: #ffffff; border: none; border-radius: 6px;
    padding: 6px 18px; font-weight: 600; }
QPushButton#sendButton:hover { background: #20c266; }
QPushButton#sendButton:disabled { background: #c9d3cc; color: #f4f6f5; }
QLabel#composerHint { color: #808691; }
QLabel#composerError { color: #d93b3b; }
QPushButton#newMessages { background: #1aad5a; color: #ffffff; border: none; border-radius: 13px;
    padding: 5px 14px; font-weight: 600; }
QWidget#loginPanel { background: #f6f7f9; }
QLabel#loginTitle { font-size: 16pt; font-weight: 600; color: #1f2329; }
QLabel#loginStatus { font-size: 11pt; color: #1f2329; }
QLabel#loginHint { color: #808691; }
QFrame#qrCard { background: #ffffff; border: 1px solid #e3e6eb; border-radius: 12px; }
QLabel#placeholder { color: #9aa1ad; font-size: 12pt; }
QTabWidget::pane { border: none; }
QTabBar::tab { background: transparent; color: #808691; padding: 8px 18px; border: none;
    border-bottom: 2px solid transparent; font-weight: 600; }
QTabBar::tab:selected { color: #1f2329; border-bottom: 2px solid #1aad5a; }
QTabBar::tab:hover { color: #1f2329; }
QStatusBar { background: #ffffff; border-top: 1px solid #e6e8ec; color: #5d636e; }
QStatusBar QLabel { color: #5d636e; padding: 0 6px; }
QTreeView, QListView#contactsView { background: #ffffff; border: 1px solid #e6e8ec; border-radius: 6px; }
QTreeView::item { padding: 5px 6px; }
QTreeView::item:selected { background: #dce3ee; color: #1f2329; }
QHeaderView::section { background: #f6f7f9; border: none; border-bottom: 1px solid #e6e8ec;
    padding: 5px 8px; color: #5d636e; font-weight: 600; }
QLabel#pageCaption { font-weight: 600; color: #1f2329; }
)");
}

} // namespace gd::Theme
