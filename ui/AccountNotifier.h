#pragma once
// Raises a desktop notification when an account that was online drops to
// LoggedOut (kicked offline on the phone) or Error (gateway lost), so staff
// notice a silent bot at once. One notification per fall: nothing more while
// it keeps retrying, until it has been Ready again. Uses the system tray
// where there is one; the notificationRaised signal fires either way.

#include "engine/Engine.h"

#include <QHash>
#include <QIcon>
#include <QObject>

class QSystemTrayIcon;

namespace gd {

class AccountNotifier : public QObject
{
    Q_OBJECT
public:
    AccountNotifier(Engine *engine, const QIcon &icon, QObject *parent = nullptr);
    // Shows notifications through the window's tray icon instead of its own.
    void setTray(QSystemTrayIcon *tray) { m_tray = tray; }

signals:
    void notificationRaised(const QString &accountId, const QString &title, const QString &body);

private:
    void onStatusChanged(const QString &accountId);

    Engine *m_engine;
    QIcon m_icon;
    QSystemTrayIcon *m_tray = nullptr; // the window's, or created on the first notification
    QHash<QString, bool> m_wasReady; // per account: Ready since the last notification
};

} // namespace gd
