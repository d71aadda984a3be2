// GatewayToken: what gRPC metadata can carry is accepted, nothing else, and
// the reason never quotes the token.

#include "gateway/GatewayToken.h"

#include <QTest>

using namespace gd;

class TestGatewayToken : public QObject
{
    Q_OBJECT
private slots:
    void tokensAreCheckedAgainstWhatMetadataAllows_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("puppet_service_token-123") << true;
        QTest::newRow("uuid") << QStringLiteral("6c1f0f53-4d0e-4b53-9f8a-2b1f1b1c8d11") << true;
        QTest::newRow("all printable ascii")
            << QStringLiteral("!\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~") << true;
        QTest::newRow("space inside") << QStringLiteral("two words") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("umlaut") << QStringLiteral("tök") << false;
        QTest::newRow("nul") << QString::fromLatin1("abc\0def", 7) << false;
        QTest::newRow("newline") << QStringLiteral("qx1\nqx2") << false;
        QTest::newRow("carriage return") << QStringLiteral("abc\rdef") << false;
        QTest::newRow("tab") << QStringLiteral("abc\tdef") << false;
        QTest::newRow("DEL") << QStringLiteral("abc\x7f") << false;
        QTest::newRow("zero-width space") << QStringLiteral("abc\u200Bdef") << false;
        QTest::newRow("no-break space") << QStringLiteral("abc\u00A0def") << false;
        QTest::newRow("BOM") << QStringLiteral("\uFEFFabc") << false;
        QTest::newRow("emoji") << QStringLiteral("abc\U0001F600") << false;
        QTest::newRow("leading space") << QStringLiteral(" abc") << false;
        QTest::newRow("trailing space") << QStringLiteral("abc ") << false;
        QTest::newRow("too long") << QString(GatewayToken::kMaxLength + 1, QLatin1Char('a'))
                                  << false;
        QTest::newRow("longest") << QString(GatewayToken::kMaxLength, QLatin1Char('a')) << true;
    }
    void tokensAreCheckedAgainstWhatMetadataAllows()
    {
        QFETCH(QString, token);
        QFETCH(bool, valid);
        const QString problem = GatewayToken::problem(token);
        QCOMPARE(problem.isEmpty(), valid);
        QCOMPARE(GatewayToken::isValid(token), valid);
        if (!valid && token.size() >= 3 && !token.trimmed().isEmpty())
            QVERIFY2(!problem.contains(token.trimmed().left(3)), qPrintable(problem));
    }

    void randomBytesAreNeverAccepted()
    {
        // A token file of random bytes: decoded as UTF-8 it holds replacement
        // characters or control characters, which must all be refused.
        QByteArray bytes;
        for (int i = 0; i < 256; ++i)
            bytes.append(char(i));
        QVERIFY(!GatewayToken::isValid(GatewayToken::normalized(QString::fromUtf8(bytes))));
        for (int c = 0; c < 0x20; ++c) {
            const QString token = QStringLiteral("ab") + QChar(c) + QStringLiteral("cd");
            QVERIFY2(!GatewayToken::isValid(token), qPrintable(QString::number(c)));
        }
    }

    void normalizedTrimsSurroundingWhitespaceOnly()
    {
        QCOMPARE(GatewayToken::normalized(QStringLiteral(" \t secret token \r\n")),
                 QStringLiteral("secret token"));
        QVERIFY(GatewayToken::isValid(GatewayToken::normalized(QStringLiteral("secret\n"))));
    }
};

QTEST_GUILESS_MAIN(TestGatewayToken)
#include "tst_gateway_token.moc"
