#include "push/SelectionPolicy.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace gd {

QJsonObject PushChoice::toJson() const
{
    return QJsonObject{{QStringLiteral("product"), productId},
                       {QStringLiteral("fallback"), fallback},
                       {QStringLiteral("age"), double(updatedAgoMs)},
                       {QStringLiteral("last"), double(lastPushedHereMs)},
                       {QStringLiteral("tags"), QJsonArray::fromStringList(matchedTags)},
                       {QStringLiteral("clicks"), double(clicks)},
                       {QStringLiteral("orders"), double(orders)},
                       {QStringLiteral("score"), score},
                       {QStringLiteral("n"), candidates}};
}

PushChoice PushChoice::fromJson(const QJsonObject &o)
{
    PushChoice c;
    c.productId = o.value(QLatin1String("product")).toString();
    c.fallback = o.value(QLatin1String("fallback")).toBool();
    c.updatedAgoMs = qint64(o.value(QLatin1String("age")).toDouble());
    c.lastPushedHereMs = qint64(o.value(QLatin1String("last")).toDouble());
    for (const auto &v : o.value(QLatin1String("tags")).toArray())
        c.matchedTags << v.toString();
    c.clicks = qint64(o.value(QLatin1String("clicks")).toDouble());
    c.orders = qint64(o.value(QLatin1String("orders")).toDouble());
    c.score = o.value(QLatin1String("score")).toDouble();
    c.candidates = o.value(QLatin1String("n")).toInt();
    return c;
}

PushChoice SelectionPolicy::choose(const PushGroup &group, const QVector<Product> &products,
                                   const GroupHistory &history,
                                   const QHash<QString, int> &usedInRun, qint64 nowMs)
{
    auto fresh = [nowMs](const Product &p) {
        return p.available && p.updatedMs > 0 && p.updatedMs <= nowMs + 60000
            && nowMs - p.updatedMs <= kFreshMs;
    };
    QVector<const Product *> floor;
    QVector<const Product *> relaxed;
    for (const Product &p : products) {
        if (!fresh(p))
            continue;
        // Never the same product twice in a row to a group, even as fallback.
        if (p.id == history.lastProductId)
            continue;
        relaxed.append(&p);
        const qint64 last = history.lastPushedMs.value(p.id, 0);
        if (last == 0 || nowMs - last >= kNoRepeatMs)
            floor.append(&p);
    }
    const bool fallback = floor.isEmpty();
    const QVector<const Product *> &pool = fallback ? relaxed : floor;
    PushChoice best;
    best.fallback = fallback;
    best.candidates = int(pool.size());
    if (pool.isEmpty())
        return best;

    QSet<QString> groupTags;
    for (const QString &t : group.tags)
        groupTags.insert(t.toCaseFolded());
    bool have = false;
    for (const Product *p : pool) {
        QStringList matched;
        if (!p->category.isEmpty() && groupTags.contains(p->category.toCaseFolded()))
            matched << p->category;
        for (const QString &t : p->tags) {
            if (groupTags.contains(t.toCaseFolded()) && !matched.contains(t))
                matched << t;
        }
        const ProductStats s = history.stats.value(p->id);
        const qint64 age = std::max<qint64>(0, nowMs - p->updatedMs);
        const qint64 last = history.lastPushedMs.value(p->id, 0);
        // Weights: a tag match outweighs everything else; performance next
        // (orders count five clicks); freshness and "long since pushed here"
        // break ties; each other group given the product in this run costs
        // about one tag match, so a run spreads across products.
        double score = 10.0 * matched.size();
        score += 2.0 * std::log2(1.0 + double(s.clicks) + 5.0 * double(s.orders));
        score += 2.0 * (1.0 - double(age) / double(kFreshMs));
        score += last == 0 ? 1.0 : std::min(1.0, double(nowMs - last) / double(kNoRepeatMs * 3));
        score -= 9.0 * usedInRun.value(p->id, 0);
        if (!have || score > best.score + 1e-9
            || (std::abs(score - best.score) <= 1e-9 && p->id < best.productId)) {
            have = true;
            best.productId = p->id;
            best.score = score;
            best.updatedAgoMs = age;
            best.lastPushedHereMs = last;
            best.matchedTags = matched;
            best.clicks = s.clicks;
            best.orders = s.orders;
        }
    }
    return best;
}

namespace {

QString agoText(qint64 ms)
{
    const qint64 minutes = ms / 60000;
    // Counts are worked out before the translate() calls: lupdate 6.4 hangs
    // on a division or a template argument list among their arguments.
    const int shownMinutes = int(std::max<qint64>(1, minutes));
    if (minutes < 60)
        return QCoreApplication::translate("SelectionPolicy", "%n min", nullptr, shownMinutes);
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return QCoreApplication::translate("SelectionPolicy", "%n h", nullptr, int(hours));
    const int days = int(hours / 24);
    return QCoreApplication::translate("SelectionPolicy", "%n day(s)", nullptr, days);
}

} // namespace

QString SelectionPolicy::explain(const PushChoice &c, qint64 nowMs)
{
    if (c.productId.isEmpty())
        return QCoreApplication::translate(
            "SelectionPolicy",
            "no product is available and updated within 4 hours (other than the last one sent "
            "here)");
    QStringList parts;
    parts << QCoreApplication::translate("SelectionPolicy", "fresh %1 ago")
                 .arg(agoText(c.updatedAgoMs));
    if (c.lastPushedHereMs == 0)
        parts << QCoreApplication::translate("SelectionPolicy", "never pushed here");
    else
        parts << QCoreApplication::translate("SelectionPolicy", "not pushed here for %1")
                     .arg(agoText(nowMs - c.lastPushedHereMs));
    for (const QString &t : c.matchedTags)
        parts << QCoreApplication::translate("SelectionPolicy", "matches tag %1").arg(t);
    if (c.orders > 0 || c.clicks > 0)
        parts << QCoreApplication::translate("SelectionPolicy", "%1 clicks, %2 orders here")
                     .arg(c.clicks)
                     .arg(c.orders);
    if (c.fallback)
        parts << QCoreApplication::translate(
            "SelectionPolicy", "fallback: every fresh product was pushed here within 3 days");
    return parts.join(QCoreApplication::translate("SelectionPolicy", ", "));
}

} // namespace gd
