#include "AlertNotifier.h"

#include "PlainText.h"

#include "monitor/AlertText.h"
#include "monitor/AlertMonitor.h"

#include <QSettings>
#include <QSystemTrayIcon>

namespace gd {

AlertNotifier::AlertNotifier(AlertMonitor *monitor, const QIcon &icon, QObject *parent)
    : QObject(parent)
    , m_icon(icon)
{
    connect(monitor, &AlertMonitor::alertRaised, this, &AlertNotifier::onAlert);
}

AlertSeverity AlertNotifier::threshold()
{
    const int value = QSettings()
                          .value(QStringLiteral("monitor/notifySeverity"), int(AlertSeverity::High))
                          .toInt();
    return AlertSeverity(std::clamp(value, 0, 3));
}

void AlertNotifier::setThreshold(AlertSeverity severity)
{
    QSettings().setValue(QStringLiteral("monitor/notifySeverity"), int(severity));
}

void AlertNotifier::setTray(QSystemTrayIcon *tray)
{
    if (m_ownTray)
        delete m_tray;
    m_tray = tray;
    m_ownTray = false;
}

void AlertNotifier::onAlert(const Alert &alert)
{
    if (int(alert.severity) < int(threshold()) || !alert.isActive())
        return;
    const QString title = tr("%1: %2").arg(AlertText::severityText(alert.severity),
                                           AlertText::kindText(alert.kind));
    const QString body = AlertText::summary(alert);
    m_lastAlertId = alert.id;
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        if (!m_tray) {
            m_ownTray = true;
            m_tray = new QSystemTrayIcon(m_icon, this);
            m_tray->setToolTip(QStringLiteral("GroupDesk"));
            connect(m_tray, &QSystemTrayIcon::messageClicked, this,
                    [this] { emit clicked(m_lastAlertId); });
            m_tray->show();
        }
        // Escaped: customer text cannot turn into markup in the notification.
        m_tray->showMessage(title, PlainText::notificationBody(body),
                            alert.severity == AlertSeverity::Critical ? QSystemTrayIcon::Critical
                                                                      : QSystemTrayIcon::Warning);
    }
    emit notificationRaised(alert.id, title, body);
}

} // namespace gd
