#pragma once
// A band over the feed while the open account is not connected: what state
// it is in (with the reconnect countdown), the full reason in words, and the
// two things staff can do about it: reconnect now, or edit the account's
// gateway settings. Hidden while the account is online or logging in by QR
// (the login panel covers that).

#include "engine/Engine.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace gd {

class AccountBanner : public QWidget
{
    Q_OBJECT
public:
    // A normal start or reconnect passes through Connecting in a moment:
    // the banner shows it only when it lasts.
    static constexpr int kConnectingGraceMs = 2000;

    explicit AccountBanner(QWidget *parent = nullptr);

    // Shows or hides itself for this status.
    void setStatus(const AccountStatus &status);
    // Whether an account in this state gets the banner.
    static bool wantsBanner(SessionState state);

    QString titleText() const;
    QString reasonText() const;
    QPushButton *reconnectButton() const { return m_reconnect; }
    QPushButton *editButton() const { return m_edit; }

signals:
    void reconnectRequested(const QString &accountId);
    void editRequested(const QString &accountId);

private:
    void refreshTexts(); // the countdown moves every second

    AccountStatus m_status;
    QLabel *m_title;
    QLabel *m_reason;
    QPushButton *m_reconnect;
    QPushButton *m_edit;
    QTimer m_tick;
    QElapsedTimer m_stateSince;
};

} // namespace gd
