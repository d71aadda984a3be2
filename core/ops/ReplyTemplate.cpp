#include "ops/ReplyTemplate.h"

namespace gd {
namespace {

// Calls found(start, length, name) for each variable of `text`.
template<typename F> void forEachVariable(const QString &text, F found)
{
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype open = text.indexOf(QLatin1Char('{'), i);
        if (open < 0)
            return;
        qsizetype close = -1;
        for (qsizetype j = open + 1;
             j < text.size() && j - open - 1 <= ReplyTemplate::kMaxNameLength; ++j) {
            const QChar c = text.at(j);
            if (c == QLatin1Char('}')) {
                close = j;
                break;
            }
            if (c.isSpace() || c == QLatin1Char('{'))
                break;
        }
        if (close > open + 1) {
            found(open, close - open + 1, text.mid(open + 1, close - open - 1));
            i = close + 1;
        } else {
            i = open + 1;
        }
    }
}

} // namespace

QStringList ReplyTemplate::variables(const QString &text)
{
    QStringList names;
    forEachVariable(text, [&](qsizetype, qsizetype, const QString &name) {
        if (!names.contains(name))
            names.append(name);
    });
    return names;
}

QString ReplyTemplate::check(const QString &text, const QStringList &allowed)
{
    for (const QString &name : variables(text)) {
        if (!allowed.contains(name)) {
            QStringList shown;
            for (const QString &a : allowed)
                shown << QLatin1Char('{') + a + QLatin1Char('}');
            return tr("Unknown variable {%1}: use %2.").arg(name, shown.join(QLatin1String(", ")));
        }
    }
    return {};
}

QString ReplyTemplate::fill(const QString &text, const QHash<QString, QString> &values,
                            QString *error)
{
    QString out;
    qsizetype copied = 0;
    QString problem;
    forEachVariable(text, [&](qsizetype start, qsizetype length, const QString &name) {
        if (!problem.isEmpty())
            return;
        const QString value = values.value(name);
        if (value.isEmpty()) {
            problem = values.contains(name)
                ? tr("{%1} has no value here, so this reply cannot be filled in.").arg(name)
                : tr("Unknown variable {%1}.").arg(name);
            return;
        }
        out += QStringView(text).mid(copied, start - copied);
        out += value;
        copied = start + length;
    });
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return {};
    }
    out += QStringView(text).mid(copied);
    if (error)
        error->clear();
    return out;
}

QStringList ReplyTemplate::quickReplyVariables()
{
    return {QStringLiteral("customer"), QStringLiteral("group"), QStringLiteral("agent"),
            QStringLiteral("date")};
}

QHash<QString, QString> ReplyTemplate::quickReplyValues(const QString &customer,
                                                        const QString &group, const QString &agent,
                                                        QDate date)
{
    // Every known name is present, empty when unknown: fill() then says
    // "no value here" instead of "unknown variable".
    return {
        {QStringLiteral("customer"), customer},
        {QStringLiteral("group"), group},
        {QStringLiteral("agent"), agent},
        {QStringLiteral("date"), date.isValid() ? date.toString(Qt::ISODate) : QString()},
    };
}

} // namespace gd
