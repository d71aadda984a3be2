// Issue 3: TLS to a gateway with a CA file and a server-name override. A CA
// and a server certificate (for the name "gateway.test", not the address we
// dial) are made at test time with the openssl command. The simulator serves
// TLS with them. Right CA + name override: Ready. A CA that did not sign the
// certificate, or a plaintext client against the TLS server: an Error the
// user can read, and the account keeps retrying.
#include "GatewayTestSupport.h"

#include "engine/Engine.h"
#include "sim/Simulator.h"
#include "store/Store.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace gd;
using namespace gd::testsupport;
using gd::sim::Simulator;
using gd::sim::SimulatorOptions;

class TestTlsGateway : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_openssl;

    bool openssl(const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(m_openssl, args);
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            qWarning().noquote() << "openssl" << args.join(u' ')
                                 << "failed:" << p.readAllStandardError();
            return false;
        }
        return true;
    }
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    // A CA (ca.pem/ca.key), a server certificate it signed (server.pem/key)
    // for gateway.test, and an unrelated CA (other-ca.pem).
    bool makeCertificates()
    {
        const QString subj = QStringLiteral("/CN=GroupDesk test CA");
        if (!openssl({"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", subj,
                      "-keyout", "ca.key", "-out", "ca.pem"})
            || !openssl({"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                         "/CN=Some other CA", "-keyout", "other-ca.key", "-out", "other-ca.pem"})
            || !openssl({"req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=gateway.test",
                         "-keyout", "server.key", "-out", "server.csr"})) {
            return false;
        }
        QFile ext(path("ext.cnf"));
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        ext.write("subjectAltName=DNS:gateway.test\nbasicConstraints=CA:FALSE\n"
                  "keyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n");
        ext.close();
        return openssl({"x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                        "-CAcreateserial", "-days", "2", "-extfile", "ext.cnf", "-out",
                        "server.pem"});
    }

    std::unique_ptr<Simulator> startTlsSim(QString *error, bool serverTls = true)
    {
        SimulatorOptions o;
        o.autoLogin = true;
        o.rate = 20;
        o.heartbeatS = 1;
        if (serverTls) {
            o.tlsCert = path("server.pem");
            o.tlsKey = path("server.key");
        }
        auto sim = std::make_unique<Simulator>(o);
        if (!sim->start(error))
            return {};
        return sim;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (m_openssl.isEmpty())
            QSKIP("the openssl command is not installed (scripts/install-deps.sh installs it)");
        QVERIFY(makeCertificates());
    }

    void tlsWithCaFileAndServerNameReachesReady()
    {
        QString error;
        auto sim = startTlsSim(&error);
        QVERIFY2(sim, qPrintable(error));
        Store store;
        QVERIFY2(store.open(m_dir.filePath(QStringLiteral("ok.db")), &error), qPrintable(error));
        Engine engine(&store);
        engine.setSessionTuning(fastTuning());
        GatewayEndpoint e = endpoint(sim->port());
        e.tls = true;
        e.caFile = path("ca.pem");
        e.serverName = QStringLiteral("gateway.test");
        std::atomic<int> stored{0};
        connect(
            &store, &Store::messagesStored, this,
            [&](const QVector<Message> &m) { stored += int(m.size()); }, Qt::DirectConnection);
        engine.addAccount(account(QStringLiteral("tls"), sim->port()), e);
        QTRY_COMPARE_WITH_TIMEOUT(engine.status(QStringLiteral("tls")).state, SessionState::Ready,
                                  20000);
        QTRY_VERIFY_WITH_TIMEOUT(stored > 5, 20000);
        engine.shutdown();
    }

    void wrongCaIsAReadableErrorAndRetries_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("caFile");
        QTest::addColumn<QString>("words"); // what the user must be told
        QTest::addColumn<bool>("serverTls");
        QTest::newRow("untrusted CA")
            << true << path("other-ca.pem") << QStringLiteral("certificate is not trusted") << true;
        QTest::newRow("plaintext client, TLS server")
            << false << QString() << QStringLiteral("TLS setting") << true;
        // gRPC says "wrong version number": the answer was not TLS at all.
        QTest::newRow("TLS client, plaintext server")
            << true << path("ca.pem") << QStringLiteral("does not use TLS") << false;
    }
    void wrongCaIsAReadableErrorAndRetries()
    {
        QFETCH(bool, tls);
        QFETCH(QString, caFile);
        QFETCH(QString, words);
        QFETCH(bool, serverTls);
        QString error;
        auto sim = startTlsSim(&error, serverTls);
        QVERIFY2(sim, qPrintable(error));
        Store store;
        QVERIFY2(store.open(m_dir.filePath(QStringLiteral("bad-%1-%2.db").arg(tls).arg(serverTls)),
                            &error),
                 qPrintable(error));
        Engine engine(&store);
        engine.setSessionTuning(fastTuning());
        GatewayEndpoint e = endpoint(sim->port());
        e.tls = tls;
        e.caFile = caFile;
        e.serverName = QStringLiteral("gateway.test");
        QList<qint64> attempts;
        connect(&engine, &Engine::accountStatusChanged, this, [&](const QString &id) {
            const AccountStatus st = engine.status(id);
            if (st.state == SessionState::Error && st.nextReconnectMs > 0
                && (attempts.isEmpty() || attempts.last() != st.nextReconnectMs))
                attempts << st.nextReconnectMs;
        });
        engine.addAccount(account(QStringLiteral("bad"), sim->port()), e);
        QTRY_VERIFY_WITH_TIMEOUT(attempts.size() >= 3, 30000); // it keeps retrying
        const AccountStatus st = engine.status(QStringLiteral("bad"));
        QCOMPARE(st.state, SessionState::Error);
        qInfo().noquote() << "shown to the user:" << st.detail;
        QVERIFY2(st.detail.contains(words), qPrintable(st.detail));
        QVERIFY(!st.detail.contains(QStringLiteral("grpc"), Qt::CaseInsensitive));
        engine.shutdown();
    }
};

QTEST_GUILESS_MAIN(TestTlsGateway)
#include "tst_tls_gateway.moc"
