#include "store/PgBigramIndex.h"

#include "store/SearchTokenizer.h"

#include <QStringList>

namespace gd {
namespace {

bool fits(const QString &token)
{
    return !token.isEmpty() && token.toUtf8().size() <= PgBigramIndex::kMaxTokenBytes;
}

// A lexeme in tsquery's input syntax: quoted, with ' and \ escaped.
QString quoteLexeme(QString token)
{
    token.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    token.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + token + QLatin1Char('\'');
}

} // namespace

const SearchIndex &SearchIndex::postgresBigrams()
{
    static const PgBigramIndex index;
    return index;
}

QString PgBigramIndex::addStatement() const
{
    return QStringLiteral("INSERT INTO message_index (id, tokens)"
                          " VALUES (:p0, array_to_tsvector(string_to_array(:p1, ' ')))");
}

QString PgBigramIndex::indexedText(const QString &text) const
{
    QString tokens = SearchTokenizer::indexText(text);
    if (tokens.toUtf8().size() <= kMaxTokenBytes)
        return tokens;
    QStringList kept;
    for (const QString &token : tokens.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (fits(token))
            kept.append(token);
    }
    return kept.join(QLatin1Char(' '));
}

bool PgBigramIndex::answers(const QString &text) const
{
    return !tsQuery(text).isEmpty();
}

QString PgBigramIndex::candidatesQuery(const QString &columns, const QString &filters) const
{
    return QStringLiteral("SELECT %1 FROM message_index f JOIN messages m ON m.id = f.id"
                          " WHERE f.tokens @@ CAST(? AS tsquery) AND f.id < ?%2"
                          " ORDER BY f.id DESC LIMIT ?")
        .arg(columns, filters);
}

QVariant PgBigramIndex::matchArgument(const QString &text) const
{
    return tsQuery(text);
}

QString PgBigramIndex::tsQuery(const QString &text)
{
    QStringList parts;
    for (const SearchTokenizer::Plan::Token &t : SearchTokenizer::plan(text).tokens) {
        if (!fits(t.text))
            continue;
        const QString lexeme = quoteLexeme(t.text) + (t.prefix ? QStringLiteral(":*") : QString());
        if (!parts.contains(lexeme))
            parts.append(lexeme);
    }
    return parts.join(QStringLiteral(" & "));
}

} // namespace gd
