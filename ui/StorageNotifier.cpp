#include "StorageNotifier.h"

#include "store/Store.h"
#include "PlainText.h"
#include "util/Log.h"

#include <QSystemTrayIcon>

namespace gd {

StorageNotifier::StorageNotifier(Store *store, const QIcon &icon, QObject *parent)
    : QObject(parent)
    , m_icon(icon)
{
    if (store)
        connect(store, &Store::writeStateChanged, this, &StorageNotifier::onStateChanged,
                Qt::QueuedConnection);
}

void StorageNotifier::onStateChanged(const StoreWriteState &state)
{
    // One notification when it begins, one when it ends; the banner keeps
    // the count up to date in between.
    if (!state.writing() && !m_failing) {
        m_failing = true;
        raise(tr("GroupDesk cannot save messages"), state.userText(), true);
    } else if (state.writing() && m_failing) {
        m_failing = false;
        raise(tr("GroupDesk saves messages again"),
              tr("Every message that waited has been stored."), false);
    }
}

void StorageNotifier::raise(const QString &title, const QString &body, bool critical)
{
    qCInfo(lcUi).noquote() << "notification:" << title;
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(m_icon, this);
            m_tray->setToolTip(QStringLiteral("GroupDesk"));
            m_tray->show();
        }
        m_tray->showMessage(title, PlainText::notificationBody(body),
                            critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Information);
    }
    emit notificationRaised(title, body);
}

} // namespace gd
