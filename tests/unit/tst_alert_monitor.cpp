// The monitor on a real database with a clock the test moves: complaints and
// keywords raise alerts as messages are stored, a question left unanswered
// raises a response-time alert only after the set business time, a staff
// reply resolves it, a snoozed alert comes back, an offline bot raises an
// alert (and another when it is back), and a broken rule is disabled with
// its reason while the others keep working.

#include "monitor/AlertMailer.h"
#include "monitor/AlertMonitor.h"
#include "monitor/AlertRepository.h"
#include "monitor/BusinessHours.h"
#include "monitor/Clock.h"
#include "monitor/ResponseTimers.h"
#include "monitor/AlertRuleSet.h"
#include "store/Store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;

namespace {

// Stands in for the classifier at the seam (the classifier has its own
// tests): a complaint says 投诉 or 差评, a question ends with ？ or has 吗.
class MarkerSignals : public MessageSignalSource
{
public:
    MessageSignals analyse(const QString &text) override
    {
        MessageSignals s;
        s.complaint
            = text.contains(QStringLiteral("投诉")) || text.contains(QStringLiteral("差评"));
        s.tone = s.complaint ? -2 : 0;
        s.question = text.contains(QStringLiteral("？")) || text.contains(QStringLiteral("吗"));
        if (s.complaint)
            s.keywords = {QStringLiteral("投诉")};
        return s;
    }
};

MessageSignalSourceFactory markerFactory()
{
    return [] { return std::make_unique<MarkerSignals>(); };
}

qint64 localMs(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi)).toMSecsSinceEpoch();
}

int g_id = 0;

Message customer(const QString &text, qint64 ts, const QString &talker = QStringLiteral("c1"),
                 const QString &room = QStringLiteral("r1@chatroom"))
{
    Message m;
    m.accountId = QStringLiteral("acc");
    m.id = QStringLiteral("m%1").arg(++g_id);
    m.roomId = room;
    m.talkerId = talker;
    m.talkerName = QStringLiteral("客户") + talker;
    m.kind = MessageKind::Text;
    m.text = text;
    m.timestampMs = ts;
    return m;
}

Message staffReply(const QString &text, qint64 ts,
                   const QString &room = QStringLiteral("r1@chatroom"))
{
    Message m = customer(text, ts, QStringLiteral("bot"), room);
    m.fromSelf = true;
    m.talkerName = QStringLiteral("客服机器人");
    return m;
}

} // namespace

class TestAlertMonitor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<AlertMonitor> m_monitor;
    ManualClock m_clock;

    void openStore()
    {
        m_store = std::make_unique<Store>();
        QString error;
        QVERIFY2(m_store->open(m_dir.filePath(QStringLiteral("m%1.db").arg(++m_counter)), &error),
                 qPrintable(error));
    }
    // Replaces the seeded rules with `rules` (straight into the table, as
    // another console or an older version might have left them).
    void writeRules(const QVector<AlertRule> &rules)
    {
        m_store->submitWrite([rules](StoreWriter::Batch &b) {
            QSqlQuery(b.db()).exec(QStringLiteral("DELETE FROM alert_rules"));
            for (AlertRule r : rules) {
                QString error;
                AlertRepository::saveRule(b.db(), r, &error);
            }
        });
        m_store->flush();
    }
    void startMonitor()
    {
        AlertMonitorOptions options;
        options.tickMs = 20;
        m_monitor
            = std::make_unique<AlertMonitor>(m_store.get(), &m_clock, markerFactory(), options);
        QSignalSpy loaded(m_monitor.get(), &AlertMonitor::alertsLoaded);
        const qsizetype loadedBefore = loaded.size();
        m_monitor->start();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() > loadedBefore, 5000);
    }
    static AlertRule rule(RuleKind kind, const QString &name, AlertSeverity severity)
    {
        AlertRule r;
        r.kind = kind;
        r.name = name;
        r.severity = severity;
        return r;
    }
    Alert onlyActive()
    {
        const QVector<Alert> active = m_monitor->activeAlerts();
        if (active.size() != 1)
            qWarning() << "active alerts:" << active.size();
        return active.size() == 1 ? active.first() : Alert();
    }

