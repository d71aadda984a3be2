#pragma once
// The login state of one bot account, driven by what the gateway says.
// Pure logic (no I/O, no timers) so every transition can be unit-tested.
// It copes with what real gateways do: LOGIN/READY replayed on every
// re-subscribe, READY twice, SCAN Timeout/Cancel followed by a new QR code.
// Every input returns true when the visible state (state, qrCode, scanStatus,
// detail) changed.

#include "gateway/GatewayEndpoint.h"
#include "model/Types.h"

#include <QString>

namespace gd {

class LoginStateMachine
{
public:
    bool connecting();
    bool streamOpened();
    bool scan(ScanStatus status, const QString &qrcode);
    bool login(const QString &selfId);
    bool ready();
    bool logout(const QString &reason);
    bool error(const GatewayStatus &status);
    bool error(const QString &reason);
    bool disconnected();

    SessionState state() const { return m_state; }
    QString qrCode() const { return m_qrCode; }
    ScanStatus scanStatus() const { return m_scanStatus; }
    QString detail() const { return m_detail; }
    QString selfId() const { return m_selfId; }
    bool isLoggedIn() const
    {
        return m_state == SessionState::LoggedIn || m_state == SessionState::Ready;
    }

private:
    bool set(SessionState state, const QString &qrCode, ScanStatus scanStatus,
             const QString &detail);

    SessionState m_state = SessionState::Offline;
    QString m_qrCode;
    ScanStatus m_scanStatus = ScanStatus::Unknown;
    QString m_detail;
    QString m_selfId;
};

} // namespace gd
