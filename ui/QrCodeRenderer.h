#pragma once
// Turns the text of a SCAN event into a QR code image (libqrencode, error
// correction level M) with the quiet zone scanners need around it.

#include <QImage>
#include <QString>
#include <QVector>

namespace gd {

class QrCodeRenderer
{
public:
    static constexpr int kQuietZoneModules = 4;

    struct Matrix
    {
        int width = 0; // modules per side (21 for version 1, +4 per version)
        QVector<bool> dark; // width * width, row-major
        bool isNull() const { return width == 0; }
        bool isDark(int x, int y) const { return dark.at(y * width + x); }
    };

    // Empty matrix when the text cannot be encoded (empty or too long).
    static Matrix encode(const QString &text);
    // Black modules on white, `moduleSize` pixels each, with a 4-module quiet
    // zone. Null image when the text cannot be encoded.
    static QImage render(const QString &text, int moduleSize);
    // Largest image of whole modules that fits in `maxSide` pixels.
    static QImage renderToFit(const QString &text, int maxSide);
};

} // namespace gd
