// MainWindow's life beside the desktop: the tray icon with the unread count,
// the count in the window title, notifications for mentions and watched
// groups, closing to the tray, and the window's geometry kept across runs.

#include "MainWindow.h"

#include "AccountNotifier.h"
#include "AppSettings.h"
#include "MessageNotifier.h"
#include "RoomListModel.h"
#include "TrayIcon.h"
#include "UnreadTracker.h"

#include <QCloseEvent>
#include <QCoreApplication>
#include <QDockWidget>
#include <QStatusBar>
#include <QStyle>

namespace gd {

void MainWindow::createTray()
{
    m_unreadTracker = new UnreadTracker(m_store, m_engine, this);
    const QIcon icon
        = windowIcon().isNull() ? QIcon(QStringLiteral(":/icons/groupdesk.png")) : windowIcon();
    m_trayIcon = new TrayIcon(icon, this);
    connect(m_trayIcon, &TrayIcon::showRequested, this, &MainWindow::showFromTray);
    connect(m_trayIcon, &TrayIcon::quitRequested, this, &MainWindow::quit);
    m_messageNotifier = new MessageNotifier(m_store, m_engine, m_settings, m_unreadTracker, this);
    m_messageNotifier->setTray(m_trayIcon->tray());
    m_messageNotifier->setPreferences(m_roomModel->preferences());
    connect(m_messageNotifier, &MessageNotifier::conversationRequested, this,
            [this](const QString &accountId, const QString &conversationId) {
                showFromTray();
                if (accountId != m_accountId)
                    selectAccount(accountId);
                selectRoom(conversationId);
                openRoom(conversationId);
            });
    // A desktop notification when an online account drops (logout or lost gateway).
    auto *accountNotifier
        = new AccountNotifier(m_engine, style()->standardIcon(QStyle::SP_MessageBoxWarning), this);
    accountNotifier->setTray(m_trayIcon->tray());
    connect(m_unreadTracker, &UnreadTracker::changed, this, &MainWindow::updateUnreadCounts);
    updateUnreadCounts();
}

void MainWindow::updateUnreadCounts()
{
    const int unread = m_unreadTracker->totalUnread();
    const int mentions = m_unreadTracker->totalMentions();
    m_trayIcon->setCounts(unread, mentions);
    if (unread > 0 && mentions > 0)
        setWindowTitle(tr("GroupDesk (%1 unread, %2 @)").arg(unread).arg(mentions));
    else if (unread > 0)
        setWindowTitle(tr("GroupDesk (%1 unread)").arg(unread));
    else
        setWindowTitle(tr("GroupDesk"));
}

void MainWindow::onOpenConversationChanged()
{
    m_unreadTracker->setOpenConversation(m_accountId, m_roomId);
    if (isActiveWindow())
        m_messageNotifier->setReading(m_accountId, m_roomId);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::ActivationChange && m_messageNotifier) {
        // Notify about the open group too while staff look elsewhere.
        if (isActiveWindow())
            m_messageNotifier->setReading(m_accountId, m_roomId);
        else
            m_messageNotifier->setReading({}, {});
    }
}

void MainWindow::showFromTray()
{
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
}

void MainWindow::restoreWindowState()
{
    const QByteArray geometry = m_settings->windowGeometry();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = m_settings->windowState();
    if (!state.isEmpty()) {
        restoreState(state);
        m_searchDock->hide(); // its place and size come back; it opens when asked
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings->saveWindow(saveGeometry(), saveState());
    if (!m_quitting && m_settings->closeToTray() && TrayIcon::isAvailable()) {
        // The accounts keep running; the tray icon brings the window back.
        hide();
        event->ignore();
        if (!m_toldAboutTray) {
            m_toldAboutTray = true;
            m_trayIcon->showHint(tr("GroupDesk keeps running"),
                                 tr("The accounts stay connected. Quit from the tray icon's "
                                    "menu or with Ctrl+Q."));
        }
        return;
    }
    event->accept();
    QMainWindow::closeEvent(event);
    if (m_quitting)
        QCoreApplication::quit();
}

} // namespace gd
