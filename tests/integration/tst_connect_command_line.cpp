// The groupdesk process with --connect (issue 9, items 4 and 9): a token file
// gRPC metadata cannot carry is refused with a clear message (it used to abort
// the process and print the token in hex); a token saved in the keychain that
// cannot be used is reported, not sent; --connect keeps the token in the
// keychain and the --name, so a later plain start reconnects the account.
// Runs the real binaries against groupdesk-sim, and the real keychain (a
// D-Bus session with an unlocked keyring, as scripts/test.sh sets up).
#include "GatewayTestSupport.h"

#include "store/Store.h"
#include "util/SecretStore.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace gd;
using namespace gd::testsupport;

namespace {

QString groupdeskBinary()
{
    return QStringLiteral(GD_BINARY_DIR "/app/groupdesk/groupdesk");
}

struct Run
{
    bool finished = false;
    QProcess::ExitStatus status = QProcess::NormalExit;
    int code = -1;
    QByteArray output; // stderr and stdout of this run
    QByteArray everything; // and the log file (of every run in the data dir)
};

// Runs groupdesk until `until` appears in its stderr (then SIGTERM), or until
// it exits by itself, or timeoutMs.
Run runGroupdesk(const QStringList &args, const QByteArray &until, int timeoutMs,
                 const QString &dataDir)
{
    Run run;
    QProcess p;
    p.start(groupdeskBinary(), args);
    if (!p.waitForStarted(10000))
        return run;
    QElapsedTimer t;
    t.start();
    QByteArray err;
    while (t.elapsed() < timeoutMs && p.state() == QProcess::Running) {
        p.waitForReadyRead(100);
        err += p.readAllStandardError();
        if (!until.isEmpty() && err.contains(until)) {
            p.terminate();
            break;
        }
    }
    // waitForFinished() is false for a process that has already ended.
    run.finished = p.state() == QProcess::NotRunning || p.waitForFinished(15000);
    if (!run.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    err += p.readAllStandardError();
    run.status = p.exitStatus();
    run.code = p.exitCode();
    run.output = err + p.readAllStandardOutput();
    run.everything = run.output;
    QFile log(QDir(dataDir).filePath(QStringLiteral("groupdesk.log")));
    if (log.open(QIODevice::ReadOnly))
        run.everything += log.readAll();
    return run;
}

bool keychainCall(const std::function<void(SecretStore &, std::function<void(bool)>)> &call)
{
    SecretStore store;
    bool done = false;
    bool ok = false;
    call(store, [&](bool result) {
        done = true;
        ok = result;
    });
    QElapsedTimer t;
    t.start();
    while (!done && t.elapsed() < 20000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return ok;
}

} // namespace

class TestConnectCommandLine : public QObject
{
    Q_OBJECT
private:
    quint16 m_port = 0;
    SimProcess m_sim;
    const QString m_token
        = QStringLiteral("cmdline-token-%1").arg(QDateTime::currentMSecsSinceEpoch());

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(groupdeskBinary()), "groupdesk is not built");
        QVERIFY2(QFile::exists(simBinary()), "groupdesk-sim is not built");
        m_port = freePort();
        QString error;
        QVERIFY2(m_sim.start({QStringLiteral("--port"), QString::number(m_port),
                              QStringLiteral("--token"), m_token, QStringLiteral("--auto-login"),
                              QStringLiteral("--rate"), QStringLiteral("2")},
                             &error),
                 qPrintable(error));
    }

