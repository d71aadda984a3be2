#include "monitor/RuleFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace gd {

namespace {

// 1-based line and column of a byte offset, for JSON syntax errors.
QString lineColumn(const QByteArray &data, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, data.size());
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        const unsigned char c = static_cast<unsigned char>(data.at(i));
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column; // count characters, not UTF-8 bytes
        }
    }
    return QStringLiteral("%1:%2").arg(line).arg(column);
}

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

// A JSON string as text GroupDesk keeps, so that a rule reads back from
// what GroupDesk writes as the same rule: an escaped unpaired surrogate
// ("\ud800") becomes U+FFFD, as it would on the way through UTF-8 anyway,
// and U+FEFF (an invisible "zero width no-break space") is dropped, since
// Qt's JSON reader (6.4) drops it from a string written as UTF-8.
QString textOf(const QJsonValue &value)
{
    const QString text = value.toString();
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
        } else if (c.isSurrogate()) {
            out += QChar(QChar::ReplacementCharacter);
        } else if (c != QChar(QChar::ByteOrderMark)) {
            out += c;
        }
    }
    return out;
}

} // namespace

std::optional<KeywordRule> RuleFile::ruleFromJson(const QJsonValue &value, const QString &where,
                                                  QList<RuleError> *errors)
{
    QList<RuleError> found;
    KeywordRule rule;
    auto error = [&](const QString &field, const QString &message) {
        found.append({rule.id, field.isEmpty() ? where : where + u'.' + field, message});
    };
    if (!value.isObject()) {
        found.append({{}, where, tr("a rule must be an object, not %1").arg(jsonTypeName(value))});
        if (errors)
            errors->append(found);
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();

    auto readStringList = [&](const QString &field, QStringList *out) {
        const QJsonValue v = object.value(field);
        if (v.isUndefined())
            return;
        if (!v.isArray()) {
            error(field, tr("must be an array of strings, not %1").arg(jsonTypeName(v)));
            return;
        }
        const QJsonArray array = v.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString()) {
                error(QStringLiteral("%1[%2]").arg(field).arg(i),
                      tr("must be a string, not %1").arg(jsonTypeName(array.at(i))));
                continue;
            }
            out->append(textOf(array.at(i)));
        }
    };

    const QJsonValue id = object.value(QStringLiteral("id"));
    if (const QString idText = textOf(id); id.isString() && !idText.trimmed().isEmpty())
        rule.id = idText;
    else if (id.isUndefined())
        error({}, tr("the rule has no \"id\""));
    else
        error(QStringLiteral("id"), tr("must be a non-empty string"));

    const QJsonValue name = object.value(QStringLiteral("name"));
    if (name.isString())
        rule.name = textOf(name);
    else if (!name.isUndefined())
        error(QStringLiteral("name"), tr("must be a string, not %1").arg(jsonTypeName(name)));

    const QJsonValue severity = object.value(QStringLiteral("severity"));
    if (severity.isString()) {
        if (std::optional<Severity> s = severityFromName(severity.toString()))
            rule.severity = *s;
        else
            error(QStringLiteral("severity"),
                  tr("\"%1\" is not a severity; use info, low, medium, high or critical")
                      .arg(severity.toString().left(40)));
    } else if (!severity.isUndefined()) {
        error(QStringLiteral("severity"),
              tr("must be one of \"info\", \"low\", \"medium\", \"high\", \"critical\""));
    }

    const QJsonValue scope = object.value(QStringLiteral("scope"));
    if (scope.isString()) {
        if (scope.toString() != u"global")
            error(QStringLiteral("scope"),
                  tr("must be \"global\" or an object with \"groups\" and/or \"tags\""));
    } else if (scope.isObject()) {
        const QJsonObject s = scope.toObject();
        for (auto it = s.begin(); it != s.end(); ++it) {
            const QString key = it.key();
            QStringList *target = key == u"groups" ? &rule.scope.groups
                : key == u"tags"                   ? &rule.scope.tags
                                                   : nullptr;
            if (!target) {
                error(QStringLiteral("scope"),
                      tr("unknown field \"%1\"; use groups and tags").arg(key.left(40)));
                continue;
            }
            if (!it.value().isArray()) {
                error(QStringLiteral("scope.%1").arg(key), tr("must be an array of strings"));
                continue;
            }
            const QJsonArray array = it.value().toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                if (const QString entry = textOf(array.at(i));
                    array.at(i).isString() && !entry.isEmpty())
                    target->append(entry);
                else
                    error(QStringLiteral("scope.%1[%2]").arg(key).arg(i),
                          tr("must be a non-empty string"));
            }
        }
    } else if (!scope.isUndefined()) {
        error(QStringLiteral("scope"),
              tr("must be \"global\" or an object with \"groups\" and/or \"tags\""));
    }

    readStringList(QStringLiteral("keywords"), &rule.keywords);
    readStringList(QStringLiteral("regexes"), &rule.regexes);

    const QJsonValue enabled = object.value(QStringLiteral("enabled"));
    if (enabled.isBool())
        rule.enabled = enabled.toBool();
    else if (!enabled.isUndefined())
        error(QStringLiteral("enabled"), tr("must be true or false"));

    static const QSet<QString> known{QStringLiteral("id"),       QStringLiteral("name"),
                                     QStringLiteral("severity"), QStringLiteral("scope"),
                                     QStringLiteral("keywords"), QStringLiteral("regexes"),
                                     QStringLiteral("enabled")};
    for (auto it = object.begin(); it != object.end(); ++it)
        if (!known.contains(it.key()))
            error({}, tr("unknown field \"%1\"").arg(it.key().left(40)));

    if (found.isEmpty() && rule.keywords.isEmpty() && rule.regexes.isEmpty())
        error({}, tr("the rule has no \"keywords\" and no \"regexes\""));
    if (!found.isEmpty()) {
        for (RuleError &e : found)
            e.ruleId = rule.id;
        if (errors)
            errors->append(found);
        return std::nullopt;
    }
    return rule;
}

