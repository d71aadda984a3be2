// `groupdesk --database postgresql://...` (issue 18): the server's password
// comes from the keychain only. Against a real PostgreSQL that asks for a
// password: without one in the keychain, and with a wrong one, the engine
// stops with a sentence saying which, and how to store it
// (--store-database-password, one line on standard input); with the right
// one it runs. The password never shows in an output or a log. Bad command
// lines are refused before anything starts. An address saved in the
// settings opens the shared archive as a team console. Needs the keychain
// (run under dbus-run-session with gnome-keyring, as ctest's keychain
// tests are).

#include "PgTestServer.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using gd::test::PgTestServer;

namespace {

QString groupdeskBinary()
{
    return QStringLiteral(GD_BINARY_DIR "/app/groupdesk/groupdesk");
}

struct Run
{
    int exitCode = -1;
    QString output; // stdout and stderr
};

Run runGroupdesk(const QStringList &args, const QByteArray &input = {}, int timeoutMs = 60000)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    // Without --headless groupdesk makes a QApplication: no display here.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(groupdeskBinary(), args);
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.output = QString::fromUtf8(p.readAll());
    return r;
}

} // namespace

class TestDatabaseOption : public QObject
{
    Q_OBJECT

private slots:
    void badCommandLinesAreRefused()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("d"));
        Run r = runGroupdesk({QStringLiteral("--headless"), QStringLiteral("--data-dir"), data,
                              QStringLiteral("--database"),
                              QStringLiteral("postgresql://u:secret@db.example/gd")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.output.contains(QLatin1String("keychain")), qPrintable(r.output));
        QVERIFY(!r.output.contains(QLatin1String("secret")));

        r = runGroupdesk({QStringLiteral("--headless"), QStringLiteral("--data-dir"), data,
                          QStringLiteral("--database"), QStringLiteral("/tmp/file.sqlite")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.output.contains(QLatin1String("postgresql://")), qPrintable(r.output));

        r = runGroupdesk({QStringLiteral("--data-dir"), data, QStringLiteral("--database"),
                          QStringLiteral("postgresql://u@db.example/gd")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.output.contains(QLatin1String("--headless")), qPrintable(r.output));

        r = runGroupdesk({QStringLiteral("--data-dir"), data, QStringLiteral("--engine-name"),
                          QStringLiteral("e1"), QStringLiteral("--headless")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!QFile::exists(data)); // nothing started
    }

    void passwordComesFromTheKeychainOnly()
    {
        QVERIFY2(QFile::exists(groupdeskBinary()), "groupdesk is not built");
        PgTestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString name = server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        const QString password
            = QStringLiteral("Pw-%1-密码").arg(QDateTime::currentMSecsSinceEpoch());
        QVERIFY2(server.requirePassword(password, &error), qPrintable(error));
        const QString url = server.url(name);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString data = dir.filePath(QStringLiteral("engine"));
        const QStringList engine = {QStringLiteral("--headless"), QStringLiteral("--data-dir"),
                                    data, QStringLiteral("--database"), url};
        QString everything; // every output and log, checked for the password at the end

        // No password kept: a clear refusal, with the command that stores one.
        Run r = runGroupdesk(engine);
        everything += r.output;
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.output.contains(QLatin1String("No password for this server is in the keychain")),
                 qPrintable(r.output));
        QVERIFY(r.output.contains(QLatin1String("--store-database-password")));

        // A wrong one kept: the server's refusal, said so.
        r = runGroupdesk({QStringLiteral("--headless"), QStringLiteral("--database"), url,
                          QStringLiteral("--store-database-password")},
                         "not-the-password\n");
        everything += r.output;
        QCOMPARE(r.exitCode, 0);
        r = runGroupdesk(engine);
        everything += r.output;
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.output.contains(QLatin1String("refused the password kept in the keychain")),
                 qPrintable(r.output));

        // An empty line stores nothing.
        r = runGroupdesk({QStringLiteral("--headless"), QStringLiteral("--database"), url,
                          QStringLiteral("--store-database-password")},
                         "\n");
        QCOMPARE(r.exitCode, 1);

        // The right one: the engine opens the archive and runs until stopped.
        r = runGroupdesk({QStringLiteral("--headless"), QStringLiteral("--database"), url,
                          QStringLiteral("--store-database-password")},
                         password.toUtf8() + "\n");
        everything += r.output;
        QCOMPARE(r.exitCode, 0);
        QProcess running;
        running.setProcessChannelMode(QProcess::MergedChannels);
        running.start(groupdeskBinary(), engine);
        QVERIFY(running.waitForStarted(10000));
        QByteArray out;
        QElapsedTimer t;
        t.start();
        while (!out.contains("runs the accounts it holds") && t.elapsed() < 30000
               && running.state() == QProcess::Running) {
            running.waitForReadyRead(200);
            out += running.readAll();
        }
        QVERIFY2(out.contains("runs the accounts it holds"), out.constData());
        running.terminate();
        QVERIFY(running.waitForFinished(20000));
        out += running.readAll();
        everything += QString::fromUtf8(out);
        QCOMPARE(running.exitCode(), 0);

        // The password is nowhere: not in an output, the log or the settings.
        for (const QFileInfo &f : QDir(data).entryInfoList(QDir::Files)) {
            QFile file(f.filePath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            everything += QString::fromUtf8(file.readAll());
        }
        QVERIFY(everything.contains(QLatin1String("gd_test"))); // the logs were read
        QVERIFY(!everything.contains(password));
    }

    // Settings > Shared archive saved an address: the window started
    // without --database opens that archive, as a team console.
    void savedSharedArchiveOpensAsConsole()
    {
        QVERIFY2(QFile::exists(groupdeskBinary()), "groupdesk is not built");
        PgTestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString name = server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));

        // The settings file of a groupdesk whose XDG_CONFIG_HOME is here
        // (no organization name: Qt files it under "Unknown Organization").
        QTemporaryDir config;
        QVERIFY(config.isValid());
        {
            QSettings saved(config.filePath(QStringLiteral("Unknown Organization/GroupDesk.conf")),
                            QSettings::IniFormat);
            saved.setValue(QStringLiteral("team/database"), server.url(name));
            saved.sync();
            QCOMPARE(saved.status(), QSettings::NoError);
        }
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("desk"));
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        p.setProcessEnvironment(env);
        // --counters-log-ms: a log line every 100 ms once the window runs.
        p.start(groupdeskBinary(),
                {QStringLiteral("--data-dir"), data, QStringLiteral("--counters-log-ms"),
                 QStringLiteral("100")});
        QVERIFY(p.waitForStarted(10000));
        // The window runs (its notice waits for a click): the log says
        // what it opened.
        QByteArray text;
        QElapsedTimer t;
        t.start();
        while (!text.contains("object counters:") && t.elapsed() < 30000
               && p.state() == QProcess::Running) {
            p.waitForReadyRead(200);
            p.readAll();
            QFile log(data + QStringLiteral("/groupdesk.log"));
            if (log.open(QIODevice::ReadOnly))
                text = log.readAll();
        }
        QVERIFY2(p.state() == QProcess::Running, text.constData()); // it did not crash
        p.kill();
        p.waitForFinished(10000);
        QVERIFY2(text.contains("console mode: no engine runs here"), text.constData());
        QVERIFY(text.contains("opened \"postgresql://"));
        // It set the server's archive up, and made no file of its own.
        QVERIFY2(server.exec(name, QStringLiteral("SELECT 1 FROM gd_schema_version"), &error),
                 qPrintable(error));
        QVERIFY(!QFile::exists(data + QStringLiteral("/groupdesk.sqlite")));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseOption)
#include "tst_database_option.moc"
