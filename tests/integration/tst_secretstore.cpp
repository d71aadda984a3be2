// Gateway tokens round-trip through the OS keychain (run under a D-Bus session
// with an unlocked gnome-keyring, see scripts/test.sh), never a plain file.
#include "util/SecretStore.h"

#include <QtTest>

using gd::SecretStore;

class TestSecretStore : public QObject
{
    Q_OBJECT
private slots:
    void keyNamesAreStable()
    {
        QCOMPARE(SecretStore::serviceName(), QStringLiteral("GroupDesk"));
        QCOMPARE(SecretStore::tokenKey(QStringLiteral("acc-1")),
                 QStringLiteral("gateway-token/acc-1"));
    }

    void tokenRoundTripsThroughKeychain()
    {
        SecretStore store;
        const QString account = QStringLiteral("test-%1").arg(QDateTime::currentMSecsSinceEpoch());
        const QString token
            = QStringLiteral("puppet_service_令牌_%1").arg(QRandomGenerator::global()->generate());

        bool written = false, writeOk = false;
        QString writeError;
        store.writeToken(account, token, [&](bool ok, const QString &error) {
            written = true;
            writeOk = ok;
            writeError = error;
        });
        QTRY_VERIFY_WITH_TIMEOUT(written, 20000);
        QVERIFY2(writeOk, qPrintable(writeError));

        bool read = false, readOk = false;
        QString readToken;
        store.readToken(account, [&](bool ok, const QString &t, const QString &) {
            read = true;
            readOk = ok;
            readToken = t;
        });
        QTRY_VERIFY_WITH_TIMEOUT(read, 20000);
        QVERIFY(readOk);
        QCOMPARE(readToken, token);

        bool deleted = false, deleteOk = false;
        store.deleteToken(account, [&](bool ok, const QString &) {
            deleted = true;
            deleteOk = ok;
        });
        QTRY_VERIFY_WITH_TIMEOUT(deleted, 20000);
        QVERIFY(deleteOk);

        read = false;
        QString error;
        store.readToken(account, [&](bool ok, const QString &t, const QString &e) {
            read = true;
            readOk = ok;
            readToken = t;
            error = e;
        });
        QTRY_VERIFY_WITH_TIMEOUT(read, 20000);
        QVERIFY(!readOk);
        QVERIFY(readToken.isEmpty());
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