RuleFile::Result RuleFile::parse(const QByteArray &json)
{
    Result result;
    if (json.size() > kMaxFileBytes) {
        result.errors.append(
            {{}, {}, tr("The rule file is larger than %1 MB.").arg(kMaxFileBytes >> 20)});
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.errors.append({{},
                              lineColumn(json, parseError.offset),
                              tr("not valid JSON: %1").arg(parseError.errorString())});
        return result;
    }
    if (!document.isObject()) {
        result.errors.append({{}, {}, tr("the file must hold a JSON object with \"rules\"")});
        return result;
    }
    const QJsonObject root = document.object();
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isUndefined() && (!version.isDouble() || version.toDouble() != kVersion)) {
        result.errors.append({{},
                              QStringLiteral("version"),
                              tr("version %1 is not supported (this GroupDesk reads version %2)")
                                  .arg(version.toVariant().toString().left(20))
                                  .arg(kVersion)});
        return result;
    }
    for (auto it = root.begin(); it != root.end(); ++it)
        if (it.key() != u"version" && it.key() != u"rules")
            result.errors.append({{}, it.key().left(40), tr("unknown field")});
    const QJsonValue rules = root.value(QStringLiteral("rules"));
    if (!rules.isArray()) {
        result.errors.append({{},
                              QStringLiteral("rules"),
                              rules.isUndefined()
                                  ? tr("missing: the file needs a \"rules\" array")
                                  : tr("must be an array, not %1").arg(jsonTypeName(rules))});
        return result;
    }
    const QJsonArray array = rules.toArray();
    QSet<QString> ids;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("rules[%1]").arg(i);
        std::optional<KeywordRule> rule = ruleFromJson(array.at(i), where, &result.errors);
        if (!rule)
            continue;
        if (ids.contains(rule->id)) {
            result.errors.append({rule->id, where + QStringLiteral(".id"),
                                  tr("another rule already has the id \"%1\"").arg(rule->id)});
            continue;
        }
        ids.insert(rule->id);
        result.rules.append(*rule);
    }
    return result;
}

RuleFile::Result RuleFile::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.errors.append({{}, path, tr("cannot read the file: %1").arg(file.errorString())});
        return result;
    }
    if (file.size() > kMaxFileBytes) {
        Result result;
        result.errors.append(
            {{}, path, tr("the file is larger than %1 MB").arg(kMaxFileBytes >> 20)});
        return result;
    }
    return parse(file.readAll());
}

QJsonObject RuleFile::ruleToJson(const KeywordRule &rule)
{
    QJsonObject object;
    object.insert(QStringLiteral("id"), rule.id);
    if (!rule.name.isEmpty())
        object.insert(QStringLiteral("name"), rule.name);
    object.insert(QStringLiteral("severity"), severityName(rule.severity));
    if (rule.scope.isGlobal()) {
        object.insert(QStringLiteral("scope"), QStringLiteral("global"));
    } else {
        QJsonObject scope;
        if (!rule.scope.groups.isEmpty())
            scope.insert(QStringLiteral("groups"), QJsonArray::fromStringList(rule.scope.groups));
        if (!rule.scope.tags.isEmpty())
            scope.insert(QStringLiteral("tags"), QJsonArray::fromStringList(rule.scope.tags));
        object.insert(QStringLiteral("scope"), scope);
    }
    if (!rule.keywords.isEmpty())
        object.insert(QStringLiteral("keywords"), QJsonArray::fromStringList(rule.keywords));
    if (!rule.regexes.isEmpty())
        object.insert(QStringLiteral("regexes"), QJsonArray::fromStringList(rule.regexes));
    object.insert(QStringLiteral("enabled"), rule.enabled);
    return object;
}

QByteArray RuleFile::serialize(const QList<KeywordRule> &rules)
{
    QJsonArray array;
    for (const KeywordRule &rule : rules)
        array.append(ruleToJson(rule));
    QJsonObject root;
    root.insert(QStringLiteral("version"), kVersion);
    root.insert(QStringLiteral("rules"), array);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace gd
