// The login state machine: QR flow, QR refresh, replays, logout, errors.
#include "engine/LoginStateMachine.h"

#include <QtTest>

using gd::LoginStateMachine;
using gd::ScanStatus;
using gd::SessionState;

class TestLoginStateMachine : public QObject
{
    Q_OBJECT
private slots:
    void fullQrFlowReachesReady()
    {
        LoginStateMachine m;
        QCOMPARE(m.state(), SessionState::Offline);
        QVERIFY(m.connecting());
        QCOMPARE(m.state(), SessionState::Connecting);
        m.streamOpened();
        QCOMPARE(m.state(), SessionState::Connecting);
        QVERIFY(m.scan(ScanStatus::Waiting, QStringLiteral("qr-1")));
        QCOMPARE(m.state(), SessionState::WaitingForScan);
        QCOMPARE(m.qrCode(), QStringLiteral("qr-1"));
        QVERIFY(!m.detail().isEmpty());
        QVERIFY(m.scan(ScanStatus::Scanned, {}));
        QCOMPARE(m.state(), SessionState::Scanned);
        QCOMPARE(m.scanStatus(), ScanStatus::Scanned);
        QVERIFY(m.scan(ScanStatus::Confirmed, {}));
        QCOMPARE(m.scanStatus(), ScanStatus::Confirmed);
        QVERIFY(m.login(QStringLiteral("self")));
        QCOMPARE(m.state(), SessionState::LoggedIn);
        QCOMPARE(m.selfId(), QStringLiteral("self"));
        QVERIFY(m.qrCode().isEmpty());
        QVERIFY(m.ready());
        QCOMPARE(m.state(), SessionState::Ready);
    }

    void newQrCodeReplacesExpiredOne()
    {
        LoginStateMachine m;
        m.connecting();
        m.scan(ScanStatus::Waiting, QStringLiteral("qr-1"));
        QVERIFY(m.scan(ScanStatus::Timeout, {}));
        QCOMPARE(m.state(), SessionState::WaitingForScan);
        QCOMPARE(m.scanStatus(), ScanStatus::Timeout);
        QVERIFY(m.qrCode().isEmpty()); // the expired code is not shown any more
        QVERIFY(m.scan(ScanStatus::Waiting, QStringLiteral("qr-2")));
        QCOMPARE(m.qrCode(), QStringLiteral("qr-2"));
        QCOMPARE(m.state(), SessionState::WaitingForScan);
    }

    void cancelOnPhoneKeepsWaitingForNewCode()
    {
        LoginStateMachine m;
        m.connecting();
        m.scan(ScanStatus::Waiting, QStringLiteral("qr-1"));
        m.scan(ScanStatus::Scanned, {});
        QVERIFY(m.scan(ScanStatus::Cancel, QStringLiteral("qr-3")));
        QCOMPARE(m.state(), SessionState::WaitingForScan);
        QCOMPARE(m.qrCode(), QStringLiteral("qr-3"));
    }

    void waitingScanWithoutCodeKeepsCurrentCode()
    {
        LoginStateMachine m;
        m.scan(ScanStatus::Waiting, QStringLiteral("qr-1"));
        m.scan(ScanStatus::Waiting, {});
        QCOMPARE(m.qrCode(), QStringLiteral("qr-1"));
    }

    void replayedLoginAndReadyDoNotRegress()
    {
        LoginStateMachine m;
        m.connecting();
        m.login(QStringLiteral("self"));
        m.ready();
        QVERIFY(!m.ready()); // READY twice
        QCOMPARE(m.state(), SessionState::Ready);
        QVERIFY(!m.login(QStringLiteral("self"))); // replay after re-subscribe
        QCOMPARE(m.state(), SessionState::Ready);
        QVERIFY(!m.scan(ScanStatus::Waiting, QStringLiteral("stale")));
        QCOMPARE(m.state(), SessionState::Ready);
        QVERIFY(m.qrCode().isEmpty());
    }

    void reconnectReplayReachesReadyAgain()
    {
        LoginStateMachine m;
        m.connecting();
        m.login(QStringLiteral("self"));
        m.ready();
        m.error(QStringLiteral("lost"));
        QCOMPARE(m.state(), SessionState::Error);
        m.connecting();
        m.streamOpened();
        m.login(QStringLiteral("self"));
        m.ready();
        QCOMPARE(m.state(), SessionState::Ready);
        QCOMPARE(m.selfId(), QStringLiteral("self"));
    }

    void readyBeforeLoginIsIgnored()
    {
        LoginStateMachine m;
        m.connecting();
        QVERIFY(!m.ready());
        QCOMPARE(m.state(), SessionState::Connecting);
    }

    void logoutShowsReasonAndNewScanRestartsLogin()
    {
        LoginStateMachine m;
        m.login(QStringLiteral("self"));
        m.ready();
        QVERIFY(m.logout(QStringLiteral("kicked by phone")));
        QCOMPARE(m.state(), SessionState::LoggedOut);
        QVERIFY(m.detail().contains(QStringLiteral("kicked by phone")));
        QVERIFY(!m.disconnected()); // the reason stays visible
        QCOMPARE(m.state(), SessionState::LoggedOut);
        QVERIFY(m.scan(ScanStatus::Waiting, QStringLiteral("qr-new")));
        QCOMPARE(m.state(), SessionState::WaitingForScan);
    }

    void errorCarriesReadableGatewayMessage()
    {
        LoginStateMachine m;
        m.connecting();
        gd::GatewayStatus st{16, QStringLiteral("Error: at foo.js:12 stack")};
        QVERIFY(m.error(st));
        QCOMPARE(m.state(), SessionState::Error);
        QCOMPARE(m.detail(), st.userMessage());
        QVERIFY(!m.detail().contains(QStringLiteral("foo.js")));
        QVERIFY(m.detail().contains(QStringLiteral("token")));
    }

    void gatewayStatusMessagesHideTechnicalDetail()
    {
        gd::GatewayStatus unknown{
            2, QStringLiteral("Error\n    at Object.<anonymous> (/srv/x.js:1:1)")};
        QVERIFY(!unknown.userMessage().contains(QStringLiteral("x.js")));
        QVERIFY(!unknown.userMessage().isEmpty());
        QVERIFY((gd::GatewayStatus{14, {}}).userMessage().contains(QStringLiteral("reached")));
        QVERIFY(
            (gd::GatewayStatus{6, {}}).userMessage().contains(QStringLiteral("Another client")));
        QVERIFY((gd::GatewayStatus{0, {}}).userMessage().isEmpty());
        QVERIFY(!(gd::GatewayStatus{4, {}}).userMessage().isEmpty());
        QVERIFY(!(gd::GatewayStatus{99, {}}).userMessage().isEmpty());
    }

    void disconnectFromReadyGoesOffline()
    {
        LoginStateMachine m;
        m.login(QStringLiteral("self"));
        m.ready();
        QVERIFY(m.disconnected());
        QCOMPARE(m.state(), SessionState::Offline);
    }
};

QTEST_GUILESS_MAIN(TestLoginStateMachine)
#include "tst_login_state_machine.moc"
