// QrCodeRenderer: SCAN text to a QR image scanners can read.

#include "QrCodeRenderer.h"

#include <QTest>

using namespace gd;

class TestQrCode : public QObject
{
    Q_OBJECT
private slots:
    void imageHasQrGeometryAndQuietZone()
    {
        const QString text = QStringLiteral("https://login.weixin.qq.com/l/demo-4f1c2a");
        const QrCodeRenderer::Matrix matrix = QrCodeRenderer::encode(text);
        QVERIFY(!matrix.isNull());
        // A valid QR symbol is 21 + 4k modules wide (versions 1..40).
        QVERIFY(matrix.width >= 21 && matrix.width <= 177);
        QCOMPARE((matrix.width - 21) % 4, 0);

        const int module = 5;
        const QImage image = QrCodeRenderer::render(text, module);
        const int side = (matrix.width + 2 * QrCodeRenderer::kQuietZoneModules) * module;
        QCOMPARE(image.size(), QSize(side, side));

        // Quiet zone: the outer 4 modules are white all round.
        const int quiet = QrCodeRenderer::kQuietZoneModules * module;
        for (int i = 0; i < side; i += module) {
            for (int q = 0; q < quiet; q += module) {
                QCOMPARE(image.pixelColor(i, q), QColor(Qt::white));
                QCOMPARE(image.pixelColor(q, i), QColor(Qt::white));
                QCOMPARE(image.pixelColor(i, side - 1 - q), QColor(Qt::white));
                QCOMPARE(image.pixelColor(side - 1 - q, i), QColor(Qt::white));
            }
        }

        // Finder pattern in the top-left corner: dark ring, light ring, dark 3x3 core.
        auto dark = [&](int mx, int my) {
            return image.pixelColor(quiet + mx * module + module / 2,
                                    quiet + my * module + module / 2)
                == QColor(Qt::black);
        };
        for (int k = 0; k < 7; ++k) {
            QVERIFY(dark(k, 0));
            QVERIFY(dark(0, k));
            QVERIFY(dark(k, 6));
            QVERIFY(dark(6, k));
        }
        QVERIFY(!dark(1, 1));
        QVERIFY(!dark(5, 5));
        QVERIFY(dark(3, 3));
        // The matrix and the image agree module by module.
        for (int y = 0; y < matrix.width; ++y) {
            for (int x = 0; x < matrix.width; ++x)
                QCOMPARE(dark(x, y), matrix.isDark(x, y));
        }
    }

    void differentTextGivesDifferentCode()
    {
        const QImage a = QrCodeRenderer::render(QStringLiteral("qr-code-one"), 4);
        const QImage b = QrCodeRenderer::render(QStringLiteral("qr-code-two"), 4);
        QVERIFY(!a.isNull());
        QVERIFY(!b.isNull());
        QVERIFY(a != b);
        QCOMPARE(QrCodeRenderer::render(QStringLiteral("qr-code-one"), 4), a); // deterministic
    }

    void longerTextNeedsMoreModules()
    {
        const auto small = QrCodeRenderer::encode(QStringLiteral("x"));
        const auto large = QrCodeRenderer::encode(QString(300, QLatin1Char('y')));
        QVERIFY(large.width > small.width);
    }

    void renderToFitStaysWithinBounds()
    {
        const QImage image = QrCodeRenderer::renderToFit(QStringLiteral("weixin://scan/abc"), 260);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() <= 260);
        QVERIFY(image.width() >= 260 / 2);
    }

    void emptyTextGivesNoImage()
    {
        QVERIFY(QrCodeRenderer::encode(QString()).isNull());
        QVERIFY(QrCodeRenderer::render(QString(), 4).isNull());
    }
};

QTEST_MAIN(TestQrCode)
#include "tst_qr_code.moc"