    void tokenFileGrpcCannotCarryIsRefusedWithoutCrashOrLeak_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QByteArray>("secretPart"); // must appear nowhere in the output
        QTest::newRow("umlaut") << QByteArray("t\xc3\xb6k-secretvalue\n")
                                << QByteArray("secretvalue");
        QTest::newRow("nul") << QByteArray("abcsecret\0defsecret", 19) << QByteArray("defsecret");
        QTest::newRow("two lines")
            << QByteArray("line1secret\nline2secret\n") << QByteArray("line2secret");
        QByteArray random;
        quint32 x = 2463534242u;
        for (int i = 0; i < 96; ++i) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            random.append(char(x & 0xff));
        }
        random.replace('\0', 'z');
        random.append("randomsecret");
        QTest::newRow("random bytes") << random << QByteArray("randomsecret");
        QTest::newRow("zero-width space")
            << QByteArray("zwsecret\xe2\x80\x8bvalue") << QByteArray("zwsecret");
    }
    void tokenFileGrpcCannotCarryIsRefusedWithoutCrashOrLeak()
    {
        QFETCH(QByteArray, content);
        QFETCH(QByteArray, secretPart);
        QTemporaryDir dir;
        const QString tokenFile = dir.filePath(QStringLiteral("token"));
        {
            QFile f(tokenFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        const Run run
            = runGroupdesk({QStringLiteral("--headless"), QStringLiteral("--data-dir"), dataDir,
                            QStringLiteral("--connect"), QStringLiteral("127.0.0.1:%1").arg(m_port),
                            QStringLiteral("--no-tls"), QStringLiteral("--token-file"), tokenFile},
                           {}, 20000, dataDir);
        QVERIFY(run.finished);
        QCOMPARE(run.status, QProcess::NormalExit); // no SIGABRT from gRPC
        QCOMPARE(run.code, 1);
        QVERIFY2(run.output.contains("cannot be used"), run.output.constData());
        QVERIFY2(!run.everything.contains(secretPart), run.output.constData());
        QVERIFY2(!run.everything.toLower().contains(secretPart.toHex()), run.output.constData());
    }

    void unusableKeychainTokenIsReportedNotSent()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(dataDir));
        const QString accountId = QStringLiteral("gw-bad-token-%1").arg(m_port);
        {
            Store store;
            QString error;
            QVERIFY2(store.open(QDir(dataDir).filePath(QStringLiteral("groupdesk.sqlite")), &error),
                     qPrintable(error));
            AccountInfo info = account(accountId, m_port);
            info.displayName = QStringLiteral("Bad token bot");
            info.tls = false;
            store.upsertAccount(info);
            store.flush();
            store.close();
        }
        const QString bad = QStringLiteral("t\u00f6k-keychainsecret");
        QVERIFY(keychainCall([&](SecretStore &s, auto done) {
            s.writeToken(accountId, bad, [done](bool ok, const QString &) { done(ok); });
        }));
        const Run run
            = runGroupdesk({QStringLiteral("--headless"), QStringLiteral("--data-dir"), dataDir},
                           "cannot be used", 20000, dataDir);
        keychainCall([&](SecretStore &s, auto done) {
            s.deleteToken(accountId, [done](bool ok, const QString &) { done(ok); });
        });
        QVERIFY(run.finished);
        QCOMPARE(run.status, QProcess::NormalExit);
        QCOMPARE(run.code, 0); // stopped by SIGTERM after the report, cleanly
        QVERIFY2(run.output.contains("cannot be used"), run.output.constData());
        QVERIFY2(!run.everything.contains("keychainsecret"), run.output.constData());
    }

    void connectKeepsTokenAndNameForALaterPlainStart()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        const QString tokenFile = dir.filePath(QStringLiteral("token"));
        {
            QFile f(tokenFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(m_token.toUtf8() + "\n");
        }
        const QString accountId = QStringLiteral("gw-127.0.0.1-%1").arg(m_port);
        const QByteArray ready = QStringLiteral("account %1 is now ready").arg(accountId).toUtf8();
        const Run first
            = runGroupdesk({QStringLiteral("--headless"), QStringLiteral("--data-dir"), dataDir,
                            QStringLiteral("--connect"), QStringLiteral("127.0.0.1:%1").arg(m_port),
                            QStringLiteral("--no-tls"), QStringLiteral("--token-file"), tokenFile,
                            QStringLiteral("--name"), QStringLiteral("Support bot 7")},
                           ready, 30000, dataDir);
        QVERIFY(first.finished);
        QVERIFY2(first.output.contains(ready), first.output.constData());
        QVERIFY2(first.status == QProcess::NormalExit && first.code == 0,
                 first.output.right(4000).constData());

        // No --connect: the account of the last run, with the saved token.
        const Run second
            = runGroupdesk({QStringLiteral("--headless"), QStringLiteral("--data-dir"), dataDir},
                           ready, 30000, dataDir);
        keychainCall([&](SecretStore &s, auto done) {
            s.deleteToken(accountId, [done](bool ok, const QString &) { done(ok); });
        });
        QVERIFY2(second.finished, second.output.constData());
        QVERIFY2(!second.output.contains("No token is saved"), second.output.constData());
        QVERIFY2(second.output.contains(ready), second.output.constData());
        QVERIFY2(second.status == QProcess::NormalExit && second.code == 0,
                 second.output.right(4000).constData());
        QVERIFY2(!second.everything.contains(m_token.toUtf8()), "the token was printed");

        DbPeek db(QDir(dataDir).filePath(QStringLiteral("groupdesk.sqlite")));
        QCOMPARE(
            db.column(
                QStringLiteral("SELECT display_name FROM accounts WHERE id = '%1'").arg(accountId)),
            QVariantList{QStringLiteral("Support bot 7")});
    }
};

QTEST_GUILESS_MAIN(TestConnectCommandLine)
#include "tst_connect_command_line.moc"
