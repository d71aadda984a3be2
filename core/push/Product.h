#pragma once
// One product of the push catalog, as imported or edited. Prices are kept in
// cents (fen) so an import compares exactly; -1 means "no coupon price".

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace gd {

struct Product
{
    QString id;
    QString title;
    qint64 priceCents = 0;
    qint64 couponCents = -1; // -1: none
    QString link;
    QString image; // a local path or an http(s) URL; empty: none
    QString category;
    QStringList tags;
    bool available = true;
    qint64 updatedMs = 0; // when the source last changed it; 0: unknown (never fresh)

    // The catalog fields only (not bookkeeping), for "did anything change".
    bool sameContent(const Product &other) const;
    // Field name -> [old, new] of what differs from `before` (JSON text).
    QString changesFrom(const Product &before) const;

    static QString formatCents(qint64 cents); // 1999 -> "19.99"
};

} // namespace gd
