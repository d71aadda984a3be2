#include "store/SearchTokenizer.h"

#include <QChar>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace gd {
namespace {

enum class UnitKind { Cjk, Word, Symbol, Mark, Separator };

bool isCjkScript(QChar::Script script)
{
    switch (script) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
    case QChar::Script_Bopomofo:
        return true;
    default:
        return false;
    }
}

UnitKind classify(char32_t cp)
{
    if (QChar::isLetterOrNumber(cp))
        return isCjkScript(QChar::script(cp)) ? UnitKind::Cjk : UnitKind::Word;
    if (QChar::isMark(cp))
        return UnitKind::Mark;
    const QChar::Category cat = QChar::category(cp);
    if (cp >= 0x80 && (cat == QChar::Symbol_Other || cat == QChar::Symbol_Modifier))
        return UnitKind::Symbol;
    return UnitKind::Separator;
}

struct CodePoint
{
    char32_t cp;
    UnitKind kind;
};

QVector<CodePoint> codePoints(QStringView text)
{
    QVector<CodePoint> out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t cp = text[i].unicode();
        if (QChar::isHighSurrogate(cp) && i + 1 < n && text[i + 1].isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        out.append({cp, classify(cp)});
    }
    return out;
}

QString fromCodePoint(char32_t cp)
{
    return QString::fromUcs4(&cp, 1);
}

QString symbolToken(char32_t cp)
{
    return QStringLiteral("emo") + QString::number(uint(cp), 16);
}

// One token of a query phrase.
struct QueryToken
{
    QString text;
    bool prefix = false;
};

// Tokens of one query term; `single` is set when the term is one character
// (nothing the index can answer without a prefix scan over a huge range).
QVector<QueryToken> termTokens(const QString &term)
{
    const QVector<CodePoint> cps = codePoints(term);
    QVector<QueryToken> tokens;
    const int n = cps.size();
    int i = 0;
    while (i < n) {
        const UnitKind kind = cps[i].kind;
        if (kind == UnitKind::Cjk) {
            int j = i;
            while (j < n && cps[j].kind == UnitKind::Cjk)
                ++j;
            const int len = j - i;
            const bool closedStart = i > 0;
            const bool closedEnd = j < n; // the document's run ends here too
            if (len == 1) {
                // A lone character starting a run is the start of a bigram
                // or the run's last-character token: a prefix matches both.
                if (closedEnd)
                    tokens.append({fromCodePoint(cps[i].cp), false});
                else if (closedStart)
                    tokens.append({fromCodePoint(cps[i].cp), true});
            } else {
                for (int k = i; k + 1 < j; ++k)
                    tokens.append({fromCodePoint(cps[k].cp) + fromCodePoint(cps[k + 1].cp), false});
                if (closedEnd)
                    tokens.append({fromCodePoint(cps[j - 1].cp), false});
            }
            i = j;
        } else if (kind == UnitKind::Word || kind == UnitKind::Mark) {
            QString word;
            int j = i;
            while (j < n && (cps[j].kind == UnitKind::Word || cps[j].kind == UnitKind::Mark)) {
                if (cps[j].kind == UnitKind::Word)
                    word += fromCodePoint(cps[j].cp);
                ++j;
            }
            if (!word.isEmpty())
                tokens.append({word.toLower(), j == n});
            i = j;
        } else if (kind == UnitKind::Symbol) {
            tokens.append({symbolToken(cps[i].cp), false});
            ++i;
        } else {
            ++i;
        }
    }
    return tokens;
}

QString quotePhrase(const QVector<QueryToken> &tokens)
{
    QStringList parts;
    for (const QueryToken &t : tokens)
        parts.append(t.text);
    QString phrase = parts.join(QLatin1Char(' '));
    phrase.replace(QLatin1Char('"'), QLatin1String("\"\""));
    QString out = QLatin1Char('"') + phrase + QLatin1Char('"');
    if (!tokens.isEmpty() && tokens.last().prefix)
        out += QLatin1Char('*');
    return out;
}

} // namespace

QString SearchTokenizer::indexText(QStringView text)
{
    const QVector<CodePoint> cps = codePoints(text);
    QString out;
    out.reserve(text.size() * 3);
    auto addToken = [&out](const QString &token) {
        if (!out.isEmpty())
            out += QLatin1Char(' ');
        out += token;
    };
    const int n = cps.size();
    int i = 0;
    while (i < n) {
        const UnitKind kind = cps[i].kind;
        if (kind == UnitKind::Cjk) {
            int j = i;
            while (j < n && cps[j].kind == UnitKind::Cjk)
                ++j;
            for (int k = i; k + 1 < j; ++k)
                addToken(fromCodePoint(cps[k].cp) + fromCodePoint(cps[k + 1].cp));
            addToken(fromCodePoint(cps[j - 1].cp));
            i = j;
        } else if (kind == UnitKind::Word || kind == UnitKind::Mark) {
            QString word;
            int j = i;
            while (j < n && (cps[j].kind == UnitKind::Word || cps[j].kind == UnitKind::Mark)) {
                if (cps[j].kind == UnitKind::Word)
                    word += fromCodePoint(cps[j].cp);
                ++j;
            }
            if (!word.isEmpty())
                addToken(word.toLower());
            i = j;
        } else if (kind == UnitKind::Symbol) {
            addToken(symbolToken(cps[i].cp));
            ++i;
        } else {
            ++i;
        }
    }
    return out;
}

SearchTokenizer::Plan SearchTokenizer::plan(const QString &query)
{
    Plan plan;
    const QStringList raw
        = query.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    QSet<QString> seen;
    for (const QString &term : raw) {
        if (!seen.contains(term.toCaseFolded())) {
            seen.insert(term.toCaseFolded());
            plan.terms.append(term);
        }
    }

    QStringList phrases;
    for (const QString &term : std::as_const(plan.terms)) {
        if (phrases.size() >= kMaxIndexedTerms)
            break;
        QVector<QueryToken> tokens = termTokens(term);
        if (tokens.isEmpty())
            continue; // verified on the candidates only
        if (tokens.size() == 1 && tokens.first().prefix && codePoints(term).size() <= 1)
            continue; // one letter: a prefix over a huge part of the index; bounded scan instead
        if (tokens.size() > kMaxTokensPerTerm) {
            tokens.resize(kMaxTokensPerTerm);
            tokens.last().prefix = false; // the term goes on: the token is whole
        }
        phrases.append(quotePhrase(tokens));
        for (const QueryToken &t : std::as_const(tokens))
            plan.tokens.append({t.text, t.prefix});
    }
    plan.match = phrases.join(QLatin1String(" AND "));
    return plan;
}

QVector<QPair<int, int>> SearchTokenizer::matchOffsets(const QString &text,
                                                       const QStringList &terms)
{
    QVector<QPair<int, int>> spans;
    for (const QString &term : terms) {
        if (term.isEmpty())
            continue;
        qsizetype from = 0;
        while (true) {
            const qsizetype at = text.indexOf(term, from, Qt::CaseInsensitive);
            if (at < 0)
                break;
            spans.append({int(at), int(term.size())});
            from = at + term.size();
        }
    }
    std::sort(spans.begin(), spans.end());
    return spans;
}

bool SearchTokenizer::containsAll(const QString &text, const QStringList &terms)
{
    for (const QString &term : terms) {
        if (!text.contains(term, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace gd
