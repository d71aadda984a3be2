#pragma once
// Reads and writes keyword rules as JSON (the format is documented in
// README.md, "groupdesk-rules"). Takes outside input: anything malformed is
// reported with where it is (line:column for syntax, rules[i].field for
// content) and never crashes; a bad rule is skipped with its error while
// the good ones are kept, so a caller can choose to be strict (errors non-empty)
// or lenient.
//
//   {"version": 1,
//    "rules": [{"id": "refund", "name": "退款", "severity": "high",
//               "scope": {"groups": ["r1@chatroom"], "tags": ["VIP"]},
//               "keywords": ["退款", "退钱"], "regexes": ["退.{0,2}款"],
//               "enabled": true}]}

#include "monitor/KeywordRule.h"
#include "monitor/RuleSet.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

namespace gd {

class RuleFile
{
    Q_DECLARE_TR_FUNCTIONS(RuleFile)

public:
    struct Result
    {
        QList<KeywordRule> rules; // the rules that parsed
        QList<RuleError> errors; // everything that did not
        bool ok() const { return errors.isEmpty(); }
    };

    static constexpr int kVersion = 1;
    static constexpr qsizetype kMaxFileBytes = 64 << 20;

    static Result parse(const QByteArray &json);
    static Result load(const QString &path);

    // One rule as a JSON object (the elements of "rules"), e.g. for a database
    // column; `where` prefixes error locations.
    static std::optional<KeywordRule> ruleFromJson(const QJsonValue &value, const QString &where,
                                                   QList<RuleError> *errors);
    static QJsonObject ruleToJson(const KeywordRule &rule);
    static QByteArray serialize(const QList<KeywordRule> &rules);
};

} // namespace gd
