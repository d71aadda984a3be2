#include "QrCodeRenderer.h"

#include <QPainter>

#include <qrencode.h>

namespace gd {

QrCodeRenderer::Matrix QrCodeRenderer::encode(const QString &text)
{
    Matrix matrix;
    if (text.isEmpty())
        return matrix;
    const QByteArray utf8 = text.toUtf8();
    // Version 0 lets libqrencode pick the smallest version that fits; 8-bit mode
    // with case sensitivity keeps URLs and tokens exactly as sent.
    QRcode *code = QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code)
        return matrix;
    matrix.width = code->width;
    matrix.dark.resize(code->width * code->width);
    for (int i = 0; i < code->width * code->width; ++i)
        matrix.dark[i] = (code->data[i] & 0x01) != 0; // bit 0 is the module colour
    QRcode_free(code);
    return matrix;
}

QImage QrCodeRenderer::render(const QString &text, int moduleSize)
{
    const Matrix matrix = encode(text);
    if (matrix.isNull() || moduleSize <= 0)
        return {};
    const int side = (matrix.width + 2 * kQuietZoneModules) * moduleSize;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::black);
    for (int y = 0; y < matrix.width; ++y) {
        for (int x = 0; x < matrix.width; ++x) {
            if (matrix.isDark(x, y)) {
                painter.drawRect((x + kQuietZoneModules) * moduleSize,
                                 (y + kQuietZoneModules) * moduleSize, moduleSize, moduleSize);
            }
        }
    }
    return image;
}

QImage QrCodeRenderer::renderToFit(const QString &text, int maxSide)
{
    const Matrix matrix = encode(text);
    if (matrix.isNull())
        return {};
    const int modules = matrix.width + 2 * kQuietZoneModules;
    return render(text, qMax(1, maxSide / modules));
}

} // namespace gd
