#include "monitor/ToneScorer.h"

#include "monitor/WordTrie.h"

#include <QLoggingCategory>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcTone, "gd.monitor.tone")

namespace gd {

namespace {

enum class WordKind { Negative, Positive, Escalation, Degree, Negation, Contrast, Neutral, Blame };

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
    {u"degree", WordKind::Degree, 1.5},   {u"negation", WordKind::Negation, 1},
    {u"contrast", WordKind::Contrast, 0}, {u"blame", WordKind::Blame, -1.5},
};

constexpr double kMaxWeight = 100;
constexpr double kMaxFactor = 10; // a product of degree words or negations, a boost

double setting(const Lexicon &lexicon, const char *name, double fallback, double low, double high)
{
    return std::clamp(lexicon.setting(QString::fromLatin1(name), fallback), low, high);
}

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
    double questionBoost = 1.3; // a clause asking about a problem
    double praiseWithProblem = 0; // praise in a message that reports a problem
    WordTrie blameMarkers; // 不, 没, 又 ... after a blame word (怎么突然不能用了)
    int blameWindow = 6;
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
            // Bounded so that no file and no message can overflow the sums.
            const double weight = std::clamp(entry.hasWeight ? entry.weight : spec.defaultWeight,
                                             -kMaxWeight, kMaxWeight);
            Word word{spec.kind, weight, entry.word};
            d->trie.insert(entry.word, int(d->words.size()));
            d->words.push_back(word);
        }
    }
    d->threshold = setting(lexicon, "complaint_threshold", d->threshold, -kMaxWeight, kMaxWeight);
    d->negatedNegative = setting(lexicon, "negated_negative", d->negatedNegative, 0, kMaxFactor);
    d->negatedPositive = setting(lexicon, "negated_positive", d->negatedPositive, 0, kMaxFactor);
    d->modifierWindow = int(setting(lexicon, "modifier_window", d->modifierWindow, 0, 100));
    d->exclaimBoost = setting(lexicon, "exclaim_boost", d->exclaimBoost, 0, kMaxFactor);
    d->questionRunPenalty
        = setting(lexicon, "question_run_penalty", d->questionRunPenalty, -kMaxWeight, kMaxWeight);
    d->contrastBefore = setting(lexicon, "contrast_before", d->contrastBefore, 0, kMaxFactor);
    d->contrastAfter = setting(lexicon, "contrast_after", d->contrastAfter, 0, kMaxFactor);
    d->questionBoost = setting(lexicon, "question_boost", d->questionBoost, 0, kMaxFactor);
    d->praiseWithProblem
        = setting(lexicon, "praise_with_problem", d->praiseWithProblem, -kMaxFactor, kMaxFactor);
    for (const Lexicon::Entry &entry : lexicon.section(QStringLiteral("blame_marker")))
        d->blameMarkers.insert(entry.word, 0);
    d->blameWindow = int(setting(lexicon, "blame_window", d->blameWindow, 0, 100));
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

namespace {

// The running sums of one message, kept apart by sign so that praise can be
// discounted when the message also reports a problem.
struct Sums
{
    double positive = 0;
    double negative = 0;
    void scale(double f)
    {
        positive *= f;
        negative *= f;
    }
    void add(double v) { (v >= 0 ? positive : negative) += v; }
    void add(const Sums &o, double f)
    {
        positive += o.positive * f;
        negative += o.negative * f;
    }
};

// The last character of the clause that ends at `end` (exclusive), skipping
// spaces: 吗 there makes a negation rhetorical (这不是忽悠人吗 means it is).
bool clauseEndsWithMa(QStringView text, qsizetype end)
{
    for (qsizetype k = end - 1; k >= 0; --k) {
        const char16_t c = text[k].unicode();
        if (c == u' ')
            continue;
        return c == u'吗';
    }
    return false;
}

} // namespace

