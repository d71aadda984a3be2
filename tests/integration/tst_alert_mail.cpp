// Issue 13, "what it must show" 2: killing the gateway raises the offline
// alert and an e-mail about it reaches a local SMTP sink (aiosmtpd on
// loopback, with a login whose password is read from the keychain); a burst
// of 50 alerts goes out as one digest, not 50 e-mails.

#include "../support/SmtpSink.h"
#include "GatewayTestSupport.h"
#include "engine/Engine.h"
#include "monitor/AlertMailer.h"
#include "monitor/AlertMonitor.h"
#include "monitor/AlertRepository.h"
#include "monitor/Clock.h"
#include "store/Store.h"
#include "util/SecretStore.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;
using namespace gd::testsupport;

namespace {

// The body of a message SmtpMailer wrote (base64 after the blank line).
QString bodyOf(const QByteArray &eml)
{
    const qsizetype split = eml.indexOf("\r\n\r\n");
    QByteArray b64 = eml.mid(split + 4);
    b64.replace("\r\n", "");
    return QString::fromUtf8(QByteArray::fromBase64(b64));
}

} // namespace

class TestAlertMail : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SmtpSink m_sink;
    bool m_keychain = false;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString started = m_sink.start(freePort(), m_dir.filePath(QStringLiteral("mail")),
                                             QStringLiteral("desk"), QStringLiteral("s3cret-pw"));
        QVERIFY2(started.isEmpty(), qPrintable(started));

        // The SMTP password goes into the keychain, as the settings dialog does.
        const std::optional<bool> keychain = storeSmtpPassword(QStringLiteral("s3cret-pw"));
        QVERIFY2(keychain.has_value(), "the keychain did not answer");
        m_keychain = *keychain;
        if (!m_keychain)
            QSKIP("no keychain in this session (scripts/test.sh provides one)");
    }
    void cleanupTestCase() { m_sink.stop(); }

    void killedGatewayRaisesOfflineAlertAndMailsItAndABurstIsOneDigest()
    {
        Store store;
        QString error;
        QVERIFY2(store.open(m_dir.filePath(QStringLiteral("a.db")), &error), qPrintable(error));
        // A critical keyword rule for the burst, besides the seeded offline rule (5 min).
        store.submitWrite([](StoreWriter::Batch &b) {
            AlertRule words;
            words.name = QStringLiteral("安全事故");
            words.kind = RuleKind::Keywords;
            words.severity = AlertSeverity::Critical;
            words.pattern = QStringLiteral("着火");
            QString e;
            AlertRepository::saveRule(b.db(), words, &e);
        });
        store.flush();

        ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        AlertMonitorOptions options;
        options.tickMs = 50;
        AlertMonitor monitor(&store, &clock, {}, options);
        QSignalSpy loaded(&monitor, &AlertMonitor::alertsLoaded);
        const qsizetype loadedBefore = loaded.size();
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() > loadedBefore, 5000);

        AlertMailSettings mail;
        mail.enabled = true;
        mail.smtp.host = QStringLiteral("127.0.0.1");
        mail.smtp.port = m_sink.port();
        mail.smtp.tls = SmtpSettings::Tls::None;
        mail.smtp.user = QStringLiteral("desk");
        mail.smtp.from = QStringLiteral("groupdesk@example.com");
        mail.smtp.to = {QStringLiteral("lead@example.com")};
        mail.digestWindowMs = 500;
        SecretStore secrets;
        AlertMailer mailer(&monitor, mail, [&secrets](auto done) {
            secrets.readSecret(
                SecretStore::smtpPasswordKey(),
                [done](bool ok, const QString &pw, const QString &e) { done(ok, pw, e); });
        });
        QSignalSpy sent(&mailer, &AlertMailer::mailSent);
        QSignalSpy failed(&mailer, &AlertMailer::mailFailed);

        // The gateway as its own process, so it can be killed.
        const quint16 port = freePort();
        SimProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--port"), QString::number(port),
                            QStringLiteral("--auto-login"), QStringLiteral("--rate"),
                            QStringLiteral("0")},
                           &error),
                 qPrintable(error));
        Engine engine(&store);
        engine.setSessionTuning(fastTuning());
        QObject::connect(&engine, &Engine::accountStatusChanged, &monitor, [&](const QString &id) {
            monitor.setAccountReady(id, engine.status(id).state == SessionState::Ready);
        });
        AccountInfo info = account(QStringLiteral("gw"), port);
        info.displayName = QStringLiteral("售后机器人");
        store.upsertAccount(info);
        engine.addAccount(info, endpoint(port));
        QTRY_COMPARE_WITH_TIMEOUT(engine.status(info.id).state, SessionState::Ready, 20000);

        QSignalSpy raised(&monitor, &AlertMonitor::alertRaised);
        sim.kill();
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(info.id).state != SessionState::Ready, 20000);
        monitor.sync();
        const qsizetype raisedBefore = raised.size();
        clock.advanceMs(6 * 60 * 1000); // past the seeded 5 minutes
        QTRY_VERIFY_WITH_TIMEOUT(raised.size() > raisedBefore, 3000);
        const Alert offline = raised.first().first().value<Alert>();
        QCOMPARE(offline.kind, AlertKind::BotOffline);
        QCOMPARE(offline.severity, AlertSeverity::Critical);
        QCOMPARE(offline.roomName, QStringLiteral("售后机器人"));

        QTRY_COMPARE_WITH_TIMEOUT(sent.size() + failed.size(), 1, 15000);
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QTRY_COMPARE_WITH_TIMEOUT(m_sink.mails().size(), 1, 5000);
        QFile first(QDir(m_sink.mailDir()).filePath(m_sink.mails().first()));
        QVERIFY(first.open(QIODevice::ReadOnly));
        const QByteArray eml = first.readAll();
        QVERIFY(eml.contains("Subject: =?UTF-8?B?"));
        QVERIFY(eml.contains("To: <lead@example.com>"));
        QVERIFY2(bodyOf(eml).contains(QStringLiteral("售后机器人")), qPrintable(bodyOf(eml)));

        // A burst of 50 critical alerts: one digest.
        QVector<Message> burst;
        for (int i = 0; i < 50; ++i) {
            Message m;
            m.accountId = info.id;
            m.id = QStringLiteral("burst-%1").arg(i);
            m.roomId = QStringLiteral("1001@chatroom");
            m.talkerId = QStringLiteral("wxid_c%1").arg(i);
            m.talkerName = QStringLiteral("客户%1").arg(i);
            m.kind = MessageKind::Text;
            m.text = QStringLiteral("仓库着火了 %1").arg(i);
            m.timestampMs = clock.nowMs();
            burst.append(m);
        }
        store.insertMessages(burst);
        QTRY_COMPARE_WITH_TIMEOUT(sent.size() + failed.size(), 2, 15000);
        QVERIFY(failed.isEmpty());
        QCOMPARE(sent.last().at(0).toInt(), 50);
        QTest::qWait(1500); // nothing more comes
        QCOMPARE(sent.size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(m_sink.mails().size(), 2, 5000);
        QFile digest(QDir(m_sink.mailDir()).filePath(m_sink.mails().at(1)));
        QVERIFY(digest.open(QIODevice::ReadOnly));
        const QString body = bodyOf(digest.readAll());
        QVERIFY2(body.contains(QStringLiteral("仓库着火了 0"))
                     && body.contains(QStringLiteral("仓库着火了 49")),
                 qPrintable(body.left(400)));

        engine.shutdown();
        monitor.stop();
    }

    void aWrongPasswordIsReportedNotRetriedForever()
    {
        Store store;
        QString error;
        QVERIFY2(store.open(m_dir.filePath(QStringLiteral("b.db")), &error), qPrintable(error));
        AlertMailSettings mail;
        mail.enabled = true;
        mail.smtp.host = QStringLiteral("127.0.0.1");
        mail.smtp.port = m_sink.port();
        mail.smtp.tls = SmtpSettings::Tls::None;
        mail.smtp.user = QStringLiteral("desk");
        mail.smtp.from = QStringLiteral("groupdesk@example.com");
        mail.smtp.to = {QStringLiteral("lead@example.com")};
        mail.digestWindowMs = 100;
        mail.smtp.timeoutS = 3;
        AlertMailer mailer(nullptr, mail,
                           [](auto done) { done(true, QStringLiteral("wrong"), QString()); });
        QSignalSpy failed(&mailer, &AlertMailer::mailFailed);
        Alert a;
        a.id = 1;
        a.kind = AlertKind::BotOffline;
        a.severity = AlertSeverity::Critical;
        a.roomName = QStringLiteral("bot");
        const int before = int(m_sink.mails().size());
        const qsizetype failedBefore = failed.size();
        mailer.add(a);
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() > failedBefore, 15000);
        QVERIFY(!failed.first().first().toString().contains(QStringLiteral("wrong")));
        QCOMPARE(int(m_sink.mails().size()), before);
    }
};

QTEST_GUILESS_MAIN(TestAlertMail)
#include "tst_alert_mail.moc"
