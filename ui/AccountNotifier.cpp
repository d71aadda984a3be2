#include "AccountNotifier.h"

#include "PlainText.h"
#include "util/Log.h"

#include <QSystemTrayIcon>

namespace gd {

AccountNotifier::AccountNotifier(Engine *engine, const QIcon &icon, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_icon(icon)
{
    connect(m_engine, &Engine::accountStatusChanged, this, &AccountNotifier::onStatusChanged);
    connect(m_engine, &Engine::accountRemoved, this,
            [this](const QString &id) { m_wasReady.remove(id); });
}

void AccountNotifier::onStatusChanged(const QString &accountId)
{
    const AccountStatus status = m_engine->status(accountId);
    if (status.state == SessionState::Ready) {
        m_wasReady[accountId] = true;
        return;
    }
    if (!m_wasReady.value(accountId)
        || (status.state != SessionState::LoggedOut && status.state != SessionState::Error)) {
        return;
    }
    m_wasReady[accountId] = false;
    const QString name = status.info.displayName.isEmpty() ? accountId : status.info.displayName;
    const QString title = status.state == SessionState::LoggedOut
        ? tr("%1 was logged out").arg(name)
        : tr("%1 lost its connection").arg(name);
    QString body = status.detail;
    if (status.state == SessionState::LoggedOut)
        body = body.isEmpty() ? tr("Scan a new QR code to log in again.")
                              : tr("%1\nScan a new QR code to log in again.").arg(body);
    else if (body.isEmpty())
        body = tr("Reconnecting automatically.");
    qCInfo(lcUi).noquote() << "notification:" << title;
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(m_icon, this);
            m_tray->setToolTip(QStringLiteral("GroupDesk"));
            m_tray->show();
        }
        m_tray->showMessage(title, PlainText::notificationBody(body),
                            status.state == SessionState::LoggedOut ? QSystemTrayIcon::Warning
                                                                    : QSystemTrayIcon::Critical);
    }
    emit notificationRaised(accountId, title, body);
}

} // namespace gd
