// The log (issue 9 item 10): per-message debug lines only in verbose mode,
// and a log file that rotates by size, so a burst cannot fill the disk.
#include "util/Log.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace gd;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestLog : public QObject
{
    Q_OBJECT
private slots:
    void debugLinesOnlyWhenVerbose()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("quiet.log"));
        installLogHandler(path);
        qCDebug(lcEngine) << "message 1700000000001 repeats 1700000000000";
        qCInfo(lcEngine) << "account acc is now ready";
        qCWarning(lcEngine) << "gateway not responding";
        QByteArray log = readAll(path);
        QVERIFY2(!log.contains("repeats"), log.constData());
        QVERIFY(log.contains("is now ready"));
        QVERIFY(log.contains("not responding"));

        LogOptions verbose;
        verbose.verbose = true;
        const QString verbosePath = dir.filePath(QStringLiteral("verbose.log"));
        installLogHandler(verbosePath, verbose);
        qCDebug(lcEngine) << "message 1700000000002 repeats 1700000000000";
        qCDebug(lcGateway) << "MessagePayload failed: 4";
        log = readAll(verbosePath);
        QVERIFY2(log.contains("repeats"), log.constData());
        QVERIFY(log.contains("MessagePayload failed"));
        // The quiet file got nothing more.
        QVERIFY(!readAll(path).contains("1700000000002"));
        installLogHandler(); // back to quiet, no file
    }

    void logFileRotatesAndStaysBounded()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("groupdesk.log"));
        LogOptions options;
        options.maxFileBytes = 20 * 1024;
        options.keptFiles = 3;
        installLogHandler(path, options);
        const QString filler(200, QLatin1Char('x'));
        for (int i = 0; i < 2000; ++i) // ~500 KB of lines
            qCInfo(lcStore).noquote() << "line" << i << filler;
        qCInfo(lcStore) << "the last line";
        installLogHandler();

        QDir d(dir.path());
        const QStringList files = d.entryList({QStringLiteral("groupdesk.log*")}, QDir::Files);
        QCOMPARE(files,
                 (QStringList{QStringLiteral("groupdesk.log"), QStringLiteral("groupdesk.log.1"),
                              QStringLiteral("groupdesk.log.2")}));
        qint64 total = 0;
        for (const QString &f : files) {
            const qint64 size = QFileInfo(d.filePath(f)).size();
            QVERIFY2(size < options.maxFileBytes + 1024, qPrintable(f)); // one line over at most
            total += size;
        }
        QVERIFY(total <= 3 * (options.maxFileBytes + 1024));
        // The newest lines are in the current file, older ones rotated in order.
        QVERIFY(readAll(path).contains("the last line"));
        QVERIFY(readAll(path + QStringLiteral(".1")).contains("line"));
        QVERIFY(!readAll(path + QStringLiteral(".2")).contains("the last line"));
    }

    void anExistingFullFileIsRotatedAtStart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("groupdesk.log"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(30 * 1024, 'o'));
        }
        LogOptions options;
        options.maxFileBytes = 20 * 1024;
        installLogHandler(path, options);
        qCInfo(lcUi) << "starting";
        installLogHandler();
        QVERIFY(QFileInfo(path).size() < 1024);
        QCOMPARE(QFileInfo(path + QStringLiteral(".1")).size(), qint64(30 * 1024));
    }
};

QTEST_GUILESS_MAIN(TestLog)
#include "tst_log.moc"
