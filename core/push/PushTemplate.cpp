#include "push/PushTemplate.h"

#include <QCoreApplication>

namespace gd {
namespace {

// Walks the template; calls `onText` for literal runs and `onName` for each
// {name}. Returns false (with *bad) on an unclosed brace.
template<typename Text, typename Name>
bool walk(const QString &t, Text onText, Name onName, QString *bad)
{
    QString literal;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const QChar c = t.at(i);
        if (c == QLatin1Char('{') && i + 1 < t.size() && t.at(i + 1) == QLatin1Char('{')) {
            literal += c;
            ++i;
        } else if (c == QLatin1Char('}') && i + 1 < t.size() && t.at(i + 1) == QLatin1Char('}')) {
            literal += c;
            ++i;
        } else if (c == QLatin1Char('{')) {
            const qsizetype end = t.indexOf(QLatin1Char('}'), i + 1);
            if (end < 0) {
                *bad = t.mid(i, 20);
                return false;
            }
            onText(literal);
            literal.clear();
            onName(t.mid(i + 1, end - i - 1));
            i = end;
        } else {
            literal += c;
        }
    }
    onText(literal);
    return true;
}

} // namespace

QStringList PushTemplate::placeholders()
{
    return {QStringLiteral("title"), QStringLiteral("price"), QStringLiteral("coupon"),
            QStringLiteral("link"), QStringLiteral("group")};
}

QString PushTemplate::problem(const QString &templ)
{
    if (templ.trimmed().isEmpty())
        return QCoreApplication::translate("PushTemplate", "The text is empty.");
    QStringList unknown;
    QString bad;
    const QStringList known = placeholders();
    const bool closed = walk(
        templ, [](const QString &) {},
        [&](const QString &name) {
            if (!known.contains(name) && !unknown.contains(name))
                unknown << name;
        },
        &bad);
    if (!closed)
        return QCoreApplication::translate("PushTemplate",
                                           "A \"{\" is not closed: %1 (write {{ for a brace).")
            .arg(bad);
    if (!unknown.isEmpty()) {
        QStringList shown;
        for (const QString &u : unknown)
            shown << QLatin1Char('{') + u + QLatin1Char('}');
        return QCoreApplication::translate(
                   "PushTemplate",
                   "Unknown placeholder %1. Known: {title} {price} {coupon} {link} "
                   "{group}.")
            .arg(shown.join(QStringLiteral(", ")));
    }
    return QString();
}

QString PushTemplate::render(const QString &templ, const Product &p, const QString &groupName)
{
    QString out;
    QString bad;
    walk(
        templ, [&out](const QString &s) { out += s; },
        [&](const QString &name) {
            if (name == QLatin1String("title"))
                out += p.title;
            else if (name == QLatin1String("price"))
                out += Product::formatCents(p.priceCents);
            else if (name == QLatin1String("coupon"))
                out += Product::formatCents(p.couponCents >= 0 ? p.couponCents : p.priceCents);
            else if (name == QLatin1String("link"))
                out += p.link;
            else if (name == QLatin1String("group"))
                out += groupName;
        },
        &bad);
    return out;
}

} // namespace gd
