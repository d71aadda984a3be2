// Issue 14, "what it must show" 4: the scheduled statistics report reaches a
// local SMTP sink (aiosmtpd on loopback, with a login whose password is read
// from the keychain): an HTML summary with the figures, the chart images
// inline and every figure in an attached CSV; sent once per period.

#include "../support/SmtpSink.h"
#include "GatewayTestSupport.h"
#include "stats/ReportScheduler.h"
#include "stats/StatsReport.h"
#include "stats/StatsService.h"
#include "store/Store.h"
#include "util/SecretStore.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;
using namespace gd::testsupport;

namespace {

struct Part
{
    QByteArray headers;
    QByteArray body; // decoded
};

// The leaf parts of a MIME message (base64 bodies decoded).
QList<Part> partsOf(const QByteArray &eml)
{
    QList<Part> parts;
    const QList<QByteArray> chunks = eml.split('\n');
    QByteArray joined;
    // Split on any boundary line ("--gd-...").
    QList<QByteArray> pieces;
    QByteArray current;
    for (const QByteArray &raw : chunks) {
        const QByteArray line = raw.endsWith('\r') ? raw.chopped(1) : raw;
        if (line.startsWith("--gd-")) {
            pieces.append(current);
            current.clear();
            continue;
        }
        current += line + "\n";
    }
    pieces.append(current);
    for (const QByteArray &piece : pieces.mid(1)) {
        const qsizetype split = piece.indexOf("\n\n");
        if (split < 0)
            continue;
        Part p;
        p.headers = piece.left(split);
        if (p.headers.contains("multipart/"))
            continue;
        QByteArray b64 = piece.mid(split + 2);
        b64.replace("\n", "");
        p.body = QByteArray::fromBase64(b64);
        parts.append(p);
    }
    return parts;
}

} // namespace

