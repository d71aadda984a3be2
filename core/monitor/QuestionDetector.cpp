#include "monitor/QuestionDetector.h"

#include "monitor/WordTrie.h"

#include <algorithm>
#include <vector>

namespace gd {

namespace {

enum class CueKind {
    QuestionWord, // 怎么, 多久: a question wherever it stands
    Ask, // 请问, 想问一下
    Particle, // 吗: a question wherever it stands
    FinalParticle, // 么: only at the end of a clause
    ShortFinalParticle, // 呢: at the end of a short clause without a statement marker
    Alternative, // A还是B: when both sides are there and B is short
    NotQuestion, // 没什么, 什么都: consumed, so the question word inside does not count
    StatementMarker, // 还, 着 (for 呢 only; not a word of its own)
    Indefinite, // 别, 不要: question words after it in the clause are indefinite
};

struct SectionSpec
{
    const char16_t *name;
    CueKind kind;
};

constexpr SectionSpec kSections[] = {
    {u"question_word", CueKind::QuestionWord},
    {u"ask", CueKind::Ask},
    {u"particle", CueKind::Particle},
    {u"final_particle", CueKind::FinalParticle},
    {u"short_final_particle", CueKind::ShortFinalParticle},
    {u"alternative", CueKind::Alternative},
    {u"not_question", CueKind::NotQuestion},
    {u"indefinite_marker", CueKind::Indefinite},
};

bool isQuestionMark(char16_t c)
{
    return c == u'?' || c == u'？';
}

bool endsClause(QStringView text, qsizetype pos)
{
    // End of text, punctuation, space, an emoji or a [表情] code all close a clause.
    for (qsizetype i = pos; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isSpace())
            continue;
        return !c.isLetterOrNumber();
    }
    return true;
}

bool isNegator(char16_t c)
{
    return c == u'不' || c == u'没';
}

} // namespace

struct QuestionDetector::Impl
{
    WordTrie trie;
    std::vector<CueKind> kinds;
    std::vector<QString> words;
    WordTrie statementMarkers;
    int shortClause = 6;
    int alternativeHead = 2;
    int alternativeTail = 4;

    bool isAlternative(QStringView text, qsizetype clauseStart, qsizetype start,
                       qsizetype end) const
    {
        if (start - clauseStart < alternativeHead)
            return false;
        qsizetype tailEnd = end;
        while (tailEnd < text.size()
               && (text[tailEnd].isLetterOrNumber() || text[tailEnd].isSurrogate()))
            ++tailEnd;
        const qsizetype tail = tailEnd - end;
        if (tail < 1 || tail > alternativeTail)
            return false;
        // 还是没到, 还是不行: "still", not "or"; 我们还是等等吧: a suggestion.
        if (isNegator(text[end].unicode()))
            return false;
        const char16_t last = text[tailEnd - 1].unicode();
        if (last == u'吧' || last == u'了' || last == u'啊')
            return false;
        // 还是坏的 ("still broken") vs 新的还是旧的: an alternative ending in 的
        // is parallel, with 的 before 还是 too.
        return last != u'的' || text[start - 1] == u'的';
    }
};

QuestionDetector::QuestionDetector()
    : QuestionDetector(Lexicon::standard(QStringLiteral("question_zh.txt")))
{}

QuestionDetector::QuestionDetector(const Lexicon &lexicon)
    : d(std::make_unique<Impl>())
{
    for (const SectionSpec &spec : kSections) {
        for (const Lexicon::Entry &entry : lexicon.section(QString::fromUtf16(spec.name))) {
            d->trie.insert(entry.word, int(d->kinds.size()));
            d->kinds.push_back(spec.kind);
            d->words.push_back(entry.word);
        }
    }
    for (const Lexicon::Entry &entry : lexicon.section(QStringLiteral("statement_marker")))
        d->statementMarkers.insert(entry.word, 0);
    // Bounded: a setting from a user's file must not overflow an int.
    auto setting = [&](const char *name, int fallback) {
        return int(std::clamp(lexicon.setting(QString::fromLatin1(name), fallback), 0.0, 1000.0));
    };
    d->shortClause = setting("short_clause", d->shortClause);
    d->alternativeHead = setting("alternative_head", d->alternativeHead);
    d->alternativeTail = setting("alternative_tail", d->alternativeTail);
}

QuestionDetector::~QuestionDetector() = default;
QuestionDetector::QuestionDetector(QuestionDetector &&) noexcept = default;
QuestionDetector &QuestionDetector::operator=(QuestionDetector &&) noexcept = default;

bool QuestionDetector::isQuestion(QStringView text) const
{
    return !cue(text).isEmpty();
}

QString QuestionDetector::cue(QStringView text) const
{
    const qsizetype n = text.size();
    qsizetype clauseStart = 0;
    bool indefinite = false; // 别跟我说什么流程: 什么 means "any" here
    for (qsizetype i = 0; i < n;) {
        const char16_t c = text[i].unicode();
        if (isQuestionMark(c))
            return text.mid(i, 1).toString();
        if (!text[i].isLetterOrNumber() && !text[i].isSurrogate()) {
            clauseStart = i + 1;
            indefinite = false;
            ++i;
            continue;
        }
        const WordTrie::Found found = d->trie.longestAt(text, i);
        if (found.length > 0 && d->kinds[size_t(found.value)] == CueKind::NotQuestion) {
            i += found.length; // 动不动, 没什么: statements that look like questions
            continue;
        }
        // A-not-A: 能不能, 有没有, 去不去 (the same character around 不/没).
        if (i + 2 < n && isNegator(text[i + 1].unicode()) && text[i] == text[i + 2] && !isNegator(c)
            && text[i].script() == QChar::Script_Han)
            return text.mid(i, 3).toString();
        // AB-not-AB: 能退不能退, 喜欢不喜欢.
        if (i + 4 < n && isNegator(text[i + 2].unicode()) && text[i] == text[i + 3]
            && text[i + 1] == text[i + 4] && !isNegator(c) && text[i].script() == QChar::Script_Han
            && text[i + 1].script() == QChar::Script_Han)
            return text.mid(i, 5).toString();
        if (found.length == 0) {
            ++i;
            continue;
        }
        const qsizetype end = i + found.length;
        switch (d->kinds[size_t(found.value)]) {
        case CueKind::QuestionWord:
            if (!indefinite)
                return text.mid(i, found.length).toString();
            break;
        case CueKind::Indefinite:
            indefinite = true;
            break;
        case CueKind::Ask:
        case CueKind::Particle:
            return text.mid(i, found.length).toString();
        case CueKind::FinalParticle:
            if (endsClause(text, end))
                return text.mid(i, found.length).toString();
            break;
        case CueKind::ShortFinalParticle:
            if (endsClause(text, end) && i - clauseStart <= d->shortClause) {
                bool statement = false;
                for (qsizetype k = clauseStart; k < i && !statement; ++k)
                    statement = d->statementMarkers.longestAt(text, k).length > 0;
                if (!statement)
                    return text.mid(i, found.length).toString();
            }
            break;
        case CueKind::Alternative:
            if (d->isAlternative(text, clauseStart, i, end))
                return text.mid(i, found.length).toString();
            break;
        case CueKind::NotQuestion:
        case CueKind::StatementMarker:
            break;
        }
        i = end;
    }
    return {};
}

} // namespace gd
