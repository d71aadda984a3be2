#pragma once
// Scores how unhappy a Chinese customer message sounds, locally and from an
// editable lexicon (resources/monitor/tone_zh.txt): negative, complaint and
// escalation words (投诉, 12315, 差评, 曝光, 退货), positive words, degree
// adverbs that strengthen or soften the next word, negations that flip it
// (不, 没, 别, 并不; two negations cancel: 不是不满意), contrast words
// (但是: what follows counts more), and repeated punctuation (！！！ strengthens
// a clause, ？？？ sounds impatient). Words are found by forward longest match,
// so 不错 is one positive word, not 不 + 错.
//
// Immutable after construction; score() is safe from many threads.

#include "monitor/Lexicon.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace gd {

struct ToneResult
{
    double tone = 0; // below 0 unhappy, above 0 pleased; clamped to [-10, 10]
    bool escalation = false; // an escalation word that was not negated
    bool complaint = false; // tone at or below the threshold, or an escalation
    QStringList cues; // the sentiment and escalation words that counted, in order
};

class ToneScorer
{
public:
    // The built-in lexicon (or its override, see Lexicon::standard).
    ToneScorer();
    explicit ToneScorer(const Lexicon &lexicon);
    ~ToneScorer();
    ToneScorer(ToneScorer &&) noexcept;
    ToneScorer &operator=(ToneScorer &&) noexcept;

    ToneResult score(QStringView text) const;
    double complaintThreshold() const;

    // Words of these sections are looked up; anything else in the file is ignored.
    static QStringList knownSections();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace gd
