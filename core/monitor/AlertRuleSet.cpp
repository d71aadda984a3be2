#include "monitor/AlertRuleSet.h"

#include "util/Log.h"

#include <QCoreApplication>

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

namespace gd {
namespace {

constexpr int64_t kMaxRegexMemory = 8 << 20; // per expression
constexpr int64_t kMaxSetMemory = 256 << 20; // all patterns together
constexpr int kMaxPatternChars = 4000;

RE2::Options regexOptions()
{
    RE2::Options o;
    o.set_encoding(RE2::Options::EncodingUTF8);
    o.set_log_errors(false);
    o.set_max_mem(kMaxRegexMemory);
    return o;
}

std::string keywordPattern(const QString &word)
{
    return "(?i)" + RE2::QuoteMeta(word.toStdString());
}

} // namespace

struct AlertRuleSet::Compiled
{
    std::unique_ptr<RE2::Set> set;
    // Per pattern of the set: the rule it belongs to and, for keywords, the word.
    QVector<int> patternRule;
    QStringList patternWord;
    // Per rule index: its own regex (Regex rules), to report what matched.
    QHash<int, std::shared_ptr<RE2>> regexes;
};

AlertRuleSet::AlertRuleSet()
    : m_compiled(std::make_unique<Compiled>())
{}
AlertRuleSet::~AlertRuleSet() = default;
AlertRuleSet::AlertRuleSet(AlertRuleSet &&) noexcept = default;
AlertRuleSet &AlertRuleSet::operator=(AlertRuleSet &&) noexcept = default;

QString AlertRuleSet::problemOf(const AlertRule &rule)
{
    if (rule.name.trimmed().isEmpty())
        return QCoreApplication::translate("AlertRuleSet", "The rule needs a name.");
    if ((rule.scope == AlertRuleScope::Group || rule.scope == AlertRuleScope::Tag)
        && rule.scopeValue.trimmed().isEmpty())
        return QCoreApplication::translate("AlertRuleSet",
                                           "Choose the group or the tag the rule watches.");
    switch (rule.kind) {
    case RuleKind::Keywords: {
        const QStringList words = rule.keywords();
        if (words.isEmpty())
            return QCoreApplication::translate("AlertRuleSet",
                                               "Enter at least one keyword (one per line).");
        for (const QString &w : words) {
            if (w.size() > kMaxPatternChars)
                return QCoreApplication::translate("AlertRuleSet",
                                                   "A keyword is longer than %1 characters.")
                    .arg(kMaxPatternChars);
        }
        return {};
    }
    case RuleKind::Regex: {
        if (rule.pattern.trimmed().isEmpty())
            return QCoreApplication::translate("AlertRuleSet", "Enter a regular expression.");
        if (rule.pattern.size() > kMaxPatternChars)
            return QCoreApplication::translate(
                       "AlertRuleSet", "The regular expression is longer than %1 characters.")
                .arg(kMaxPatternChars);
        RE2 re(rule.pattern.toStdString(), regexOptions());
        if (!re.ok())
            return QCoreApplication::translate("AlertRuleSet",
                                               "The regular expression does not compile: %1")
                .arg(QString::fromStdString(re.error()));
        return {};
    }
    case RuleKind::Complaint:
        return {};
    case RuleKind::ResponseTime:
        if (rule.minutes < 1)
            return QCoreApplication::translate(
                "AlertRuleSet", "Set how many minutes a customer may wait (at least 1).");
        if (!rule.firstResponse && !rule.nextResponse)
            return QCoreApplication::translate(
                "AlertRuleSet", "Time the first response, the next responses or both.");
        if (!rule.hours.isAlwaysOpen() && rule.hours.days().isEmpty())
            return QCoreApplication::translate("AlertRuleSet", "Choose at least one working day.");
        return {};
    case RuleKind::BotOffline:
        if (rule.minutes < 1)
            return QCoreApplication::translate(
                "AlertRuleSet",
                "Set after how many minutes an offline bot raises an alert (at least 1).");
        return {};
    }
    return QCoreApplication::translate("AlertRuleSet", "Unknown rule kind.");
}

void AlertRuleSet::setRules(const QVector<AlertRule> &rules)
{
    m_rules = rules;
    auto compiled = std::make_unique<Compiled>();
    RE2::Options setOptions = regexOptions();
    setOptions.set_max_mem(kMaxSetMemory);
    auto set = std::make_unique<RE2::Set>(setOptions, RE2::UNANCHORED);
    int patterns = 0;
    for (int i = 0; i < m_rules.size(); ++i) {
        AlertRule &rule = m_rules[i];
        const QString problem = problemOf(rule);
        // A rule that was broken stays broken only for as long as it is.
        rule.brokenReason = problem;
        if (!problem.isEmpty() || !rule.enabled)
            continue;
        if (rule.kind == RuleKind::Keywords) {
            for (const QString &word : rule.keywords()) {
                std::string error;
                if (set->Add(keywordPattern(word), &error) < 0) {
                    rule.brokenReason = QCoreApplication::translate(
                                            "AlertRuleSet", "The keyword %1 cannot be used: %2")
                                            .arg(word, QString::fromStdString(error));
                    break;
                }
                compiled->patternRule.append(i);
                compiled->patternWord.append(word);
                ++patterns;
            }
        } else if (rule.kind == RuleKind::Regex) {
            std::string error;
            if (set->Add(rule.pattern.toStdString(), &error) < 0) {
                rule.brokenReason
                    = QCoreApplication::translate("AlertRuleSet",
                                                  "The regular expression does not compile: %1")
                          .arg(QString::fromStdString(error));
                continue;
            }
            compiled->patternRule.append(i);
            compiled->patternWord.append(QString());
            compiled->regexes.insert(
                i, std::make_shared<RE2>(rule.pattern.toStdString(), regexOptions()));
            ++patterns;
        }
    }
    if (patterns > 0) {
        if (set->Compile()) {
            compiled->set = std::move(set);
        } else {
            // Too many or too large patterns for the memory budget: the text
            // rules are off (and say so), the others keep working.
            qCWarning(lcEngine) << "monitor: keyword set of" << patterns
                                << "patterns does not fit in memory";
            for (AlertRule &rule : m_rules) {
                if (rule.enabled && rule.brokenReason.isEmpty()
                    && (rule.kind == RuleKind::Keywords || rule.kind == RuleKind::Regex))
                    rule.brokenReason = QCoreApplication::translate(
                        "AlertRuleSet",
                        "The keywords and expressions of all rules together "
                        "need more memory than allowed.");
            }
            compiled->patternRule.clear();
            compiled->patternWord.clear();
            compiled->regexes.clear();
        }
    }
    m_compiled = std::move(compiled);
}

QVector<AlertRuleSet::Hit> AlertRuleSet::match(const QString &accountId, const QString &roomId,
                                               const QSet<QString> &roomTags, const QString &text,
                                               const MessageSignals &textSignals) const
{
    QVector<Hit> hits;
    auto hitFor = [&](int ruleIndex, AlertKind kind) -> Hit & {
        for (Hit &h : hits) {
            if (h.ruleIndex == ruleIndex)
                return h;
        }
        hits.append(Hit{ruleIndex, kind, {}});
        return hits.last();
    };
    if (m_compiled->set && !text.isEmpty()) {
        const QByteArray utf8 = text.toUtf8();
        const re2::StringPiece piece(utf8.constData(), size_t(utf8.size()));
        std::vector<int> matched;
        RE2::Set::ErrorInfo info;
        if (!m_compiled->set->Match(piece, &matched, &info) && info.kind != RE2::Set::kNoError) {
            qCWarning(lcEngine) << "monitor: keyword match failed, error kind" << int(info.kind);
        }
        std::sort(matched.begin(), matched.end());
        for (int p : matched) {
            const int ruleIndex = m_compiled->patternRule.value(p, -1);
            if (ruleIndex < 0)
                continue;
            const AlertRule &rule = m_rules.at(ruleIndex);
            if (rule.specificity(accountId, roomId, roomTags) == 0)
                continue;
            if (rule.kind == RuleKind::Keywords) {
                hitFor(ruleIndex, AlertKind::Keyword).matched.append(m_compiled->patternWord.at(p));
            } else {
                Hit &h = hitFor(ruleIndex, AlertKind::Pattern);
                const auto re = m_compiled->regexes.value(ruleIndex);
                re2::StringPiece whole;
                if (re && re->Match(piece, 0, piece.size(), RE2::UNANCHORED, &whole, 1))
                    h.matched.append(QString::fromUtf8(whole.data(), int(whole.size())).left(80));
            }
        }
    }
    if (textSignals.complaint) {
        for (int i = 0; i < m_rules.size(); ++i) {
            const AlertRule &rule = m_rules.at(i);
            if (rule.kind == RuleKind::Complaint && rule.enabled && rule.brokenReason.isEmpty()
                && rule.specificity(accountId, roomId, roomTags) > 0)
                hitFor(i, AlertKind::Complaint).matched = textSignals.keywords;
        }
    }
    std::stable_sort(hits.begin(), hits.end(), [this](const Hit &a, const Hit &b) {
        return int(m_rules.at(a.ruleIndex).severity) > int(m_rules.at(b.ruleIndex).severity);
    });
    return hits;
}

const AlertRule *AlertRuleSet::responseRuleFor(const QString &accountId, const QString &roomId,
                                               const QSet<QString> &roomTags) const
{
    const AlertRule *best = nullptr;
    int bestScore = 0;
    for (const AlertRule &rule : m_rules) {
        if (rule.kind != RuleKind::ResponseTime || !rule.enabled || !rule.brokenReason.isEmpty())
            continue;
        const int score = rule.specificity(accountId, roomId, roomTags);
        if (score > bestScore) {
            best = &rule;
            bestScore = score;
        }
    }
    return best;
}

const AlertRule *AlertRuleSet::offlineRuleFor(const QString &accountId) const
{
    const AlertRule *best = nullptr;
    for (const AlertRule &rule : m_rules) {
        if (rule.kind != RuleKind::BotOffline || !rule.enabled || !rule.brokenReason.isEmpty())
            continue;
        if (!rule.accountId.isEmpty() && rule.accountId != accountId)
            continue;
        if (!best || rule.minutes < best->minutes)
            best = &rule;
    }
    return best;
}

QSet<QString> AlertRuleSet::scopedTags() const
{
    QSet<QString> tags;
    for (const AlertRule &rule : m_rules) {
        if (rule.scope == AlertRuleScope::Tag)
            tags.insert(rule.scopeValue);
    }
    return tags;
}

} // namespace gd
