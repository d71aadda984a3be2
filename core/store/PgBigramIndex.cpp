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
    // Every value of the index's own comes in through one row, q, first in
    // FROM: the planner folds its columns into the statement (a row without
    // a table is pulled up), so it plans for these very tokens, and the row
    // id to stay below (bound last, as the contract wants) bounds every list.
    QStringList values;
    auto value = [&](const QString &type, const QString &name, const QVariant &v) {
        values << QStringLiteral("CAST(? AS %1) AS %2").arg(type, name);
        c.binds << v;
        return QStringLiteral("q.") + name;
    };
    const QString text = QStringLiteral("TEXT");
    QString key;
    if (oneConversation) {
        const QString account = value(text, QStringLiteral("account"), query.accountId);
        const QString conversation
            = value(text, QStringLiteral("conversation"), query.conversationId);
        key = QStringLiteral("gd_conversation_key(%1, %2)").arg(account, conversation);
    }
    QStringList joined;
    QStringList conditions;
    const qsizetype joins = std::min<qsizetype>(tokens.exact.size(), kJoinedTokens);
    for (qsizetype i = 0; i < tokens.exact.size(); ++i) {
        const QString token = value(text, QStringLiteral("token%1").arg(i), tokens.exact.at(i));
        if (i >= joins) {
            conditions << QStringLiteral("EXISTS (SELECT 1 FROM message_tokens x WHERE x.token = %1"
                                         " AND x.id = t0.id)")
                              .arg(token);
            continue;
        }
        const QString t = QStringLiteral("t%1").arg(i);
        QString join
            = QStringLiteral(" JOIN message_tokens %1 ON %1.token = %2 AND %1.id < q.below")
                  .arg(t, token);
        if (i > 0)
            join += QStringLiteral(" AND %1.id = t0.id").arg(t);
        if (oneConversation) {
            join += i == 0
                ? QStringLiteral(" AND t0.conversation_key = ") + key
                // The planner carries the key over to every list
                // (one class of equal values).
                : QStringLiteral(" AND %1.conversation_key = t0.conversation_key").arg(t);
        }
        joined << join;
    }
    // Rows of messages whose tokens start with the prefix (once each).
    for (qsizetype i = 0; i < tokens.prefixes.size(); ++i) {
        const QString pattern
            = value(text, QStringLiteral("prefix%1").arg(i), likePrefix(tokens.prefixes.at(i)));
        const QString scope
            = oneConversation ? QStringLiteral(" AND p.conversation_key = ") + key : QString();
        if (joined.isEmpty()) {
            // Only prefixes: the first one's messages lead, collected and
            // sorted (a range holds many tokens, so no one list is in order).
            joined << QStringLiteral(" CROSS JOIN LATERAL (SELECT DISTINCT p.id FROM message_tokens"
                                     " p WHERE p.token LIKE %1 AND p.id < q.below%2"
                                     " ORDER BY p.id DESC) t0")
                          .arg(pattern, scope);
        } else {
            conditions
                << QStringLiteral(
                       "t0.id IN (SELECT p.id FROM message_tokens p WHERE p.token LIKE %1%2)")
                       .arg(pattern, scope);
        }
    }
    values << QStringLiteral("CAST(? AS BIGINT) AS below"); // the caller binds the row id
    const QString from = QStringLiteral("(SELECT %1) q").arg(values.join(QStringLiteral(", ")));
    const QString where = conditions.isEmpty()
        ? QString()
        : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    // Narrowed by more than the room: the planner may start from the
    // messages (one sender's, a few days') and look their tokens up.
    const bool narrowed
        = !query.talkerId.isEmpty() || query.fromMs > 0 || query.toMs > 0 || !query.kinds.isEmpty();
    if (joined.isEmpty()) {
        // Nothing to ask the index: no candidates.
        c.sql = QStringLiteral("SELECT %1 FROM %2 JOIN messages m ON m.id < q.below WHERE FALSE%3"
                               " ORDER BY m.id DESC LIMIT ?")
                    .arg(columns, from, filters);
    } else if (!narrowed) {
        // Each candidate looks up its message (a lateral subquery the planner
        // keeps as it is): a merge with messages instead reads every message
        // between two hits, and the planner cannot tell the two apart.
        c.sql = QStringLiteral("SELECT %1 FROM %2%3 CROSS JOIN LATERAL (SELECT * FROM messages m"
                               " WHERE m.id = t0.id%4 OFFSET 0) m%5"
                               " ORDER BY t0.id DESC LIMIT ?")
                    .arg(columns, from, joined.join(QString()), filters, where);
    } else {
        c.sql = QStringLiteral("SELECT %1 FROM %2%3 JOIN messages m ON m.id = t0.id%4%5"
                               " ORDER BY t0.id DESC LIMIT ?")
                    .arg(columns, from, joined.join(QString()),
                         where.isEmpty() ? QStringLiteral(" WHERE TRUE") : where, filters);
    }
    return c;
}

} // namespace gd
