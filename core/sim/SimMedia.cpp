#include "sim/SimMedia.h"

#include <QBuffer>
#include <QColor>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <random>

namespace gd::sim {

QByteArray SimMedia::brokenGoodsPhoto(quint64 seed, int width, int height, bool jpeg)
{
    std::mt19937 rng(quint32(seed * 2654435761u + 7u));
    auto below = [&rng](int n) { return int(rng() % quint32(n)); };

    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor::fromHsv(below(360), 30 + below(40), 200 + below(50))); // a table top
    {
        // No text: drawing glyphs needs a font database, which a headless
        // simulator does not have.
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        const int boxW = width / 2 + below(width / 4);
        const int boxH = height / 2 + below(height / 4);
        const QRect box((width - boxW) / 2, (height - boxH) / 2, boxW, boxH);
        p.setPen(QPen(QColor(90, 60, 30), 3));
        p.setBrush(QColor::fromHsv(25 + below(15), 120 + below(80), 150 + below(80))); // cardboard
        p.drawRect(box);
        p.setBrush(QColor::fromHsv(below(360), 160, 220));
        p.drawEllipse(box.center(), boxW / 6, boxH / 6); // the goods
        // The crack.
        QPainterPath crack(QPointF(box.left() + below(boxW / 3), box.top()));
        for (int i = 1; i <= 5; ++i) {
            const int y = box.top() + i * boxH / 5; // whole pixels
            crack.lineTo(box.left() + below(boxW), y);
        }
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(20, 20, 20), 4));
        p.drawPath(crack);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!(jpeg && image.save(&buffer, "JPEG", 85))) {
        bytes.clear();
        buffer.seek(0);
        image.save(&buffer, "PNG");
    }
    return bytes;
}

QByteArray SimMedia::receiptPdf(quint64 seed)
{
    // Enough of a PDF for type sniffing and for a viewer to open.
    const QByteArray content
        = "BT /F1 18 Tf 72 720 Td (Receipt " + QByteArray::number(seed) + ") Tj ET";
    QByteArray pdf = "%PDF-1.4\n";
    QList<int> offsets;
    auto object = [&](const QByteArray &body) {
        offsets.append(int(pdf.size()));
        pdf += QByteArray::number(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    object("<< /Type /Catalog /Pages 2 0 R >>");
    object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
           " /Resources << /Font << /F1 5 0 R >> >> >>");
    object("<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content
           + "\nendstream");
    object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    const int xref = int(pdf.size());
    pdf += "xref\n0 " + QByteArray::number(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (int offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(offsets.size() + 1)
        + " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

bool SimMedia::looksLikeImage(const QByteArray &b)
{
    return b.startsWith("\x89PNG\r\n\x1a\n") || b.startsWith("\xff\xd8\xff")
        || b.startsWith("GIF87a") || b.startsWith("GIF89a") || b.startsWith("BM")
        || (b.startsWith("RIFF") && b.mid(8, 4) == "WEBP");
}

} // namespace gd::sim
