#include "AccountStateText.h"

#include "Theme.h"

#include <QDateTime>

namespace gd {

QString AccountStateText::stateText(const AccountStatus &status)
{
    if (status.notRespondingSinceMs > 0 && status.state != SessionState::Offline
        && status.state != SessionState::Error) {
        // It looked fine a moment ago: say that it is not, and what happens.
        return tr("Not responding: the gateway stopped answering. Reconnecting soon.");
    }
    switch (status.state) {
    case SessionState::Offline:
        if (status.nextReconnectMs > 0) {
            const qint64 secs = qMax<qint64>(
                0, (status.nextReconnectMs - QDateTime::currentMSecsSinceEpoch() + 999) / 1000);
            return tr("Offline, reconnecting in %1 s").arg(secs);
        }
        return tr("Offline");
    case SessionState::Connecting:
        return tr("Connecting…");
    case SessionState::WaitingForScan:
        return tr("Waiting for QR scan");
    case SessionState::Scanned:
        return tr("Scanned, confirm on the phone");
    case SessionState::LoggedIn:
        if (status.syncTotal > 0)
            return tr("Syncing %1 of %2").arg(status.syncDone).arg(status.syncTotal);
        return tr("Logged in, syncing…");
    case SessionState::Ready:
        return tr("Online");
    case SessionState::LoggedOut:
        return status.detail.isEmpty() ? tr("Logged out") : tr("Logged out: %1").arg(status.detail);
    case SessionState::Error: {
        QString error = status.detail.isEmpty() ? tr("Error") : tr("Error: %1").arg(status.detail);
        if (status.nextReconnectMs <= 0)
            return error;
        // It keeps retrying: say when, so nobody wonders whether it gave up.
        const qint64 secs = qMax<qint64>(
            0, (status.nextReconnectMs - QDateTime::currentMSecsSinceEpoch() + 999) / 1000);
        return tr("%1 Reconnecting in %2 s.").arg(error).arg(secs);
    }
    }
    return tr("Offline");
}

QString AccountStateText::scanText(ScanStatus scanStatus, SessionState state)
{
    if (state == SessionState::LoggedIn || state == SessionState::Ready)
        return tr("Logged in");
    if (state == SessionState::Connecting || state == SessionState::Offline)
        return tr("Connecting to the gateway…");
    switch (scanStatus) {
    case ScanStatus::Waiting:
    case ScanStatus::Unknown:
        return tr("Scan the QR code with WeChat");
    case ScanStatus::Scanned:
        return tr("Scanned — confirm on the phone");
    case ScanStatus::Confirmed:
        return tr("Confirmed, logging in…");
    case ScanStatus::Timeout:
        return tr("QR code expired, a new one is coming");
    case ScanStatus::Cancel:
        return tr("Login cancelled on the phone, a new QR code is coming");
    }
    return tr("Scan the QR code with WeChat");
}

QColor AccountStateText::stateColor(SessionState state)
{
    switch (state) {
    case SessionState::Ready:
        return Theme::accent();
    case SessionState::LoggedIn:
    case SessionState::Connecting:
    case SessionState::WaitingForScan:
    case SessionState::Scanned:
        return Theme::warning();
    case SessionState::Error:
    case SessionState::LoggedOut:
        return Theme::error();
    case SessionState::Offline:
        break;
    }
    return Theme::offline();
}

QColor AccountStateText::stateColor(const AccountStatus &status)
{
    if (status.notRespondingSinceMs > 0 && status.state != SessionState::Offline
        && status.state != SessionState::Error)
        return Theme::warning();
    return stateColor(status.state);
}

bool AccountStateText::isOnline(SessionState state)
{
    return state == SessionState::Ready || state == SessionState::LoggedIn;
}

bool AccountStateText::isWaitingForScan(SessionState state)
{
    return state == SessionState::WaitingForScan || state == SessionState::Scanned;
}

QString AccountStateText::fetchText(const AccountStatus &status)
{
    if (status.messagesNotFetched > 0)
        return tr("%n message(s) could not be fetched yet", nullptr, status.messagesNotFetched);
    if (status.messagesGivenUp > 0)
        return tr("%n message(s) could not be fetched; see the log", nullptr,
                  status.messagesGivenUp);
    return {};
}

} // namespace gd
