#include "push/Product.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gd {

bool Product::sameContent(const Product &o) const
{
    return id == o.id && title == o.title && priceCents == o.priceCents
        && couponCents == o.couponCents && link == o.link && image == o.image
        && category == o.category && tags == o.tags && available == o.available
        && updatedMs == o.updatedMs;
}

QString Product::changesFrom(const Product &b) const
{
    QJsonObject changes;
    auto add = [&changes](const char *field, const QJsonValue &before, const QJsonValue &after) {
        if (before != after)
            changes.insert(QLatin1String(field), QJsonArray{before, after});
    };
    add("title", b.title, title);
    add("price", formatCents(b.priceCents), formatCents(priceCents));
    add("coupon", b.couponCents < 0 ? QString() : formatCents(b.couponCents),
        couponCents < 0 ? QString() : formatCents(couponCents));
    add("link", b.link, link);
    add("image", b.image, image);
    add("category", b.category, category);
    add("tags", b.tags.join(QLatin1Char(' ')), tags.join(QLatin1Char(' ')));
    add("available", b.available, available);
    add("updated", b.updatedMs, updatedMs);
    return QString::fromUtf8(QJsonDocument(changes).toJson(QJsonDocument::Compact));
}

QString Product::formatCents(qint64 cents)
{
    const bool negative = cents < 0;
    const qint64 abs = negative ? -cents : cents;
    QString s = QStringLiteral("%1.%2").arg(abs / 100).arg(abs % 100, 2, 10, QLatin1Char('0'));
    return negative ? QLatin1Char('-') + s : s;
}

} // namespace gd
