#include "monitor/RuleDryRun.h"

#include "monitor/ResponseTimers.h"
#include "monitor/AlertRuleSet.h"
#include "store/StoreReader.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <atomic>
#include <limits>

namespace gd {
namespace {

std::atomic<int> g_dryRunCounter{0};
constexpr int kPage = 2000;

} // namespace

RuleDryRun::Result RuleDryRun::run(const QString &databasePath, const AlertRule &input,
                                   qint64 fromMs, qint64 toMs,
                                   const MessageSignalSourceFactory &signalSource,
                                   const QString &staffTag, const std::atomic<bool> &cancel,
                                   const Progress &progress, int maxListed)
{
    Result result;
    AlertRule rule = input;
    rule.enabled = true;
    const QString problem = AlertRuleSet::problemOf(rule);
    if (!problem.isEmpty()) {
        result.error = problem;
        return result;
    }
    if (rule.kind == RuleKind::BotOffline) {
        result.error = QCoreApplication::translate(
            "RuleDryRun",
            "The archive does not record when bots were offline, so this rule "
            "cannot be tried on history.");
        return result;
    }
    StoreReader reader(databasePath, QStringLiteral("gd-dry-run-%1").arg(++g_dryRunCounter));
    if (!reader.isOpen()) {
        result.error = QCoreApplication::translate("RuleDryRun", "The archive cannot be read.");
        return result;
    }
    AlertRuleSet rules;
    rules.setRules({rule});
    std::unique_ptr<MessageSignalSource> source = signalSource ? signalSource() : nullptr;

    QVector<AccountInfo> accounts = reader.accounts();
    if (!rule.accountId.isEmpty()) {
        accounts.erase(std::remove_if(accounts.begin(), accounts.end(),
                                      [&](const AccountInfo &a) { return a.id != rule.accountId; }),
                       accounts.end());
    }
    qint64 total = 0;
    for (const AccountInfo &a : std::as_const(accounts))
        total += reader.countInRange(a.id, {}, fromMs, toMs);
    if (progress)
        progress(0, total);

    auto keep = [&](Alert a) {
        ++result.count;
        if (result.alerts.size() < maxListed)
            result.alerts.append(std::move(a));
    };
    auto alertFor = [&](const Message &m, AlertKind kind, const QString &matched, qint64 at,
                        const QHash<QString, QString> &roomNames) {
        Alert a;
        a.kind = kind;
        a.severity = rule.severity;
        a.ruleName = rule.name;
        a.accountId = m.accountId;
        a.roomId = m.conversationId();
        a.roomName = m.roomId.isEmpty() ? m.talkerName : roomNames.value(m.roomId);
        a.customerId = m.talkerId;
        a.customerName = m.talkerName;
        a.messageId = m.id;
        a.messageRowId = m.rowId;
        a.excerpt = alertExcerpt(m.text.isEmpty() ? m.filename : m.text);
        a.matched = matched;
        a.createdMs = at;
        a.updatedMs = at;
        return a;
    };

    for (const AccountInfo &account : std::as_const(accounts)) {
        QSet<QString> staff;
        for (const QString &id : reader.contactsWithTag(account.id, staffTag))
            staff.insert(id);
        if (!account.selfContactId.isEmpty())
            staff.insert(account.selfContactId);
        QHash<QString, QSet<QString>> roomTags;
        if (rule.scope == AlertRuleScope::Tag) {
            for (const QString &room : reader.roomsWithTag(account.id, rule.scopeValue))
                roomTags[room].insert(rule.scopeValue);
        }
        QHash<QString, QString> roomNames;
        for (const Room &r : reader.rooms(account.id))
            roomNames.insert(r.id, r.topic);
        ResponseTimers timers;
        auto takeDue = [&](qint64 at) {
            for (const ResponseTimers::Timer &t : timers.takeDue(at))
                keep(alertFor(t.message, t.kind, QString::number(t.minutes), t.dueMs, roomNames));
        };
        qint64 afterRow = 0;
        while (true) {
            if (cancel.load()) {
                result.cancelled = true;
                return result;
            }
            const QVector<Message> page
                = reader.messagesAfterRow(account.id, afterRow, fromMs, toMs, kPage);
            if (page.isEmpty())
                break;
            for (const Message &m : page) {
                afterRow = m.rowId;
                ++result.scanned;
                if (m.kind == MessageKind::System)
                    continue;
                const QString roomId = m.conversationId();
                if (rule.kind == RuleKind::ResponseTime)
                    takeDue(m.timestampMs);
                if (m.fromSelf || staff.contains(m.talkerId)) {
                    if (rule.kind == RuleKind::ResponseTime)
                        timers.staffReplied(m);
                    continue;
                }
                const QString text = m.text.isEmpty() ? m.filename : m.text;
                if (text.isEmpty())
                    continue;
                const MessageSignals sig = source ? source->analyse(text) : MessageSignals();
                const QSet<QString> tags = roomTags.value(roomId);
                if (rule.kind == RuleKind::ResponseTime) {
                    if ((sig.question || sig.complaint)
                        && rule.specificity(m.accountId, roomId, tags) > 0)
                        timers.customerWaits(m, rule, m.timestampMs);
                    continue;
                }
                const QVector<AlertRuleSet::Hit> hits
                    = rules.match(m.accountId, roomId, tags, text, sig);
                if (!hits.isEmpty())
                    keep(alertFor(m, hits.first().kind, hits.first().matched.join(QLatin1Char(' ')),
                                  m.timestampMs, roomNames));
            }
            if (progress)
                progress(result.scanned, total);
        }
        if (rule.kind == RuleKind::ResponseTime)
            takeDue(toMs > 0 ? toMs : std::numeric_limits<qint64>::max());
    }
    std::sort(result.alerts.begin(), result.alerts.end(),
              [](const Alert &a, const Alert &b) { return a.createdMs < b.createdMs; });
    return result;
}

} // namespace gd
