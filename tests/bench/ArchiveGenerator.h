#pragma once
// Deterministic generator of realistic Chinese customer-service chat for the
// benchmarks: customers asking about refunds, shipping, invoices, broken goods;
// staff answering; order numbers, product names, some English and emoji.

#include "model/Types.h"

#include <QRandomGenerator>
#include <QStringList>

namespace gd::bench {

class ArchiveGenerator
{
public:
    explicit ArchiveGenerator(quint32 seed = 20261125);

    // Message number `index` of `total`, in room `roomIndex`. Timestamps grow with
    // the index, spread over `spanDays` days before `endMs`.
    Message message(qint64 index, qint64 total, int roomIndex, qint64 endMs, int spanDays = 365);
    QString text();
    static QString roomId(int roomIndex);

private:
    QRandomGenerator m_random;
};

} // namespace gd::bench
