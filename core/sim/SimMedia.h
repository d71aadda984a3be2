#pragma once
// Makes the files simulated customers send: photos of broken goods (coloured
// shapes, PNG or JPEG, encoded in memory with QImage) and receipts as small
// PDF documents. Deterministic from the seed, so a message's file is the
// same every time a client asks for it. Safe on any thread.

#include <QByteArray>
#include <QString>

namespace gd::sim {

class SimMedia
{
public:
    // A photo of a damaged parcel. `jpeg` picks the encoding (PNG otherwise).
    static QByteArray brokenGoodsPhoto(quint64 seed, int width, int height, bool jpeg);
    // A one-page PDF "receipt".
    static QByteArray receiptPdf(quint64 seed);
    // The image types the simulator recognises by their first bytes.
    static bool looksLikeImage(const QByteArray &bytes);
};

} // namespace gd::sim
