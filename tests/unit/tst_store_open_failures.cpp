// A database that cannot be written is refused at open, with a message that
// names the file and the cause, and the file is left exactly as it was: a
// truncated file, pages overwritten behind a valid header, a read-only folder.
// Moving a file aside keeps it and frees the path for a new archive.

#include "store/Store.h"
#include "store/StoreReader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace gd;

namespace {

QByteArray sha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

// A real GroupDesk archive of about 1 MB, closed (WAL checkpointed into the file).
void makeArchive(const QString &path)
{
    Store store;
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    QVector<Message> batch;
    for (int i = 0; i < 4000; ++i) {
        Message m;
        m.accountId = QStringLiteral("acc");
        m.id = QStringLiteral("m%1").arg(i);
        m.roomId = QStringLiteral("room%1@chatroom").arg(i % 20);
        m.talkerId = QStringLiteral("wxid_%1").arg(i % 50);
        m.kind = MessageKind::Text;
        m.text = QStringLiteral("客户消息 %1 ").arg(i).repeated(8);
        m.timestampMs = 1700000000000 + i;
        batch.append(m);
    }
    store.insertMessages(batch);
    store.close();
    QVERIFY(QFileInfo(path).size() > 800 * 1024);
}

} // namespace

class TestStoreOpenFailures : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("g%1/groupdesk.sqlite").arg(++m_counter));
        QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
    }

    void healthyArchiveOpensAndLeavesNoProbeBehind()
    {
        makeArchive(m_path);
        Store store;
        QString error;
        QVERIFY2(store.open(m_path, &error), qPrintable(error));
        store.close();
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("c"));
        db.setDatabaseName(m_path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(
            QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'gd_write_probe'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM messages")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 4000);
        q.finish();
        db.close();
        db = {};
        QSqlDatabase::removeDatabase(QStringLiteral("c"));
    }

    void truncatedArchiveIsRefusedAndUnchanged()
    {
        makeArchive(m_path);
        QVERIFY(QFile::resize(m_path, 300000));
        const QByteArray before = sha256(m_path);

        Store store;
        QString error;
        QVERIFY(!store.open(m_path, &error));
        QVERIFY(!store.isOpen());
        QVERIFY2(error.contains(QDir::toNativeSeparators(m_path)), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("damaged")), qPrintable(error));
        QCOMPARE(sha256(m_path), before);
        QCOMPARE(QFileInfo(m_path).size(), 300000);
    }

    void overwrittenPagesBehindAValidHeaderAreRefused()
    {
        makeArchive(m_path);
        {
            QFile f(m_path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            const qint64 pages = f.size() / 4096;
            QRandomGenerator rng(7);
            // 20 pages of noise; page 1 (the header) stays valid.
            for (int i = 0; i < 20; ++i) {
                const qint64 page = 1 + (i * (pages - 1)) / 20;
                QByteArray noise(4096, Qt::Uninitialized);
                for (char &c : noise)
                    c = char(rng.bounded(256));
                QVERIFY(f.seek(page * 4096));
                QCOMPARE(f.write(noise), qint64(4096));
            }
        }
        const QByteArray before = sha256(m_path);
        Store store;
        QString error;
        QVERIFY(!store.open(m_path, &error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(m_path)), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("damaged")), qPrintable(error));
        QCOMPARE(sha256(m_path), before);
    }

    void readOnlyFolderIsRefusedAndUnchanged()
    {
        if (::geteuid() == 0)
            QSKIP("root writes read-only folders; tests/integration/store_open_failures.sh "
                  "runs this case as an unprivileged user");
        makeArchive(m_path);
        const QString dir = QFileInfo(m_path).absolutePath();
        const QByteArray before = sha256(m_path);
        QVERIFY(QFile::setPermissions(m_path, QFile::ReadOwner | QFile::ReadUser));
        QVERIFY(QFile::setPermissions(
            dir, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadUser | QFile::ExeUser));
        Store store;
        QString error;
        const bool opened = store.open(m_path, &error);
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(!opened);
        QVERIFY2(error.contains(QDir::toNativeSeparators(m_path)), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("read-only")), qPrintable(error));
        QCOMPARE(sha256(m_path), before);
    }

    void movingAsideKeepsTheFileAndFreesThePath()
    {
        makeArchive(m_path);
        QVERIFY(QFile::resize(m_path, 300000));
        const QByteArray before = sha256(m_path);
        QString movedTo;
        QString error;
        QVERIFY2(Store::moveAside(m_path, &movedTo, &error), qPrintable(error));
        QVERIFY(!QFileInfo::exists(m_path));
        QVERIFY(movedTo.startsWith(m_path + QStringLiteral(".damaged-")));
        QCOMPARE(sha256(movedTo), before);

        Store store;
        QVERIFY2(store.open(m_path, &error), qPrintable(error));
        store.close();
        QCOMPARE(sha256(movedTo), before); // the new archive left the old one alone

        // A second move in the same second gets its own name.
        QString second;
        QVERIFY(Store::moveAside(m_path, &second, &error));
        QVERIFY(second != movedTo);
        QVERIFY(QFileInfo::exists(movedTo) && QFileInfo::exists(second));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TestStoreOpenFailures)
#include "tst_store_open_failures.moc"
