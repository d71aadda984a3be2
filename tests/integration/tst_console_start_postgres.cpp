// `groupdesk --console --database postgresql://...` (a team console, issue
// 18) starts without a modal box: its start-up notice is a strip in the
// window, so the window is usable at once and the program runs to its
// scripted screenshot and quits by itself (a modal box would hold it).
// The real program on a real PostgreSQL server, offscreen.

#include "PgTestServer.h"
#include "store/Store.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;
using gd::test::PgTestServer;

class TestConsoleStartPostgres : public QObject
{
    Q_OBJECT
private slots:
    void consoleStartNoticeIsNotModal()
    {
        const QString program = QStringLiteral(GD_BINARY_DIR "/app/groupdesk/groupdesk");
        QVERIFY2(QFile::exists(program), "groupdesk is not built");
        PgTestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString name = server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        {
            Store store; // the schema, as the first program on it makes it
            QVERIFY2(store.open(server.url(name), &error), qPrintable(error));
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString shot = dir.filePath(QStringLiteral("console.png"));
        QProcess console;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        console.setProcessEnvironment(env);
        console.setProcessChannelMode(QProcess::MergedChannels);
        console.start(program,
                      {QStringLiteral("--console"), QStringLiteral("--database"), server.url(name),
                       QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--screenshot"),
                       shot, QStringLiteral("--screenshot-after-ms"), QStringLiteral("2000")});
        QVERIFY(console.waitForStarted(10000));
        const bool finished = console.waitForFinished(45000);
        const QByteArray output = console.readAll();
        if (!finished) {
            console.kill();
            console.waitForFinished(5000);
        }
        QVERIFY2(finished, "the console did not quit after its screenshot (a modal box?)");
        QCOMPARE(console.exitCode(), 0);
        QFile log(dir.filePath(QStringLiteral("groupdesk.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray logText = log.readAll() + output;
        QVERIFY2(logText.contains("notice shown: Team console"), logText.right(2000).constData());
        QVERIFY2(logText.contains("modal window: none"), logText.right(2000).constData());
        QVERIFY(!QImage(shot).isNull());
    }
};

QTEST_GUILESS_MAIN(TestConsoleStartPostgres)
#include "tst_console_start_postgres.moc"
