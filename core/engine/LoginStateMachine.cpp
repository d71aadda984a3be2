#include "engine/LoginStateMachine.h"

#include <QCoreApplication>

namespace gd {

bool LoginStateMachine::set(SessionState state, const QString &qrCode, ScanStatus scanStatus,
                            const QString &detail)
{
    const bool changed = state != m_state || qrCode != m_qrCode || scanStatus != m_scanStatus
        || detail != m_detail;
    m_state = state;
    m_qrCode = qrCode;
    m_scanStatus = scanStatus;
    m_detail = detail;
    return changed;
}

bool LoginStateMachine::connecting()
{
    return set(SessionState::Connecting, {}, ScanStatus::Unknown, {});
}

bool LoginStateMachine::streamOpened()
{
    // The stream is up; what the account is doing comes next (SCAN or LOGIN).
    // A replayed LOGIN may already have moved us on: never go back.
    if (m_state == SessionState::Offline || m_state == SessionState::Error)
        return set(SessionState::Connecting, {}, ScanStatus::Unknown, {});
    return false;
}

bool LoginStateMachine::scan(ScanStatus status, const QString &qrcode)
{
    // A logged-in account does not scan; a stale SCAN must not undo the login.
    // (A real logout comes as LOGOUT first.)
    if (isLoggedIn())
        return false;

    switch (status) {
    case ScanStatus::Scanned:
        return set(SessionState::Scanned, qrcode.isEmpty() ? m_qrCode : qrcode, status,
                   QCoreApplication::translate("LoginStateMachine",
                                               "Scanned. Confirm the login on the phone."));
    case ScanStatus::Confirmed:
        return set(SessionState::Scanned, qrcode.isEmpty() ? m_qrCode : qrcode, status,
                   QCoreApplication::translate("LoginStateMachine",
                                               "Confirmed on the phone. Logging in..."));
    case ScanStatus::Timeout:
    case ScanStatus::Cancel: {
        // The old code is dead; a new one follows in a later SCAN.
        const QString detail = status == ScanStatus::Timeout
            ? QCoreApplication::translate("LoginStateMachine",
                                          "The QR code expired. Waiting for a new one...")
            : QCoreApplication::translate(
                "LoginStateMachine",
                "The login was cancelled on the phone. Waiting for a new QR code...");
        return set(SessionState::WaitingForScan, qrcode, status, detail);
    }
    case ScanStatus::Waiting:
    case ScanStatus::Unknown:
    default:
        return set(SessionState::WaitingForScan, qrcode.isEmpty() ? m_qrCode : qrcode,
                   ScanStatus::Waiting,
                   QCoreApplication::translate("LoginStateMachine",
                                               "Scan the QR code with WeChat on the bot's phone."));
    }
}

bool LoginStateMachine::login(const QString &selfId)
{
    const bool idChanged = !selfId.isEmpty() && selfId != m_selfId;
    if (!selfId.isEmpty())
        m_selfId = selfId;
    // LOGIN is replayed on every re-subscribe: being Ready already, stay Ready.
    if (m_state == SessionState::Ready)
        return idChanged;
    return set(SessionState::LoggedIn, {}, ScanStatus::Unknown, {}) || idChanged;
}

bool LoginStateMachine::ready()
{
    if (m_state == SessionState::LoggedIn || m_state == SessionState::Ready)
        return set(SessionState::Ready, {}, ScanStatus::Unknown, {});
    // READY without LOGIN first says nothing about who is logged in: wait for LOGIN.
    return false;
}

bool LoginStateMachine::logout(const QString &reason)
{
    const QString detail = reason.isEmpty()
        ? QCoreApplication::translate("LoginStateMachine", "The account was logged out.")
        : QCoreApplication::translate("LoginStateMachine", "The account was logged out: %1")
              .arg(reason);
    return set(SessionState::LoggedOut, {}, ScanStatus::Unknown, detail);
}

bool LoginStateMachine::error(const GatewayStatus &status)
{
    return error(status.userMessage());
}

bool LoginStateMachine::error(const QString &reason)
{
    return set(SessionState::Error, {}, ScanStatus::Unknown, reason);
}

bool LoginStateMachine::disconnected()
{
    // Keep the reason of an error or a logout visible; otherwise we are offline.
    if (m_state == SessionState::Error || m_state == SessionState::LoggedOut)
        return false;
    return set(SessionState::Offline, {}, ScanStatus::Unknown, {});
}

} // namespace gd
