#include "store/PgBigramIndex.h"

#include "store/SearchTokenizer.h"
#include "store/SearchTypes.h"

#include <QStringList>

#include <algorithm>

namespace gd {
namespace {

bool fits(const QString &token)
{
    return !token.isEmpty() && token.toUtf8().size() <= PgBigramIndex::kMaxTokenBytes;
}

// The tokens a query asks the index for, each once.
struct QueryTokens
{
    QStringList exact;
    QStringList prefixes;
    bool isEmpty() const { return exact.isEmpty() && prefixes.isEmpty(); }
};

QueryTokens queryTokens(const QString &text)
{
    QueryTokens out;
    for (const SearchTokenizer::Plan::Token &t : SearchTokenizer::plan(text).tokens) {
        if (!fits(t.text))
            continue;
        QStringList &list = t.prefix ? out.prefixes : out.exact;
        if (!list.contains(t.text))
            list.append(t.text);
    }
    return out;
}

// A LIKE pattern for the tokens starting with `prefix` (the column's "C"
// collation lets the B-tree answer it as a range).
QString likePrefix(QString prefix)
{
    prefix.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    prefix.replace(QLatin1Char('%'), QLatin1String("\\%"));
    prefix.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return prefix + QLatin1Char('%');
}

} // namespace

const SearchIndex &SearchIndex::postgresBigrams()
{
    static const PgBigramIndex index;
    return index;
}

QString PgBigramIndex::addStatement() const
{
    return addFromStatement(QStringLiteral("(VALUES (CAST(:p0 AS BIGINT), CAST(:p1 AS TEXT)))"
                                           " AS s (id, tokens)"));
}

QString PgBigramIndex::addFromStatement(const QString &source)
{
    // A word repeated in one message is one row.
    return QStringLiteral(
               "INSERT INTO message_tokens (token, conversation_key, id)"
               " SELECT DISTINCT t.token, gd_conversation_key(m.account_id, m.conversation_id),"
               " m.id FROM %1 JOIN messages m ON m.id = s.id"
               " CROSS JOIN LATERAL unnest(string_to_array(s.tokens, ' ')) AS t (token)"
               " WHERE t.token <> ''")
        .arg(source);
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
    return !queryTokens(text).isEmpty();
}

SearchIndex::Candidates PgBigramIndex::candidates(const QString &columns, const QString &filters,
                                                  const SearchQuery &query) const
{
    const QueryTokens tokens = queryTokens(query.text);
    const bool oneConversation = !query.accountId.isEmpty() && !query.conversationId.isEmpty();
    Candidates c;
    // Everything bound here comes before the row id to stay below: the
    // joins (with their binds) first, then conditions with binds, then the
    // row id for every posting list that may lead the join.
    QString joins;
    QStringList conditions;
    QStringList below;
    const qsizetype joined = std::min<qsizetype>(tokens.exact.size(), kJoinedTokens);
    for (qsizetype i = 0; i < joined; ++i) {
        const QString t = QStringLiteral("t%1").arg(i);
        joins += QStringLiteral(" JOIN message_tokens %1 ON %1.id = m.id AND %1.token = ?").arg(t);
        c.binds << tokens.exact.at(i);
        if (oneConversation && i == 0) {
            joins += QStringLiteral(" AND t0.conversation_key = gd_conversation_key(?, ?)");
            c.binds << query.accountId << query.conversationId;
        } else if (oneConversation) {
            // The planner carries the key over to every list (one class of equal values).
            joins += QStringLiteral(" AND %1.conversation_key = t0.conversation_key").arg(t);
        }
        below << QStringLiteral("%1.id < ?").arg(t);
    }
    for (qsizetype i = joined; i < tokens.exact.size(); ++i) {
        conditions << QStringLiteral(
            "EXISTS (SELECT 1 FROM message_tokens x WHERE x.token = ? AND x.id = m.id)");
        c.binds << tokens.exact.at(i);
    }
    for (const QString &prefix : tokens.prefixes) {
        QString condition = QStringLiteral(
            "m.id IN (SELECT p.id FROM message_tokens p WHERE p.token LIKE ?");
        c.binds << likePrefix(prefix);
        if (oneConversation) {
            condition += QStringLiteral(" AND p.conversation_key = gd_conversation_key(?, ?)");
            c.binds << query.accountId << query.conversationId;
        }
        conditions << condition + QLatin1Char(')');
    }
    if (tokens.isEmpty())
        conditions << QStringLiteral("FALSE"); // nothing to ask the index: no candidates
    below << QStringLiteral("m.id < ?");
    conditions += below;
    c.cursorBinds = int(below.size());
    c.sql = QStringLiteral("SELECT %1 FROM messages m%2 WHERE %3%4 ORDER BY m.id DESC LIMIT ?")
                .arg(columns, joins, conditions.join(QStringLiteral(" AND ")), filters);
    return c;
}

} // namespace gd
