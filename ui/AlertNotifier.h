#pragma once
// A desktop notification (system tray) for each alert raised, or back from a
// snooze, at or above the severity staff chose (setting
// monitor/notifySeverity, default High). The notificationRaised signal fires
// either way, so tests and a tray-less desktop see the same decision.

#include "monitor/Alert.h"

#include <QIcon>
#include <QObject>

class QSystemTrayIcon;

namespace gd {

class AlertMonitor;

class AlertNotifier : public QObject
{
    Q_OBJECT
public:
    AlertNotifier(AlertMonitor *monitor, const QIcon &icon, QObject *parent = nullptr);

    // Shows notifications through the window's tray icon instead of one of
    // its own (one icon per process).
    void setTray(QSystemTrayIcon *tray);

    static AlertSeverity threshold(); // from the settings
    static void setThreshold(AlertSeverity severity);

signals:
    void notificationRaised(qint64 alertId, const QString &title, const QString &body);
    void clicked(qint64 alertId); // the user clicked the last notification

private:
    void onAlert(const Alert &alert);

    QIcon m_icon;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_ownTray = false;
    qint64 m_lastAlertId = 0;
};

} // namespace gd
