#pragma once
// Classifies one customer message for monitoring: complaint tone, whether it
// asks something, and which keyword rules (for its group and tags) it hits.
// The one entry point the alert engine and groupdesk-rules call.
//
// classify() is safe from many threads at once and allocation-light; the rule
// set can be swapped at any time (setRules) while classify() runs elsewhere:
// a call uses the set that was current when it started.

#include "monitor/QuestionDetector.h"
#include "monitor/RuleSet.h"
#include "monitor/ToneScorer.h"

#include <QStringList>

#include <memory>
#include <mutex>

namespace gd {

struct Classification
{
    bool complaint = false;
    double tone = 0; // below 0 unhappy (see ToneResult)
    bool question = false;
    bool escalation = false; // 投诉, 12315, 曝光 ... not negated
    QStringList keywords; // matched words: tone cues, then rule hits' text (no repeats)
    QList<RuleMatch> rules; // keyword rules in scope that matched
};

class MessageClassifier
{
public:
    // Built-in lexicons (or their overrides), no keyword rules.
    MessageClassifier();
    MessageClassifier(const Lexicon &tone, const Lexicon &questions);

    void setRules(std::shared_ptr<const RuleSet> rules);
    std::shared_ptr<const RuleSet> rules() const;

    Classification classify(QStringView text, const MessageContext &context = {}) const;

    const ToneScorer &toneScorer() const { return m_tone; }
    const QuestionDetector &questionDetector() const { return m_question; }

private:
    ToneScorer m_tone;
    QuestionDetector m_question;
    mutable std::mutex m_rulesMutex; // guards the pointer only, held for a copy
    std::shared_ptr<const RuleSet> m_rules;
};

} // namespace gd
