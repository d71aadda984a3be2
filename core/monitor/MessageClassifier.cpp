#include "monitor/MessageClassifier.h"

namespace gd {

MessageClassifier::MessageClassifier() = default;

MessageClassifier::MessageClassifier(const Lexicon &tone, const Lexicon &questions)
    : m_tone(tone)
    , m_question(questions)
{}

void MessageClassifier::setRules(std::shared_ptr<const RuleSet> rules)
{
    std::lock_guard lock(m_rulesMutex);
    m_rules = std::move(rules);
}

std::shared_ptr<const RuleSet> MessageClassifier::rules() const
{
    std::lock_guard lock(m_rulesMutex);
    return m_rules;
}

Classification MessageClassifier::classify(QStringView text, const MessageContext &context) const
{
    Classification result;
    ToneResult tone = m_tone.score(text);
    result.complaint = tone.complaint;
    result.tone = tone.tone;
    result.escalation = tone.escalation;
    result.question = m_question.isQuestion(text);
    result.keywords = std::move(tone.cues);
    if (const std::shared_ptr<const RuleSet> rules = this->rules()) {
        result.rules = rules->evaluate(text, context);
        for (const RuleMatch &match : std::as_const(result.rules))
            for (const RuleMatch::Hit &hit : match.hits)
                result.keywords.append(hit.text);
    }
    result.keywords.removeDuplicates();
    return result;
}

} // namespace gd
