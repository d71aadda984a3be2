// Export of a room, a date range or a search result: CSV quoting (RFC 4180),
// the BOM option, valid JSON, Chinese text intact, date-range limits, paging
// across many rows, and cancel leaving no file.

#include "model/SystemEvent.h"
#include "store/Exporter.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;

namespace {

const qint64 kT0 = 1'700'000'000'000;

// Parses RFC 4180 CSV (CRLF rows, quoted cells) into rows of cells.
QVector<QStringList> parseCsv(const QString &text)
{
    QVector<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text.at(i + 1) == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row << cell;
            cell.clear();
        } else if (c == '\r' && i + 1 < text.size() && text.at(i + 1) == '\n') {
            row << cell;
            cell.clear();
            rows << row;
            row.clear();
            ++i;
        } else {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty())
        rows << (row << cell);
    return rows;
}

} // namespace

class TestExporter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Store m_store;
    std::unique_ptr<StoreReader> m_reader;
    const QStringList m_texts = {
        "我要退款, 谢谢",           "他说\"马上退款\"", "第一行\n第二行\r\n第三行",
        "=HYPERLINK(\"http://x\")", "普通消息 😀",
    };

    QByteArray exportBytes(const ExportRequest &request, qint64 *rows = nullptr)
    {
        std::atomic_bool cancelled{false};
        qint64 n = 0;
        QString error;
        if (!Exporter::run(*m_reader, request, cancelled, {}, &n, &error)) {
            qWarning() << error;
            return {};
        }
        if (rows)
            *rows = n;
        QFile f(request.path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    ExportRequest roomRequest(ExportRequest::Format format, const QString &name)
    {
        ExportRequest r;
        r.format = format;
        r.accountId = "acc";
        r.conversationId = "room1@chatroom";
        r.path = m_dir.filePath(name);
        return r;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_store.open(m_dir.filePath("export.db"), &error), qPrintable(error));
        Room room;
        room.accountId = "acc";
        room.id = "room1@chatroom";
        room.topic = "星河售后, 一群";
        m_store.upsertRooms({room});
        QVector<Message> batch;
        for (int i = 0; i < m_texts.size(); ++i) {
            Message m;
            m.accountId = "acc";
            m.id = QStringLiteral("m%1").arg(i);
            m.roomId = "room1@chatroom";
            m.talkerId = "wxid_li";
            m.talkerName = "李四";
            m.kind = MessageKind::Text;
            m.text = m_texts.at(i);
            m.timestampMs = kT0 + i * 60'000;
            batch << m;
        }
        // A big second room, for paging and cancel.
        for (int i = 0; i < 2500; ++i) {
            Message m;
            m.accountId = "acc";
            m.id = QStringLiteral("big%1").arg(i);
            m.roomId = "room2@chatroom";
            m.talkerId = "wxid_wang";
            m.kind = MessageKind::Text;
            m.text
                = i % 10 == 0 ? QStringLiteral("退款 %1").arg(i) : QStringLiteral("消息 %1").arg(i);
            m.timestampMs = kT0 + 1000'000 + (i / 3) * 1000; // equal timestamps in threes
            batch << m;
        }
        m_store.insertMessages(batch);
        m_store.flush();
        m_reader = m_store.createReader();
    }

    void init() { QTest::failOnWarning(QRegularExpression(".*")); }

    void csvQuotesCommasQuotesAndNewlines()
    {
        ExportRequest r = roomRequest(ExportRequest::Format::Csv, "room.csv");
        r.neutralizeFormulas = false;
        qint64 rows = 0;
        const QByteArray bytes = exportBytes(r, &rows);
        QCOMPARE(rows, qint64(m_texts.size()));
        QVERIFY(!bytes.startsWith("\xEF\xBB\xBF"));
        const QVector<QStringList> csv = parseCsv(QString::fromUtf8(bytes));
        QCOMPARE(csv.size(), m_texts.size() + 1);
        QCOMPARE(csv.first(), QStringList({"time", "room", "sender", "sender_id", "type", "text"}));
        for (int i = 0; i < m_texts.size(); ++i) {
            const QStringList &row = csv.at(i + 1);
            QCOMPARE(row.size(), 6);
            QCOMPARE(row.at(1), QStringLiteral("星河售后, 一群"));
            QCOMPARE(row.at(2), QStringLiteral("李四"));
            QCOMPARE(row.at(3), QStringLiteral("wxid_li"));
            QCOMPARE(row.at(4), QStringLiteral("text"));
            QCOMPARE(row.at(5), m_texts.at(i));
            QCOMPARE(QDateTime::fromString(row.at(0), Qt::ISODateWithMs).toMSecsSinceEpoch(),
                     kT0 + i * 60'000);
        }
        // The raw quoting itself.
        QVERIFY(bytes.contains("\"他说\"\"马上退款\"\"\""));
        QVERIFY(bytes.contains("\"我要退款, 谢谢\""));
    }

    void csvFieldQuotesOnlyWhenNeeded()
    {
        QCOMPARE(Exporter::csvField("plain"), QStringLiteral("plain"));
        QCOMPARE(Exporter::csvField("a,b"), QStringLiteral("\"a,b\""));
        QCOMPARE(Exporter::csvField("say \"hi\""), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(Exporter::csvField("a\nb"), QStringLiteral("\"a\nb\""));
        QCOMPARE(Exporter::csvField("=1+1", true), QStringLiteral("'=1+1"));
        QCOMPARE(Exporter::csvField("=1+1", false), QStringLiteral("=1+1"));
    }

    void bomOptionPrefixesUtf8Bom()
    {
        ExportRequest r = roomRequest(ExportRequest::Format::Csv, "bom.csv");
        r.utf8Bom = true;
        const QByteArray bytes = exportBytes(r);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBFtime,room,"));
        // Formula-looking text is neutralised by default.
        QVERIFY(bytes.contains("'=HYPERLINK"));
    }

    void jsonIsAValidArrayWithChineseIntact()
    {
        const QByteArray bytes = exportBytes(roomRequest(ExportRequest::Format::Json, "room.json"));
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
        QVERIFY(doc.isArray());
        const QJsonArray arr = doc.array();
        QCOMPARE(arr.size(), m_texts.size());
        for (int i = 0; i < arr.size(); ++i) {
            const QJsonObject o = arr.at(i).toObject();
            QCOMPARE(o.value("text").toString(), m_texts.at(i));
            QCOMPARE(o.value("room").toString(), QStringLiteral("星河售后, 一群"));
            QCOMPARE(o.value("sender").toString(), QStringLiteral("李四"));
            QCOMPARE(o.value("type").toString(), QStringLiteral("text"));
            QCOMPARE(qint64(o.value("timestamp_ms").toDouble()), kT0 + i * 60'000);
        }
    }

    void emptyExportIsAnEmptyJsonArray()
    {
        ExportRequest r = roomRequest(ExportRequest::Format::Json, "empty.json");
        r.conversationId = "nobody@chatroom";
        const QJsonDocument doc = QJsonDocument::fromJson(exportBytes(r));
        QVERIFY(doc.isArray());
        QCOMPARE(doc.array().size(), 0);
    }

    void dateRangeLimitsAreInclusive()
    {
        ExportRequest r = roomRequest(ExportRequest::Format::Json, "range.json");
        r.fromMs = kT0 + 60'000;
        r.toMs = kT0 + 3 * 60'000;
        const QJsonArray arr = QJsonDocument::fromJson(exportBytes(r)).array();
        QCOMPARE(arr.size(), 3);
        QCOMPARE(arr.first().toObject().value("text").toString(), m_texts.at(1));
        QCOMPARE(arr.last().toObject().value("text").toString(), m_texts.at(3));

        // An account-wide range spans rooms.
        ExportRequest all;
        all.source = ExportRequest::Source::DateRange;
        all.format = ExportRequest::Format::Json;
        all.accountId = "acc";
        all.fromMs = kT0 + 4 * 60'000;
        all.toMs = kT0 + 1000'000 + 9 * 1000; // the first 30 of the big room
        all.path = m_dir.filePath("range-all.json");
        QCOMPARE(QJsonDocument::fromJson(exportBytes(all)).array().size(), 1 + 30);
    }

    void roomExportPagesAcrossEqualTimestamps()
    {
        ExportRequest r = roomRequest(ExportRequest::Format::Csv, "big.csv");
        r.conversationId = "room2@chatroom";
        qint64 rows = 0;
        const QVector<QStringList> csv = parseCsv(QString::fromUtf8(exportBytes(r, &rows)));
        QCOMPARE(rows, qint64(2500));
        QCOMPARE(csv.size(), 2501);
        QSet<QString> seen;
        for (int i = 1; i < csv.size(); ++i)
            seen.insert(csv.at(i).at(5));
        QCOMPARE(seen.size(), 2500);
    }

    void imagesAndFilesSayTheirKindAndFileName()
    {
        Message image;
        image.accountId = "acc";
        image.id = "img1";
        image.roomId = "room3@chatroom";
        image.talkerId = "wxid_li";
        image.kind = MessageKind::Image;
        image.filename = "发票.jpg";
        image.timestampMs = kT0;
        Message file = image;
        file.id = "file1";
        file.kind = MessageKind::Attachment;
        file.filename = "报价单, 2026.xlsx";
        file.timestampMs = kT0 + 1000;
        Message bare = image;
        bare.id = "img2";
        bare.filename.clear();
        bare.timestampMs = kT0 + 2000;
        m_store.insertMessages({image, file, bare});
        m_store.flush();

        ExportRequest r = roomRequest(ExportRequest::Format::Csv, "files.csv");
        r.conversationId = "room3@chatroom";
        const QVector<QStringList> csv = parseCsv(QString::fromUtf8(exportBytes(r)));
        QCOMPARE(csv.size(), 4);
        QCOMPARE(csv.at(1).at(4), QStringLiteral("image"));
        QCOMPARE(csv.at(1).at(5), QStringLiteral("[image] 发票.jpg"));
        QCOMPARE(csv.at(2).at(5), QStringLiteral("[attachment] 报价单, 2026.xlsx"));
        QCOMPARE(csv.at(3).at(5), QStringLiteral("[image]"));

        r.format = ExportRequest::Format::Json;
        r.path = m_dir.filePath("files.json");
        const QJsonArray arr = QJsonDocument::fromJson(exportBytes(r)).array();
        QCOMPARE(arr.size(), 3);
        QCOMPARE(arr.at(1).toObject().value("text").toString(),
                 QStringLiteral("[attachment] 报价单, 2026.xlsx"));
        QCOMPARE(arr.at(1).toObject().value("file_name").toString(),
                 QStringLiteral("报价单, 2026.xlsx"));
    }

    void systemLinesAreWrittenInTheReadersLanguage()
    {
        // A join stored while another language was active: the export
        // renders the event (kept as data), not the line stored with it.
        SystemEvent join;
        join.kind = SystemEvent::Kind::Join;
        join.actorId = "wxid_li";
        join.actorName = "李四";
        join.targetIds = {"wxid_zhao"};
        join.targetNames = {"赵六"};
        Message line;
        line.accountId = "acc";
        line.id = "sys1";
        line.roomId = "room4@chatroom";
        line.kind = MessageKind::System;
        line.text = "李四邀请赵六加入了群聊";
        line.systemEvent = join.toJson();
        line.timestampMs = kT0;
        Message old = line; // stored before events were kept as data
        old.id = "sys2";
        old.systemEvent.clear();
        old.text = "王五退出了群聊";
        old.timestampMs = kT0 + 1000;
        m_store.insertMessages({line, old});
        m_store.flush();

        ExportRequest r = roomRequest(ExportRequest::Format::Json, "system.json");
        r.conversationId = "room4@chatroom";
        const QJsonArray arr = QJsonDocument::fromJson(exportBytes(r)).array();
        QCOMPARE(arr.size(), 2);
        QCOMPARE(arr.at(0).toObject().value("text").toString(), join.describe());
        QCOMPARE(arr.at(0).toObject().value("text").toString(),
                 QStringLiteral("李四 invited 赵六 to the group"));
        QCOMPARE(arr.at(1).toObject().value("text").toString(), QStringLiteral("王五退出了群聊"));
    }

    void searchExportHasExactlyTheHits()
    {
        ExportRequest r;
        r.source = ExportRequest::Source::Search;
        r.format = ExportRequest::Format::Json;
        r.path = m_dir.filePath("search.json");
        r.search.text = "退款";
        r.search.accountId = "acc";
        const QJsonArray arr = QJsonDocument::fromJson(exportBytes(r)).array();
        QCOMPARE(arr.size(), 2 + 250);
        for (const auto &v : arr)
            QVERIFY(v.toObject().value("text").toString().contains("退款"));
    }

    void cancelLeavesNoFile()
    {
        Exporter exporter(&m_store);
        // Signals come from the worker thread: collect them queued, here.
        QVector<QPair<qint64, qint64>> progress;
        QVector<QVariantList> finished;
        connect(&exporter, &Exporter::progress, this, [&](qint64 done, qint64 total) {
            progress.append({done, total});
        });
        connect(&exporter, &Exporter::finished, this,
                [&](bool ok, qint64 rows, const QString &error) {
                    finished.append({ok, rows, error});
                });
        ExportRequest r = roomRequest(ExportRequest::Format::Csv, "cancelled.csv");
        r.conversationId = "room2@chatroom";
        // Cancelled at its first progress report, before any page: deterministic.
        auto cancelAtOnce = connect(
            &exporter, &Exporter::progress, &exporter, [&exporter] { exporter.cancel(); },
            Qt::DirectConnection);
        QVERIFY(exporter.start(r));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(!finished.first().at(2).toString().isEmpty());
        QVERIFY(!QFile::exists(r.path));

        // A normal threaded run reports progress up to the total.
        disconnect(cancelAtOnce);
        finished.clear();
        progress.clear();
        r.path = m_dir.filePath("threaded.csv");
        QVERIFY(exporter.start(r));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(finished.first().at(1).toLongLong(), qint64(2500));
        QTRY_VERIFY(!progress.isEmpty() && progress.last().first == 2500);
        QVERIFY(progress.size() >= 3);
        QCOMPARE(progress.last().second, qint64(2500));
        QVERIFY(QFile::exists(r.path));
    }
};

QTEST_GUILESS_MAIN(TestExporter)
#include "tst_exporter.moc"
