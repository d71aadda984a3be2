#include "TrayIcon.h"

#include "PlainText.h"
#include "Theme.h"

#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>

namespace gd {

TrayIcon::TrayIcon(const QIcon &base, QObject *parent)
    : QObject(parent)
    , m_base(base)
    , m_tray(new QSystemTrayIcon(base, this))
    , m_menu(new QMenu)
{
    m_menu->addAction(tr("Show GroupDesk"), this, &TrayIcon::showRequested);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    emit showRequested();
            });
    setCounts(0, 0);
    m_tray->show(); // does nothing without a tray; shows up if one appears
}

TrayIcon::~TrayIcon()
{
    delete m_menu; // a menu cannot have a QObject parent that is not a widget
}

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

QIcon TrayIcon::badgedIcon(const QIcon &base, int count)
{
    if (count <= 0)
        return base;
    QIcon out;
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap = base.pixmap(size, size);
        if (pixmap.isNull()) {
            pixmap = QPixmap(size, size);
            pixmap.fill(Theme::accent());
        }
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const QString text = count > 99 ? QStringLiteral("99+") : QString::number(count);
        QFont font = p.font();
        font.setBold(true);
        font.setPixelSize(qMax(7, size * (text.size() > 2 ? 9 : 11) / 20));
        p.setFont(font);
        const int h = size * 11 / 20;
        const int w = qMin(size, qMax(h, QFontMetrics(font).horizontalAdvance(text) + h / 3));
        const QRect badge(size - w, 0, w, h);
        p.setPen(Qt::NoPen);
        p.setBrush(Theme::badge());
        p.drawRoundedRect(badge, h / 2.0, h / 2.0);
        p.setPen(Theme::textOnAccent());
        p.drawText(badge, Qt::AlignCenter, text);
        p.end();
        out.addPixmap(pixmap);
    }
    return out;
}

void TrayIcon::setCounts(int unread, int mentions)
{
    if (unread == m_unread && mentions == m_mentions)
        return;
    m_unread = unread;
    m_mentions = mentions;
    m_tray->setIcon(badgedIcon(m_base, unread));
    m_tray->setToolTip(toolTip());
}

void TrayIcon::showHint(const QString &title, const QString &text)
{
    if (QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, PlainText::notificationBody(text), QSystemTrayIcon::Information,
                            6000);
}

QString TrayIcon::toolTip() const
{
    if (m_unread <= 0)
        return tr("GroupDesk: no unread messages");
    if (m_mentions > 0)
        return tr("GroupDesk: %n unread message(s), %1 mention(s) of the bot", nullptr, m_unread)
            .arg(m_mentions);
    return tr("GroupDesk: %n unread message(s)", nullptr, m_unread);
}

} // namespace gd
