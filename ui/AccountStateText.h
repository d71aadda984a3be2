#pragma once
// Words and colours for an account's connection and login state, shared by the
// account list, the login panel and the status bar so they never disagree.

#include "engine/Engine.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace gd {

class AccountStateText
{
    Q_DECLARE_TR_FUNCTIONS(AccountStateText)
public:
    // "Online", "Waiting for QR scan", "Reconnecting in 5 s", ...
    static QString stateText(const AccountStatus &status);
    // What to do or what happens next, for the login panel.
    static QString scanText(ScanStatus scanStatus, SessionState state);
    // "12 messages could not be fetched yet" (retrying), or about messages
    // given up; empty when every message came.
    static QString fetchText(const AccountStatus &status);
    static QColor stateColor(SessionState state);
    // As above, and the warning colour while the gateway is not responding.
    static QColor stateColor(const AccountStatus &status);
    static bool isOnline(SessionState state);
    static bool isWaitingForScan(SessionState state);
};

} // namespace gd