class TestReportMail : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SmtpSink m_sink;
    QString m_dbPath;
    const QDate m_day{2026, 11, 20};

    Message message(const QString &id, const QString &room, const QString &talker, bool fromSelf,
                    QTime at, const QString &text, QDate day = {})
    {
        Message m;
        m.accountId = QStringLiteral("acc");
        m.id = id;
        m.roomId = room;
        m.talkerId = talker;
        m.fromSelf = fromSelf;
        m.kind = MessageKind::Text;
        m.text = text;
        m.timestampMs = QDateTime(day.isValid() ? day : m_day, at).toMSecsSinceEpoch();
        return m;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        const QString started = m_sink.start(freePort(), m_dir.filePath(QStringLiteral("mail")),
                                             QStringLiteral("desk"), QStringLiteral("report-pw"));
        QVERIFY2(started.isEmpty(), qPrintable(started));

        const std::optional<bool> keychain = storeSmtpPassword(QStringLiteral("report-pw"));
        QVERIFY2(keychain.has_value(), "the keychain did not answer");
        if (!*keychain)
            QSKIP("no keychain in this session (scripts/test.sh provides one)");

        // Yesterday's (the 20th) traffic in one group; the day before for the comparison.
        m_dbPath = m_dir.filePath(QStringLiteral("r.db"));
        Store store;
        QString error;
        QVERIFY2(store.open(m_dbPath, &error), qPrintable(error));
        store.upsertRooms({{QStringLiteral("acc"),
                            QStringLiteral("a@chatroom"),
                            QStringLiteral("售后一群"),
                            {},
                            {},
                            {},
                            {}},
                           {QStringLiteral("acc"),
                            QStringLiteral("b@chatroom"),
                            QStringLiteral("冷清的群"),
                            {},
                            {},
                            {},
                            {}}});
        const QString a = QStringLiteral("a@chatroom");
        store.insertMessages({
            message(QStringLiteral("p1"), a, QStringLiteral("c1"), false, QTime(11, 0),
                    QStringLiteral("在吗"), m_day.addDays(-1)),
            message(QStringLiteral("p2"), a, QStringLiteral("bot"), true, QTime(11, 5),
                    QStringLiteral("在的"), m_day.addDays(-1)),
            message(QStringLiteral("m1"), a, QStringLiteral("c1"), false, QTime(10, 0),
                    QStringLiteral("我要退款，订单一直没发货")),
            message(QStringLiteral("m2"), a, QStringLiteral("c2"), false, QTime(10, 1),
                    QStringLiteral("退款多久到账")),
            message(QStringLiteral("m3"), a, QStringLiteral("bot"), true, QTime(10, 4),
                    QStringLiteral("您好，马上为您处理退款")),
            message(QStringLiteral("m4"), a, QStringLiteral("c3"), false, QTime(15, 0),
                    QStringLiteral("发票怎么开")),
            message(QStringLiteral("m5"), a, QStringLiteral("bot"), true, QTime(15, 30),
                    QStringLiteral("请提供抬头")),
            message(QStringLiteral("m6"), a, QStringLiteral("c1"), false, QTime(16, 0),
                    QStringLiteral("退款收到了，谢谢")),
        });
        store.flush();
        store.close();
    }
    void cleanupTestCase() { m_sink.stop(); }

    void dailyReportIsDueOnceFromItsHour()
    {
        ReportSettings s;
        s.enabled = true;
        s.hour = 8;
        const QDateTime early(m_day.addDays(1), QTime(7, 59));
        const QDateTime later(m_day.addDays(1), QTime(8, 0));
        QVERIFY(!StatsReport::isDue(s, {}, early));
        QVERIFY(StatsReport::isDue(s, m_day, later));
        QVERIFY(!StatsReport::isDue(s, m_day.addDays(1), later));
        s.frequency = ReportSettings::Frequency::Weekly;
        // The 23rd is a Monday: last week's report is due then, and later that week.
        const QDate monday(2026, 11, 23);
        QVERIFY(StatsReport::isDue(s, monday.addDays(-6), QDateTime(monday, QTime(9, 0))));
        QVERIFY(
            StatsReport::isDue(s, monday.addDays(-6), QDateTime(monday.addDays(2), QTime(9, 0))));
        QVERIFY(!StatsReport::isDue(s, monday, QDateTime(monday.addDays(2), QTime(9, 0))));
        const StatsRequest week
            = StatsReport::requestFor(s, QDateTime(monday.addDays(2), QTime(9, 0)));
        QCOMPARE(week.from, QDate(2026, 11, 16));
        QCOMPARE(week.to, QDate(2026, 11, 22));
    }

    void reportReachesTheSinkWithFiguresChartsAndCsv()
    {
        StatsService service(m_dbPath);
        SecretStore secrets;
        ReportScheduler scheduler(&service, [&secrets](auto done) {
            secrets.readSecret(
                SecretStore::smtpPasswordKey(),
                [done](bool ok, const QString &pw, const QString &e) { done(ok, pw, e); });
        });
        ReportSettings report;
        report.enabled = true;
        report.hour = 8;
        report.topWords = 10;
        SmtpSettings smtp;
        smtp.host = QStringLiteral("127.0.0.1");
        smtp.port = m_sink.port();
        smtp.tls = SmtpSettings::Tls::None;
        smtp.user = QStringLiteral("desk");
        smtp.from = QStringLiteral("groupdesk@example.com");
        smtp.to = {QStringLiteral("lead@example.com")};
        scheduler.setSettings(report, smtp);
        QSignalSpy sent(&scheduler, &ReportScheduler::reportSent);
        QSignalSpy failed(&scheduler, &ReportScheduler::reportFailed);

        const QDateTime now(m_day.addDays(1), QTime(9, 0));
        scheduler.checkDue(now);
        QTRY_VERIFY_WITH_TIMEOUT(sent.size() + failed.size() > 0, 30000);
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QTRY_COMPARE_WITH_TIMEOUT(m_sink.mails().size(), 1, 5000);
        // Due once: the next check the same day sends nothing.
        scheduler.checkDue(now.addSecs(3600));
        QVERIFY(!scheduler.isSending());

        QFile file(m_sink.mailDir() + QLatin1Char('/') + m_sink.mails().first());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray eml = file.readAll();
        QVERIFY(eml.contains("Subject: =?UTF-8?B?") || eml.contains("Subject: GroupDesk"));
        const QList<Part> parts = partsOf(eml);
        QString html, csv;
        int images = 0;
        for (const Part &p : parts) {
            if (p.headers.contains("text/html"))
                html = QString::fromUtf8(p.body);
            else if (p.headers.contains("text/csv") && p.headers.contains("attachment"))
                csv = QString::fromUtf8(p.body);
            else if (p.headers.contains("image/png") && p.body.startsWith("\x89PNG"))
                ++images;
        }
        // Yesterday: 4 customer messages from 3 customers, 2 staff replies;
        // waits of 4 min (c1), 3 min (c2), 30 min (c3), c1 still waiting.
        QVERIFY2(html.contains(QStringLiteral("<b>4</b>"))
                     && html.contains(QStringLiteral("<b>2</b>"))
                     && html.contains(QStringLiteral("<b>3</b>")),
                 qPrintable(html.left(1500)));
        QVERIFY2(html.contains(QStringLiteral("冷清的群")), qPrintable(html.left(1500)));
        QVERIFY2(html.contains(QStringLiteral("退款")), qPrintable(html.right(800)));
        QCOMPARE(images, 2);
        QVERIFY2(csv.contains(QStringLiteral("Customer messages,4,1")), qPrintable(csv.left(600)));
        QVERIFY2(csv.contains(QStringLiteral("Staff messages,2,1")), qPrintable(csv.left(600)));
        QVERIFY2(csv.contains(QStringLiteral("Active customers,3,1")), qPrintable(csv.left(600)));
        QVERIFY2(csv.contains(QStringLiteral("Median first response (ms),240000,")),
                 qPrintable(csv.left(800)));
        QVERIFY2(csv.contains(QStringLiteral("Unanswered waits,1,")), qPrintable(csv.left(800)));
        QVERIFY2(csv.contains(QStringLiteral(",退款,")), qPrintable(csv.right(400)));
    }
};

int main(int argc, char **argv)
{
    // Chart images need fonts: a GUI application without a screen.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("GroupDeskTest"));
    app.setApplicationName(QStringLiteral("tst_report_mail"));
    TestReportMail test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_report_mail.moc"