private slots:
    void init()
    {
        m_clock.setNowMs(localMs(2026, 11, 27, 17, 50)); // a Friday
        openStore();
    }
    void cleanup()
    {
        m_monitor.reset();
        m_store.reset();
    }

    void newDatabaseStartsWithComplaintResponseAndOfflineRules()
    {
        startMonitor();
        const QVector<AlertRule> rules = m_monitor->rules();
        QCOMPARE(rules.size(), 3);
        QCOMPARE(rules.at(0).kind, RuleKind::Complaint);
        QCOMPARE(rules.at(1).kind, RuleKind::ResponseTime);
        QCOMPARE(rules.at(1).minutes, 10);
        QCOMPARE(rules.at(2).kind, RuleKind::BotOffline);
        for (const AlertRule &r : rules)
            QVERIFY2(r.brokenReason.isEmpty(), qPrintable(r.brokenReason));
    }

    void complaintRaisesAnAlertAsTheMessageIsStored()
    {
        writeRules({rule(RuleKind::Complaint, QStringLiteral("投诉"), AlertSeverity::High)});
        startMonitor();
        QSignalSpy raised(m_monitor.get(), &AlertMonitor::alertRaised);
        const qsizetype raisedBefore = raised.size();
        m_store->insertMessages({customer(QStringLiteral("今天天气不错"), m_clock.nowMs()),
                                 customer(QStringLiteral("再不处理我就去投诉"), m_clock.nowMs())});
        QTRY_VERIFY_WITH_TIMEOUT(raised.size() > raisedBefore, 5000);
        const Alert a = raised.first().first().value<Alert>();
        QVERIFY(a.id > 0);
        QCOMPARE(a.kind, AlertKind::Complaint);
        QCOMPARE(a.severity, AlertSeverity::High);
        QCOMPARE(a.excerpt, QStringLiteral("再不处理我就去投诉"));
        QCOMPARE(a.customerId, QStringLiteral("c1"));
        QVERIFY(a.messageRowId > 0);
        QCOMPARE(a.state, AlertState::Open);
        m_monitor->sync();
        QCOMPARE(raised.size(), 1); // the chatter raised nothing
        QCOMPARE(m_monitor->activeAlerts().size(), 1);
    }

    void keywordAndRegexRulesMatchAndABrokenRuleIsDisabledWithItsReason()
    {
        AlertRule words
            = rule(RuleKind::Keywords, QStringLiteral("敏感词"), AlertSeverity::Warning);
        words.pattern = QStringLiteral("退款\n  曝光 \n\nRefund");
        AlertRule phone = rule(RuleKind::Regex, QStringLiteral("手机号"), AlertSeverity::Info);
        phone.pattern = QStringLiteral("1[3-9]\\d{9}");
        AlertRule broken = rule(RuleKind::Regex, QStringLiteral("坏的"), AlertSeverity::Critical);
        broken.pattern = QStringLiteral("(unclosed");
        writeRules({words, phone, broken});
        startMonitor();

        const QVector<AlertRule> rules = m_monitor->rules();
        QCOMPARE(rules.size(), 3);
        QVERIFY(rules.at(0).brokenReason.isEmpty());
        QVERIFY(rules.at(1).brokenReason.isEmpty());
        QVERIFY(rules.at(2).brokenReason.contains(QStringLiteral("missing )")));
        // The reason is in the database too, for the editor and other consoles.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "peek");
            db.setDatabaseName(m_store->path());
            QVERIFY(db.open());
            const QVector<AlertRule> stored = AlertRepository::loadRules(db);
            QCOMPARE(stored.at(2).brokenReason, rules.at(2).brokenReason);
            db.close();
        }
        QSqlDatabase::removeDatabase("peek");

        QSignalSpy raised(m_monitor.get(), &AlertMonitor::alertRaised);
        m_store->insertMessages({customer(QStringLiteral("我要REFUND，不然曝光你们"), 1),
                                 customer(QStringLiteral("电话 13912345678"), 2)});
        QTRY_COMPARE_WITH_TIMEOUT(raised.size(), 2, 5000);
        const Alert first = raised.at(0).first().value<Alert>();
        QCOMPARE(first.kind, AlertKind::Keyword);
        QCOMPARE(first.ruleName, QStringLiteral("敏感词"));
        QCOMPARE(first.matched, QStringLiteral("曝光 Refund"));
        const Alert second = raised.at(1).first().value<Alert>();
        QCOMPARE(second.kind, AlertKind::Pattern);
        QCOMPARE(second.matched, QStringLiteral("13912345678"));
    }

    void editorRefusesABadRegexWithTheReason()
    {
        AlertRule bad = rule(RuleKind::Regex, QStringLiteral("bad"), AlertSeverity::High);
        bad.pattern = QStringLiteral("a{2,1}");
        QVERIFY(!AlertRuleSet::problemOf(bad).isEmpty());
        startMonitor();
        QSignalSpy failed(m_monitor.get(), &AlertMonitor::ruleSaveFailed);
        const qsizetype failedBefore = failed.size();
        m_monitor->saveRule(bad);
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() > failedBefore, 5000);
        const QString reason = failed.first().at(1).toString();
        QVERIFY2(reason.contains(QStringLiteral("{2,1}")), qPrintable(reason));
        QCOMPARE(m_monitor->rules().size(), 3); // nothing saved
    }

    void unansweredQuestionWaitsOnlyBusinessTimeAndAStaffReplyResolvesIt()
    {
        AlertRule sla
            = rule(RuleKind::ResponseTime, QStringLiteral("十分钟"), AlertSeverity::Warning);
        sla.minutes = 10;
        sla.hours = BusinessHours::weekdays(QTime(9, 0), QTime(18, 0));
        writeRules({sla});
        startMonitor();
        QSignalSpy raised(m_monitor.get(), &AlertMonitor::alertRaised);
        QSignalSpy changed(m_monitor.get(), &AlertMonitor::alertChanged);

        // Friday 17:55: 5 minutes of business time left today.
        m_clock.setNowMs(localMs(2026, 11, 27, 17, 55));
        m_store->insertMessages({customer(QStringLiteral("发票什么时候开？"), m_clock.nowMs())});
        m_store->flush();
        m_monitor->sync();
        m_clock.setNowMs(localMs(2026, 11, 28, 12, 0)); // Saturday: closed
        m_monitor->tickNow();
        m_monitor->sync();
        m_clock.setNowMs(localMs(2026, 11, 30, 9, 4)); // Monday 09:04: 9 minutes counted
        m_monitor->tickNow();
        m_monitor->sync();
        QCOMPARE(raised.size(), 0);
        const qsizetype raisedBefore = raised.size();
        m_clock.setNowMs(localMs(2026, 11, 30, 9, 5));
        QTRY_VERIFY_WITH_TIMEOUT(raised.size() > raisedBefore, 5000);
        const Alert a = raised.first().first().value<Alert>();
        QCOMPARE(a.kind, AlertKind::FirstResponse);
        QCOMPARE(a.excerpt, QStringLiteral("发票什么时候开？"));
        QCOMPARE(a.matched, QStringLiteral("10"));

        // The bot answers in the group: the alert resolves itself.
        const qsizetype changedBefore = changed.size();
        m_store->insertMessages({staffReply(QStringLiteral("今天下午开好"), m_clock.nowMs())});
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() > changedBefore, 5000);
        const Alert resolved = changed.last().first().value<Alert>();
        QCOMPARE(resolved.id, a.id);
        QCOMPARE(resolved.state, AlertState::Resolved);
        QCOMPARE(resolved.history.last().action, AlertAction::AutoResolved);
        QCOMPARE(resolved.history.last().actor, QStringLiteral("客服机器人"));
        QVERIFY(m_monitor->activeAlerts().isEmpty());

        // The customer asks again: a next response, measured from this message.
        m_clock.setNowMs(localMs(2026, 11, 30, 10, 0));
        m_store->insertMessages({customer(QStringLiteral("能开专票吗"), m_clock.nowMs())});
        m_store->flush();
        m_monitor->sync();
        m_clock.setNowMs(localMs(2026, 11, 30, 10, 10));
        QTRY_COMPARE_WITH_TIMEOUT(raised.size(), 2, 5000);
        QCOMPARE(raised.last().first().value<Alert>().kind, AlertKind::NextResponse);
    }

    void responseTimersAndTheirAlertsSurviveARestart()
    {
        AlertRule sla = rule(RuleKind::ResponseTime, QStringLiteral("10"), AlertSeverity::Warning);
        sla.minutes = 10;
        writeRules({sla});
        AccountInfo account;
        account.id = QStringLiteral("acc");
        m_store->upsertAccount(account);
        startMonitor();
        QSignalSpy raised(m_monitor.get(), &AlertMonitor::alertRaised);
        m_store->insertMessages(
            {customer(QStringLiteral("发票开了吗"), m_clock.nowMs(), QStringLiteral("c1")),
             customer(QStringLiteral("快递到哪了？"), m_clock.nowMs(), QStringLiteral("c2"))});
        m_store->flush();
        m_monitor->sync();
        m_clock.advanceMs(11 * 60 * 1000);
        QTRY_COMPARE_WITH_TIMEOUT(raised.size(), 2, 5000);
        qint64 c1Alert = 0;
        for (const QList<QVariant> &args : std::as_const(raised)) {
            const Alert a = args.first().value<Alert>();
            if (a.customerId == QStringLiteral("c1"))
                c1Alert = a.id;
        }
        m_monitor.reset(); // the program stops

        // While it is not running, staff answer c2 (by @-mention) only.
        m_clock.advanceMs(60 * 1000);
        Message reply = staffReply(QStringLiteral("@客户c2 今天送到"), m_clock.nowMs());
        reply.mentionIds = {QStringLiteral("c2")};
        m_store->insertMessages({reply});
        m_store->flush();

        startMonitor(); // replays the last hours: c1 still waits, c2 was answered
        QCOMPARE(m_monitor->activeAlerts().size(), 1);
        QCOMPARE(m_monitor->activeAlerts().first().id, c1Alert);
        QSignalSpy raisedAgain(m_monitor.get(), &AlertMonitor::alertRaised);
        QSignalSpy changed(m_monitor.get(), &AlertMonitor::alertChanged);
        m_clock.advanceMs(30 * 60 * 1000);
        m_monitor->tickNow();
        m_monitor->sync();
        const qsizetype changedBefore = changed.size();
        QCOMPARE(raisedAgain.size(), 0); // the replayed timer does not raise it twice
        m_store->insertMessages({staffReply(QStringLiteral("发票已开"), m_clock.nowMs())});
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() > changedBefore, 5000);
        QCOMPARE(changed.last().first().value<Alert>().id, c1Alert);
        QCOMPARE(changed.last().first().value<Alert>().state, AlertState::Resolved);
    }

    void aStaffReplyBeforeTheDeadlineRaisesNothing()
    {
        AlertRule sla = rule(RuleKind::ResponseTime, QStringLiteral("5"), AlertSeverity::Warning);
        sla.minutes = 5;
        writeRules({sla});
        startMonitor();
        QSignalSpy raised(m_monitor.get(), &AlertMonitor::alertRaised);
        m_store->insertMessages({customer(QStringLiteral("在吗"), m_clock.nowMs())});
        m_clock.advanceMs(60 * 1000);
        m_store->insertMessages({staffReply(QStringLiteral("在的"), m_clock.nowMs())});
        m_store->flush();
        m_monitor->sync();
        m_clock.advanceMs(60 * 60 * 1000);
        m_monitor->tickNow();
        m_monitor->sync();
        QCOMPARE(raised.size(), 0);
    }

    void snoozedAlertComesBack()
    {
        writeRules({rule(RuleKind::Complaint, QStringLiteral("c"), AlertSeverity::High)});
        startMonitor();
        QSignalSpy raised(m_monitor.get(), &AlertMonitor::alertRaised);
        const qsizetype raisedBefore = raised.size();
        m_store->insertMessages({customer(QStringLiteral("给你们差评"), m_clock.nowMs())});
        QTRY_VERIFY_WITH_TIMEOUT(raised.size() > raisedBefore, 5000);
        const qint64 id = raised.first().first().value<Alert>().id;
        m_monitor->snooze(id, m_clock.nowMs() + 15 * 60 * 1000, QStringLiteral("阿珍"));
        m_monitor->sync();
        QCOMPARE(onlyActive().state, AlertState::Snoozed);
        m_clock.advanceMs(14 * 60 * 1000);
        m_monitor->tickNow();
        m_monitor->sync();
        QCOMPARE(onlyActive().state, AlertState::Snoozed);
        m_clock.advanceMs(60 * 1000);
        QTRY_COMPARE_WITH_TIMEOUT(raised.size(), 2, 5000);
        const Alert back = raised.last().first().value<Alert>();
        QCOMPARE(back.id, id);
        QCOMPARE(back.state, AlertState::Open);
        QCOMPARE(back.history.last().action, AlertAction::SnoozeEnded);
    }

    void acknowledgeAssignResolveAreKeptWithHistoryAndSearchable()
    {
        writeRules({rule(RuleKind::Complaint, QStringLiteral("c"), AlertSeverity::High)});
        startMonitor();
        QSignalSpy raised(m_monitor.get(), &AlertMonitor::alertRaised);
        const qsizetype raisedBefore = raised.size();
        m_store->insertMessages({customer(QStringLiteral("物流太慢了，投诉！"), m_clock.nowMs())});
        QTRY_VERIFY_WITH_TIMEOUT(raised.size() > raisedBefore, 5000);
        const qint64 id = raised.first().first().value<Alert>().id;
        m_monitor->acknowledge(id, QStringLiteral("阿珍"));
        m_monitor->assign(id, QStringLiteral("小王"), QStringLiteral("阿珍"));
        m_monitor->resolve(id, QStringLiteral("小王"));
        m_monitor->sync();
        QVERIFY(m_monitor->activeAlerts().isEmpty());

        QVector<Alert> found;
        bool answered = false;
        m_monitor->search(QStringLiteral("物流"), true, this, [&](const QVector<Alert> &r) {
            found = r;
            answered = true;
        });
        QTRY_VERIFY(answered);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().state, AlertState::Resolved);
        QCOMPARE(found.first().assignedTo, QStringLiteral("小王"));
        answered = false;
        m_monitor->search(QStringLiteral("物流"), false, this, [&](const QVector<Alert> &r) {
            found = r;
            answered = true;
        });
        QTRY_VERIFY(answered);
        QVERIFY(found.isEmpty());

        Alert withHistory;
        m_monitor->alertWithHistory(id, this, [&](const Alert &a) { withHistory = a; });
        QTRY_COMPARE(withHistory.id, id);
        QCOMPARE(withHistory.history.size(), 4);
        QCOMPARE(withHistory.history.at(0).action, AlertAction::Raised);
        QCOMPARE(withHistory.history.at(1).action, AlertAction::Acknowledged);
        QCOMPARE(withHistory.history.at(2).action, AlertAction::Assigned);
        QCOMPARE(withHistory.history.at(2).detail, QStringLiteral("小王"));
        QCOMPARE(withHistory.history.at(3).action, AlertAction::Resolved);
        QCOMPARE(withHistory.history.at(3).actor, QStringLiteral("小王"));

        // Open alerts survive a restart; resolved ones stay resolved.
        m_monitor.reset();
        startMonitor();
        QVERIFY(m_monitor->activeAlerts().isEmpty());
    }

    void offlineBotRaisesAnAlertAfterItsMinutesAndAnotherWhenBack()
    {
        AlertRule offline
            = rule(RuleKind::BotOffline, QStringLiteral("掉线"), AlertSeverity::Critical);
        offline.minutes = 3;
        writeRules({offline});
        startMonitor();
        QSignalSpy raised(m_monitor.get(), &AlertMonitor::alertRaised);
        QSignalSpy changed(m_monitor.get(), &AlertMonitor::alertChanged);
        m_monitor->setAccountReady(QStringLiteral("acc"), true);
        m_monitor->setAccountReady(QStringLiteral("acc"), false);
        m_monitor->sync(); // the calls are queued: let them see this time
        m_clock.advanceMs(2 * 60 * 1000);
        m_monitor->tickNow();
        m_monitor->sync();
        QCOMPARE(raised.size(), 0);
        const qsizetype raisedBefore = raised.size();
        m_clock.advanceMs(60 * 1000);
        QTRY_VERIFY_WITH_TIMEOUT(raised.size() > raisedBefore, 5000);
        const Alert down = raised.first().first().value<Alert>();
        QCOMPARE(down.kind, AlertKind::BotOffline);
        QCOMPARE(down.severity, AlertSeverity::Critical);
        QCOMPARE(down.accountId, QStringLiteral("acc"));
        m_clock.advanceMs(10 * 60 * 1000);
        m_monitor->tickNow();
        m_monitor->sync();
        QCOMPARE(raised.size(), 1); // once per outage
        m_monitor->setAccountReady(QStringLiteral("acc"), true);
        QTRY_COMPARE_WITH_TIMEOUT(raised.size(), 2, 5000);
        QCOMPARE(raised.last().first().value<Alert>().kind, AlertKind::BotBack);
        QTRY_VERIFY(!changed.isEmpty());
        QCOMPARE(changed.first().first().value<Alert>().state, AlertState::Resolved);
    }

    void aReplyMentioningOneCustomerStopsOnlyTheirTimer()
    {
        AlertRule sla;
        sla.kind = RuleKind::ResponseTime;
        sla.minutes = 5;
        ResponseTimers timers;
        QVERIFY(
            timers.customerWaits(customer(QStringLiteral("a?"), 0, QStringLiteral("a")), sla, 0));
        QVERIFY(!timers.customerWaits(customer(QStringLiteral("a again?"), 0, QStringLiteral("a")),
                                      sla, 1000)); // the wait counts from the first
        QVERIFY(
            timers.customerWaits(customer(QStringLiteral("b?"), 0, QStringLiteral("b")), sla, 0));
        Message reply = staffReply(QStringLiteral("@b 好的"), 1000);
        reply.mentionIds = {QStringLiteral("b")};
        const QVector<ResponseTimers::Timer> stopped = timers.staffReplied(reply);
        QCOMPARE(stopped.size(), 1);
        QCOMPARE(stopped.first().customerId, QStringLiteral("b"));
        QCOMPARE(timers.runningCount(), 1);
        const QVector<ResponseTimers::Timer> due = timers.takeDue(5 * 60 * 1000);
        QCOMPARE(due.size(), 1);
        QCOMPARE(due.first().customerId, QStringLiteral("a"));
        QCOMPARE(due.first().startMs, qint64(0));
    }

    void mailSettingsRoundTripAndHoldNoPassword()
    {
        const QString path = m_dir.filePath(QStringLiteral("settings.ini"));
        AlertMailSettings mail;
        mail.enabled = true;
        mail.smtp.host = QStringLiteral("smtp.example.com");
        mail.smtp.port = 465;
        mail.smtp.tls = SmtpSettings::Tls::Implicit;
        mail.smtp.user = QStringLiteral("desk");
        mail.smtp.from = QStringLiteral("gd@example.com");
        mail.smtp.to = {QStringLiteral("a@example.com"), QStringLiteral("b@example.com")};
        mail.minSeverity = AlertSeverity::High;
        {
            QSettings settings(path, QSettings::IniFormat);
            mail.save(settings);
        }
        QSettings settings(path, QSettings::IniFormat);
        const AlertMailSettings back = AlertMailSettings::load(settings);
        QCOMPARE(back.smtp.host, mail.smtp.host);
        QCOMPARE(back.smtp.port, 465);
        QCOMPARE(back.smtp.tls, SmtpSettings::Tls::Implicit);
        QCOMPARE(back.smtp.to, mail.smtp.to);
        QCOMPARE(back.minSeverity, AlertSeverity::High);
        for (const QString &key : settings.allKeys())
            QVERIFY2(!key.contains(QStringLiteral("pass"), Qt::CaseInsensitive), qPrintable(key));

        // The e-mail itself: UTF-8 subject words, base64 body, no header injection.
        SmtpSettings smtp = mail.smtp;
        smtp.from = QStringLiteral("gd@example.com\r\nBcc: x@evil.com");
        const QByteArray eml = SmtpMailer::composeMessage(smtp, QStringLiteral("告警：机器人掉线"),
                                                          QStringLiteral("正文"), 0);
        QVERIFY(eml.contains("Subject: =?UTF-8?B?"));
        QVERIFY(!eml.contains("\r\nBcc:"));
        QVERIFY(eml.contains(QStringLiteral("正文").toUtf8().toBase64()));
    }

    void businessTimeSkipsNightsWeekendsAndHolidays()
    {
        BusinessHours h = BusinessHours::weekdays(QTime(9, 0), QTime(18, 0));
        h.setHolidays({QDate(2026, 11, 30)}); // Monday off
        const qint64 friday = localMs(2026, 11, 27, 17, 30);
        QCOMPARE(h.addBusinessTime(friday, 20 * 60 * 1000), localMs(2026, 11, 27, 17, 50));
        QCOMPARE(h.addBusinessTime(friday, 45 * 60 * 1000), localMs(2026, 12, 1, 9, 15));
        QVERIFY(!h.isOpenAt(localMs(2026, 11, 30, 10, 0)));
        QVERIFY(h.isOpenAt(localMs(2026, 12, 1, 10, 0)));
        QString error;
        const BusinessHours back = BusinessHours::fromJson(h.toJson(), &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(back.holidays(), h.holidays());
        QCOMPARE(back.days(), h.days());
        BusinessHours::fromJson(
            QJsonObject{{"days", QJsonArray{8}}, {"open", "09:00"}, {"close", "18:00"}}, &error);
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAlertMonitor)
#include "tst_alert_monitor.moc"
