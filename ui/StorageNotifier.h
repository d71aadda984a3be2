#pragma once
// A desktop notification when the archive stops writing (disk full, I/O
// error, ...) and one when it writes again: the GUI may be minimized and the
// log file may sit on the very disk that is full. Uses the system tray where
// there is one; the notificationRaised signal fires either way.

#include "store/StoreWriteState.h"

#include <QIcon>
#include <QObject>

class QSystemTrayIcon;

namespace gd {

class Store;

class StorageNotifier : public QObject
{
    Q_OBJECT
public:
    StorageNotifier(Store *store, const QIcon &icon, QObject *parent = nullptr);

signals:
    void notificationRaised(const QString &title, const QString &body);

private:
    void onStateChanged(const gd::StoreWriteState &state);
    void raise(const QString &title, const QString &body, bool critical);

    QIcon m_icon;
    QSystemTrayIcon *m_tray = nullptr; // created on the first notification
    bool m_failing = false;
};

} // namespace gd