ToneResult ToneScorer::score(QStringView text) const
{
    ToneResult result;
    // The message in segments split by contrast words (但是, 可是): `total` holds
    // the folded earlier segments, `segment` the one being read. A contrast
    // word counts only when something with a tone follows it (结果 as a noun
    // at the end of 没有任何结果 must not halve the complaint before it).
    Sums total;
    Sums segment;
    Sums clause;
    bool afterContrastWord = false;
    bool contrastSeen = false;
    double rhetorical = 0; // what negated negative words lost, restored in a ...吗 clause
    double negation = 1.0; // product of the pending negations' strengths
    int negations = 0;
    qsizetype negationEnd = -1;
    double degree = 1.0;
    qsizetype degreeEnd = -1;
    bool escalation = false;

    auto resetModifiers = [&] {
        negations = 0;
        negation = 1.0;
        negationEnd = -1;
        degree = 1.0;
        degreeEnd = -1;
    };
    auto foldSegment = [&] {
        if (!afterContrastWord) {
            total.add(segment, 1.0);
        } else if (segment.positive != 0 || segment.negative != 0) {
            total.scale(d->contrastBefore);
            total.add(segment, d->contrastAfter);
            contrastSeen = true;
        } // else: nothing followed the contrast word, so it contrasts nothing
        segment = {};
    };
    auto closeClause = [&](qsizetype end) {
        if (rhetorical != 0 && clauseEndsWithMa(text, end))
            clause.negative += rhetorical;
        segment.add(clause, 1.0);
        clause = {};
        rhetorical = 0;
        resetModifiers();
    };

    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const char16_t c = text[i].unicode();
        if (isExclamation(c) || isQuestionMark(c)) {
            const qsizetype clauseEnd = i;
            qsizetype bangs = 0;
            qsizetype marks = 0;
            while (i < n
                   && (isExclamation(text[i].unicode()) || isQuestionMark(text[i].unicode()))) {
                (isExclamation(text[i].unicode()) ? bangs : marks) += 1;
                ++i;
            }
            if (bangs >= 2)
                clause.scale(d->exclaimBoost);
            if (marks >= 1)
                clause.negative *= d->questionBoost; // asking about a problem presses harder
            if (marks >= 2 || (marks >= 1 && bangs >= 1))
                clause.negative += d->questionRunPenalty;
            closeClause(clauseEnd);
            continue;
        }
        if (isClauseBreak(c)) {
            closeClause(i);
            ++i;
            continue;
        }
        const WordTrie::Found found = d->trie.longestAt(text, i);
        if (found.length == 0) {
            ++i;
            continue;
        }
        const Word &word = d->words[size_t(found.value)];
        // A modifier reaches only the next few characters (不知道为什么很差: 不 is too far).
        if (negationEnd >= 0 && i - negationEnd > d->modifierWindow) {
            negations = 0;
            negation = 1.0;
            negationEnd = -1;
        }
        if (degreeEnd >= 0 && i - degreeEnd > d->modifierWindow) {
            degree = 1.0;
            degreeEnd = -1;
        }
        switch (word.kind) {
        case WordKind::Negation:
            ++negations;
            negation = std::clamp(negation * word.weight, -kMaxFactor, kMaxFactor);
            negationEnd = i + found.length;
            break;
        case WordKind::Degree:
            degree = std::clamp(degree * word.weight, -kMaxFactor, kMaxFactor); // 很很很很...
            degreeEnd = i + found.length;
            break;
        case WordKind::Contrast:
            segment.add(clause, 1.0);
            clause = {};
            rhetorical = 0;
            foldSegment();
            afterContrastWord = true;
            clause.add(word.weight);
            resetModifiers();
            break;
        case WordKind::Neutral:
            break;
        case WordKind::Blame: {
            // 为什么/怎么 followed closely by 不, 没, 又 ... in the same clause asks
            // why something went wrong: 为什么又扣了我一次钱, 怎么突然不能用了.
            const qsizetype end = i + found.length;
            for (qsizetype k = end; k < n && k <= end + d->blameWindow; ++k) {
                const char16_t ck = text[k].unicode();
                if (isClauseBreak(ck) || isExclamation(ck) || isQuestionMark(ck))
                    break;
                if (d->blameMarkers.longestAt(text, k).length > 0) {
                    clause.add(word.weight);
                    result.cues.append(text.mid(i, found.length).toString());
                    break;
                }
            }
            break;
        }
        case WordKind::Negative:
        case WordKind::Positive:
        case WordKind::Escalation: {
            const double raw = word.weight * degree;
            double value = raw;
            const bool negated = negations % 2 == 1;
            if (negated && word.kind == WordKind::Escalation) {
                value = 0; // 不会投诉: no threat, but no praise either
            } else if (negated) {
                value = raw < 0 ? -raw * d->negatedNegative * negation
                                : -raw * d->negatedPositive * negation;
                if (raw < 0)
                    rhetorical += raw - value;
            } else if (word.kind == WordKind::Escalation) {
                escalation = true;
            }
            clause.add(value);
            result.cues.append(text.mid(i, found.length).toString());
            resetModifiers();
            break;
        }
        }
        i += found.length;
    }
    closeClause(n);
    foldSegment();

    // Praise next to a real problem, with no 但是 between them, is politeness
    // or sarcasm (真棒，买一次坏一次; 谢谢你们让我白等一个月): the problem counts.
    double tone = total.positive + total.negative;
    if (!contrastSeen && total.negative <= d->threshold)
        tone = total.negative + total.positive * d->praiseWithProblem;
    result.tone = std::clamp(tone, -d->clamp, d->clamp);
    result.tone = std::round(result.tone * 100) / 100;
    result.escalation = escalation;
    result.complaint = result.escalation || result.tone <= d->threshold;
    return result;
}

} // namespace gd
