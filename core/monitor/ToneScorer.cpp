#include "monitor/ToneScorer.h"

#include "monitor/WordTrie.h"

#include <QLoggingCategory>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcTone, "gd.monitor.tone")

namespace gd {

namespace {

enum class WordKind { Negative, Positive, Escalation, Degree, Negation, Contrast, Neutral };

struct Word
{
    WordKind kind = WordKind::Neutral;
    double weight = 0;
    QString text;
};

struct SectionSpec
{
    const char16_t *name;
    WordKind kind;
    double defaultWeight;
};

// Later sections win when a word is listed twice (the file's order decides
// otherwise), so a word is never counted as two things.
constexpr SectionSpec kSections[] = {
    {u"neutral", WordKind::Neutral, 0},   {u"negative", WordKind::Negative, -1},
    {u"positive", WordKind::Positive, 1}, {u"escalation", WordKind::Escalation, -3},
    {u"degree", WordKind::Degree, 1.5},   {u"negation", WordKind::Negation, 0},
    {u"contrast", WordKind::Contrast, 0},
};

bool isClauseBreak(char16_t c)
{
    switch (c) {
    case u'，':
    case u'。':
    case u'；':
    case u'、':
    case u'：':
    case u',':
    case u'.':
    case u';':
    case u':':
    case u'\n':
    case u'\r':
    case u'\t':
    case u' ':
    case u'　':
    case u'~':
    case u'～':
    case u'…':
        return true;
    default:
        return false;
    }
}

bool isExclamation(char16_t c)
{
    return c == u'!' || c == u'！';
}
bool isQuestionMark(char16_t c)
{
    return c == u'?' || c == u'？';
}

} // namespace

struct ToneScorer::Impl
{
    WordTrie trie;
    std::vector<Word> words;
    double threshold = -1.5;
    double negatedNegative = 0.5; // 不差: a negated complaint word turns mildly positive
    double negatedPositive = 1.0; // 不满意: a negated positive word turns fully negative
    int modifierWindow = 4; // characters between a modifier and its word
    double exclaimBoost = 1.5; // a clause ending in !! counts this much more
    double questionRunPenalty = -1.0; // ??? sounds impatient
    double contrastBefore = 0.5; // what came before 但是 counts less
    double contrastAfter = 1.5; // and what follows more
    double clamp = 10;
};

ToneScorer::ToneScorer()
    : ToneScorer(Lexicon::standard(QStringLiteral("tone_zh.txt")))
{}

ToneScorer::ToneScorer(const Lexicon &lexicon)
    : d(std::make_unique<Impl>())
{
    for (const SectionSpec &spec : kSections) {
        for (const Lexicon::Entry &entry : lexicon.section(QString::fromUtf16(spec.name))) {
            Word word{spec.kind, entry.hasWeight ? entry.weight : spec.defaultWeight, entry.word};
            d->trie.insert(entry.word, int(d->words.size()));
            d->words.push_back(word);
        }
    }
    d->threshold = lexicon.setting(QStringLiteral("complaint_threshold"), d->threshold);
    d->negatedNegative = lexicon.setting(QStringLiteral("negated_negative"), d->negatedNegative);
    d->negatedPositive = lexicon.setting(QStringLiteral("negated_positive"), d->negatedPositive);
    d->modifierWindow = int(lexicon.setting(QStringLiteral("modifier_window"), d->modifierWindow));
    d->exclaimBoost = lexicon.setting(QStringLiteral("exclaim_boost"), d->exclaimBoost);
    d->questionRunPenalty
        = lexicon.setting(QStringLiteral("question_run_penalty"), d->questionRunPenalty);
    d->contrastBefore = lexicon.setting(QStringLiteral("contrast_before"), d->contrastBefore);
    d->contrastAfter = lexicon.setting(QStringLiteral("contrast_after"), d->contrastAfter);
    if (d->words.empty())
        qCWarning(lcTone) << "tone lexicon is empty: every message scores 0";
}

ToneScorer::~ToneScorer() = default;
ToneScorer::ToneScorer(ToneScorer &&) noexcept = default;
ToneScorer &ToneScorer::operator=(ToneScorer &&) noexcept = default;

double ToneScorer::complaintThreshold() const
{
    return d->threshold;
}

QStringList ToneScorer::knownSections()
{
    QStringList names;
    for (const SectionSpec &spec : kSections)
        names.append(QString::fromUtf16(spec.name));
    names.append(QStringLiteral("settings"));
    return names;
}

ToneResult ToneScorer::score(QStringView text) const
{
    ToneResult result;
    double total = 0;
    double clause = 0;
    double afterContrast = 1.0; // factor for clauses after a contrast word
    int negations = 0;
    double degree = 1.0;
    qsizetype modifierEnd = -1; // where the last modifier ended; -1: none pending
    bool escalationPending = false;

    auto resetModifiers = [&] {
        negations = 0;
        degree = 1.0;
        modifierEnd = -1;
    };
    auto closeClause = [&] {
        total += clause * afterContrast;
        clause = 0;
        resetModifiers();
    };

    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const char16_t c = text[i].unicode();
        if (isExclamation(c) || isQuestionMark(c)) {
            qsizetype bangs = 0;
            qsizetype marks = 0;
            while (i < n
                   && (isExclamation(text[i].unicode()) || isQuestionMark(text[i].unicode()))) {
                (isExclamation(text[i].unicode()) ? bangs : marks) += 1;
                ++i;
            }
            if (bangs >= 2)
                clause *= d->exclaimBoost;
            if (marks >= 3 || (marks >= 2 && bangs >= 1))
                clause += d->questionRunPenalty;
            closeClause();
            continue;
        }
        if (isClauseBreak(c)) {
            closeClause();
            ++i;
            continue;
        }
        const WordTrie::Found found = d->trie.longestAt(text, i);
        if (found.length == 0) {
            ++i;
            continue;
        }
        const Word &word = d->words[size_t(found.value)];
        if (modifierEnd >= 0 && i - modifierEnd > d->modifierWindow)
            resetModifiers();
        switch (word.kind) {
        case WordKind::Negation:
            ++negations;
            modifierEnd = i + found.length;
            break;
        case WordKind::Degree:
            degree *= word.weight;
            modifierEnd = i + found.length;
            break;
        case WordKind::Contrast:
            total = (total + clause) * d->contrastBefore;
            clause = 0;
            afterContrast = d->contrastAfter;
            resetModifiers();
            break;
        case WordKind::Neutral:
            break;
        case WordKind::Negative:
        case WordKind::Positive:
        case WordKind::Escalation: {
            double value = word.weight * degree;
            const bool negated = negations % 2 == 1;
            if (negated && word.kind == WordKind::Escalation)
                value = 0; // 不会投诉: no threat, but no praise either
            else if (negated)
                value = value < 0 ? -value * d->negatedNegative : -value * d->negatedPositive;
            else if (word.kind == WordKind::Escalation)
                escalationPending = true;
            clause += value;
            result.cues.append(text.mid(i, found.length).toString());
            resetModifiers();
            break;
        }
        }
        i += found.length;
    }
    closeClause();

    result.tone = std::clamp(total, -d->clamp, d->clamp);
    result.tone = std::round(result.tone * 100) / 100;
    result.escalation = escalationPending;
    result.complaint = result.escalation || result.tone <= d->threshold;
    return result;
}

} // namespace gd
