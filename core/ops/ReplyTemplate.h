#pragma once
// Fills the {variables} of a reply text (quick replies, welcomes,
// auto-replies) from values known when it is sent. A variable the caller
// has no value for is refused with the reason, never sent as "{custmer}".
// A variable is a brace pair around a short name without spaces or braces;
// any other brace is text.

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>

namespace gd {

class ReplyTemplate
{
    Q_DECLARE_TR_FUNCTIONS(ReplyTemplate)

public:
    static constexpr int kMaxNameLength = 24;

    // The variable names in `text`, in order of first use, each once.
    static QStringList variables(const QString &text);
    // Why `text` cannot be used with only `allowed` variables (the first
    // unknown one, named), or an empty string if it can.
    static QString check(const QString &text, const QStringList &allowed);
    // `text` with every {name} replaced by values[name]. A name missing from
    // `values` (or with an empty value) fails: returns an empty string and
    // *error says which variable and why.
    static QString fill(const QString &text, const QHash<QString, QString> &values, QString *error);

    // The quick replies' variables: {customer}, {group}, {agent}, {date}.
    static QStringList quickReplyVariables();
    // Their values; an empty customer, group or agent stays out (a reply
    // that uses it is refused with the reason).
    static QHash<QString, QString> quickReplyValues(const QString &customer, const QString &group,
                                                    const QString &agent, QDate date);
};

} // namespace gd
