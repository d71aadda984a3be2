// AddAccountDialog: clear messages for bad input, the token kept out of AccountInfo.

#include "AddAccountDialog.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QTest>

using namespace gd;

class TestAddAccountDialog : public QObject
{
    Q_OBJECT
private slots:
    void endpointValidation_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<bool>("valid");
        QTest::newRow("host:port") << "gateway.example.com:8788" << true;
        QTest::newRow("ipv4") << "10.0.0.5:50051" << true;
        QTest::newRow("ipv6") << "[::1]:50051" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("no port") << "gateway.example.com" << false;
        QTest::newRow("port zero") << "host:0" << false;
        QTest::newRow("port too big") << "host:70000" << false;
        QTest::newRow("port not a number") << "host:abc" << false;
        QTest::newRow("space in host") << "bad host:80" << false;
    }
    void endpointValidation()
    {
        QFETCH(QString, endpoint);
        QFETCH(bool, valid);
        QCOMPARE(AddAccountDialog::validateEndpoint(endpoint).isEmpty(), valid);
    }

    void missingFieldsAreExplained()
    {
        AddAccountDialog dialog({});
        QVERIFY(!dialog.validate());
        QVERIFY(!dialog.errorText().isEmpty()); // no name
        dialog.nameEdit()->setText(QStringLiteral("After-sales 1"));
        dialog.endpointEdit()->setText(QStringLiteral("10.0.0.5:50051"));
        QVERIFY(!dialog.validate()); // no token
        QVERIFY(!dialog.errorText().isEmpty());
        dialog.tokenEdit()->setText(QStringLiteral("secret"));
        QVERIFY(dialog.validate());
        QVERIFY(dialog.errorText().isEmpty());
    }

    void accountCarriesNoTokenButEndpointDoes()
    {
        AddAccountDialog dialog({});
        dialog.nameEdit()->setText(QStringLiteral("After-sales 1"));
        dialog.endpointEdit()->setText(QStringLiteral(" 10.0.0.5:50051 "));
        dialog.tokenEdit()->setText(QStringLiteral(" secret-token \n"));
        QVERIFY(dialog.validate());
        const AccountInfo info = dialog.account();
        QCOMPARE(info.id, QStringLiteral("gw-10.0.0.5-50051"));
        QCOMPARE(info.endpoint, QStringLiteral("10.0.0.5:50051"));
        QVERIFY(info.tls);
        const GatewayEndpoint endpoint = dialog.endpoint();
        QCOMPARE(endpoint.token, QStringLiteral("secret-token"));
        QCOMPARE(endpoint.address, QStringLiteral("10.0.0.5:50051"));
    }

    // Issue 9 item 4: a token gRPC cannot carry crashed the app on Add.
    void tokenGrpcCannotCarryIsRefusedInline_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("umlaut") << QStringLiteral("tök-secret");
        QTest::newRow("chinese") << QStringLiteral("令牌secret");
        QTest::newRow("zero-width space") << QStringLiteral("abc\u200Bdef");
        QTest::newRow("tab inside") << QStringLiteral("abc\tdef");
        QTest::newRow("nul inside") << QString::fromLatin1("abc\0def", 7);
        QTest::newRow("emoji") << QStringLiteral("secret-\U0001F600");
    }
    void tokenGrpcCannotCarryIsRefusedInline()
    {
        QFETCH(QString, token);
        AddAccountDialog dialog({});
        dialog.nameEdit()->setText(QStringLiteral("After-sales 1"));
        dialog.endpointEdit()->setText(QStringLiteral("10.0.0.5:50051"));
        dialog.tokenEdit()->setText(token);
        QVERIFY(!dialog.validate());
        const QString error = dialog.errorText();
        QVERIFY(error.contains(QStringLiteral("token")));
        // The message never quotes the secret, not even its valid part.
        QVERIFY2(!error.contains(QStringLiteral("secret"))
                     && !error.contains(QStringLiteral("abc")),
                 qPrintable(error));
        dialog.show();
        dialog.accept();
        QVERIFY(dialog.isVisible()); // not closed: nothing reaches the keychain or gRPC
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        // Fixing the token clears the error.
        dialog.tokenEdit()->setText(QStringLiteral("plain-ascii_token.123"));
        QVERIFY(dialog.validate());
        QVERIFY(dialog.errorText().isEmpty());
    }

    void duplicateGatewayIsRefused()
    {
        AddAccountDialog dialog({QStringLiteral("gw-10.0.0.5-50051")});
        dialog.nameEdit()->setText(QStringLiteral("Again"));
        dialog.endpointEdit()->setText(QStringLiteral("10.0.0.5:50051"));
        dialog.tokenEdit()->setText(QStringLiteral("t"));
        QVERIFY(!dialog.validate());
    }

    void demoNeedsOnlyAName()
    {
        AddAccountDialog dialog({});
        dialog.demoCheck()->setChecked(true);
        dialog.nameEdit()->setText(QStringLiteral("Demo"));
        QVERIFY(dialog.validate());
        QVERIFY(dialog.useDemo());
        QVERIFY(dialog.account().demo);
    }
};

QTEST_MAIN(TestAddAccountDialog)
#include "tst_add_account_dialog.moc"
