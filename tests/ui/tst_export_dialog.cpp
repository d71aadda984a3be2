// The export dialog driven as a user would, offscreen: its defaults (BOM and
// formula protection on for CSV, off-limits for JSON, a file name from the
// group and today's date), then real exports of a group, a date range and a
// search result into a temporary directory, checked row by row; a target
// that cannot be written gives a readable error and keeps the dialog open.

#include "ExportDialog.h"
#include "store/Store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;

namespace {
const QString kAccount = QStringLiteral("acc");
const QString kRoom = QStringLiteral("r1@chatroom");
const QString kOtherRoom = QStringLiteral("r2@chatroom");
const QString kTopic = QStringLiteral("星河电器售后1群");
} // namespace

class TestExportDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Store m_store;
    QWidget m_window; // the dialogs' parent, as MainWindow is
    QVector<Message> m_stored;
    QDate m_today = QDate::currentDate();

    Message makeMessage(const QString &id, const QString &room, const QString &text, qint64 ts)
    {
        Message m;
        m.accountId = kAccount;
        m.id = id;
        m.roomId = room;
        m.talkerId = QStringLiteral("wxid_zhang");
        m.talkerName = QStringLiteral("张三");
        m.kind = MessageKind::Text;
        m.text = text;
        m.timestampMs = ts;
        return m;
    }

    // Runs the dialog's export to `name` and returns the file's bytes.
    QByteArray runExport(ExportDialog &dialog, const QString &name, qint64 *rows = nullptr)
    {
        const QString path = m_dir.filePath(name);
        dialog.setTargetPath(path);
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.accept();
        if (!finished.wait(30000) && finished.isEmpty())
            return {};
        if (!finished.first().at(0).toBool()) {
            qWarning() << "export failed:" << finished.first().at(2).toString();
            return {};
        }
        if (rows)
            *rows = finished.first().at(1).toLongLong();
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static QJsonArray jsonArray(const QByteArray &bytes)
    {
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
        return err.error == QJsonParseError::NoError ? doc.array() : QJsonArray();
    }

    static QSet<QString> idsIn(const QJsonArray &arr)
    {
        QSet<QString> ids;
        for (const auto &v : arr)
            ids.insert(v.toObject().value(QStringLiteral("message_id")).toString());
        return ids;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_store.open(m_dir.filePath("archive.db"), &error), qPrintable(error));
        Room room;
        room.accountId = kAccount;
        room.id = kRoom;
        room.topic = kTopic;
        Room other = room;
        other.id = kOtherRoom;
        other.topic = QStringLiteral("华东区VIP群");
        m_store.upsertRooms({room, other});
        // Noon today, and ten days back: the date range test splits them.
        const qint64 todayNoon = m_today.startOfDay().addSecs(12 * 3600).toMSecsSinceEpoch();
        const qint64 oldNoon
            = m_today.addDays(-10).startOfDay().addSecs(12 * 3600).toMSecsSinceEpoch();
        m_stored = {
            makeMessage("a1", kRoom, QStringLiteral("我要退款"), todayNoon),
            makeMessage("a2", kRoom, QStringLiteral("=1+1"), todayNoon + 1000),
            makeMessage("a3", kRoom, QStringLiteral("发票什么时候开, 谢谢"), oldNoon),
            makeMessage("b1", kOtherRoom, QStringLiteral("退款到账了吗"), todayNoon + 2000),
            makeMessage("b2", kOtherRoom, QStringLiteral("好的"), oldNoon + 1000),
        };
        m_store.insertMessages(m_stored);
        m_store.flush();
    }

    void csvDefaultsProtectExcelUsersAndJsonDisablesThem()
    {
        ExportDialog dialog(&m_store, kAccount, &m_window);
        dialog.setRoom(kRoom, kTopic);
        QCOMPARE(dialog.source(), ExportDialog::Source::Room);
        QVERIFY(!dialog.isSourceAvailable(ExportDialog::Source::Search));
        QVERIFY(dialog.bomCheck()->isChecked());
        QVERIFY(dialog.bomCheck()->isEnabled());
        QVERIFY(dialog.formulaCheck()->isChecked());
        QCOMPARE(dialog.suggestedFileName(),
                 QStringLiteral("%1-%2.csv").arg(kTopic, m_today.toString(Qt::ISODate)));
        const ExportRequest csv = dialog.request();
        QVERIFY(csv.utf8Bom);
        QVERIFY(csv.neutralizeFormulas);
        QCOMPARE(csv.source, ExportRequest::Source::Conversation);
        QCOMPARE(csv.conversationId, kRoom);

        dialog.setFormat(ExportRequest::Format::Json);
        QVERIFY(!dialog.bomCheck()->isEnabled());
        QVERIFY(!dialog.formulaCheck()->isEnabled());
        QVERIFY(dialog.suggestedFileName().endsWith(QStringLiteral(".json")));
        QVERIFY(!dialog.request().utf8Bom);
    }

    void roomCsvHasBomAndExactlyTheRoomsMessages()
    {
        ExportDialog dialog(&m_store, kAccount, &m_window);
        dialog.setRoom(kRoom, kTopic);
        qint64 rows = 0;
        const QByteArray bytes = runExport(dialog, "room.csv", &rows);
        QCOMPARE(rows, qint64(3));
        QVERIFY(bytes.startsWith("\xEF\xBB\xBFtime,room,"));
        const QString text = QString::fromUtf8(bytes);
        QVERIFY(text.contains(QStringLiteral("我要退款")));
        QVERIFY(text.contains(QStringLiteral("\"发票什么时候开, 谢谢\"")));
        QVERIFY(text.contains(QStringLiteral("'=1+1")));
        QVERIFY(text.contains(kTopic));
        QVERIFY(!text.contains(QStringLiteral("退款到账了吗")));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.exportedRows(), qint64(3));
    }

    void formulaProtectionCanBeTurnedOff()
    {
        ExportDialog dialog(&m_store, kAccount, &m_window);
        dialog.setRoom(kRoom, kTopic);
        dialog.formulaCheck()->setChecked(false);
        dialog.bomCheck()->setChecked(false);
        const QByteArray bytes = runExport(dialog, "raw.csv");
        QVERIFY(bytes.startsWith("time,room,"));
        QVERIFY(bytes.contains(",=1+1"));
        QVERIFY(!bytes.contains("'=1+1"));
    }

    void dateRangeJsonSpansRoomsWithinTheDates()
    {
        ExportDialog dialog(&m_store, kAccount, &m_window);
        dialog.setRoom(kRoom, kTopic);
        dialog.setSource(ExportDialog::Source::DateRange);
        dialog.setDateRange(m_today.addDays(-1), m_today);
        QVERIFY(dialog.fromEdit()->isEnabled());
        dialog.setFormat(ExportRequest::Format::Json);
        qint64 rows = 0;
        const QJsonArray arr = jsonArray(runExport(dialog, "range.json", &rows));
        QCOMPARE(rows, qint64(3));
        QCOMPARE(idsIn(arr), QSet<QString>({"a1", "a2", "b1"}));

        // Reversed dates are read as the same range; the older day adds its two.
        ExportDialog wide(&m_store, kAccount, &m_window);
        wide.setSource(ExportDialog::Source::DateRange);
        wide.setDateRange(m_today, m_today.addDays(-10));
        wide.setFormat(ExportRequest::Format::Json);
        QCOMPARE(idsIn(jsonArray(runExport(wide, "wide.json"))),
                 QSet<QString>({"a1", "a2", "a3", "b1", "b2"}));
    }

    void searchResultExportsEveryHit()
    {
        ExportDialog dialog(&m_store, kAccount, &m_window);
        SearchQuery query;
        query.text = QStringLiteral("退款");
        query.accountId = kAccount;
        query.limit = 1; // what the panel showed must not cap the file
        query.beforeRowId = 1;
        dialog.setSearch(query);
        QCOMPARE(dialog.source(), ExportDialog::Source::Search);
        dialog.setFormat(ExportRequest::Format::Json);
        const QJsonArray arr = jsonArray(runExport(dialog, "search.json"));
        QCOMPARE(idsIn(arr), QSet<QString>({"a1", "b1"}));
    }

    void unwritableTargetShowsReadableErrorAndKeepsTheDialog()
    {
        ExportDialog dialog(&m_store, kAccount, &m_window);
        dialog.setRoom(kRoom, kTopic);
        dialog.setTargetPath(m_dir.filePath("no/such/dir/out.csv"));
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.accept();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        const QString error = finished.first().at(2).toString();
        QVERIFY(!error.isEmpty());
        QVERIFY(!error.contains(QStringLiteral("SQL"), Qt::CaseInsensitive));
        QVERIFY(dialog.result() != int(QDialog::Accepted));
        QVERIFY(!QFile::exists(m_dir.filePath("no/such/dir/out.csv")));
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_export_dialog.moc"
