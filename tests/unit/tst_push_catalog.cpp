// Issue 15, "what it must show" 3: a catalog CSV (UTF-8 and GBK, as Excel
// saves it) with bad rows imports the good rows and lists the bad ones with
// row number and reason; JSON too; importing the same file twice changes
// nothing, a changed row is recorded in the product's history.

#include "push/CatalogParser.h"
#include "push/PushRepository.h"
#include "store/Store.h"

#include <QSqlDatabase>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;

namespace {

const QTimeZone kZone("Asia/Shanghai");

QString csvText()
{
    return QStringLiteral(
        "商品ID,标题,价格,券后价,链接,图片,类目,标签,有货,更新时间\n"
        "p1,美的电饭煲,299.00,259,https://s.example/p1,/img/p1.jpg,家电,厨房;电饭煲,是,"
        "2026-12-01 10:00\n"
        "p2,,99,,https://s.example/p2,,家电,,是,2026-12-01 10:00\n" // row 3: no title
        "p3,九阳豆浆机,十九元,,https://s.example/p3,,家电,,是,2026-12-01 10:00\n" // 4: price
        "p4,\"小熊酸奶机, 1L\",\"1,099.5\",,https://s.example/p4,,厨房,,否,2026/12/1 9:30\n"
        "p5,苏泊尔炒锅,159,,https://s.example/p5,,厨房,,是,昨天下午\n" // row 6: date
        "p6,飞利浦剃须刀,399,-5,https://s.example/p6,,个护,,是,2026-12-01 10:00\n" // 7: coupon
        "p7,\"多行\n标题\",10,,,,,,,\n" // rows 8-9: a quoted line break is fine
        "p1,美的电饭煲 重复,1,,,,,,,\n"); // row 10: the id again
}

void checkParsed(const CatalogParseResult &r)
{
    QCOMPARE(r.fileError, QString());
    QCOMPARE(r.products.size(), 3);
    const Product &p1 = r.products.at(0);
    QCOMPARE(p1.id, QStringLiteral("p1"));
    QCOMPARE(p1.title, QStringLiteral("美的电饭煲"));
    QCOMPARE(p1.priceCents, 29900);
    QCOMPARE(p1.couponCents, 25900);
    QCOMPARE(p1.category, QStringLiteral("家电"));
    QCOMPARE(p1.tags, QStringList({QStringLiteral("厨房"), QStringLiteral("电饭煲")}));
    QVERIFY(p1.available);
    QCOMPARE(p1.updatedMs, QDateTime(QDate(2026, 12, 1), QTime(10, 0), kZone).toMSecsSinceEpoch());
    const Product &p4 = r.products.at(1);
    QCOMPARE(p4.title, QStringLiteral("小熊酸奶机, 1L"));
    QCOMPARE(p4.priceCents, 109950);
    QCOMPARE(p4.couponCents, -1);
    QVERIFY(!p4.available);
    QCOMPARE(p4.updatedMs, QDateTime(QDate(2026, 12, 1), QTime(9, 30), kZone).toMSecsSinceEpoch());
    QCOMPARE(r.products.at(2).title, QStringLiteral("多行\n标题"));
    QCOMPARE(r.productRows, QVector<int>({2, 5, 8}));

    QCOMPARE(r.errors.size(), 5);
    QCOMPARE(r.errors.at(0).row, 3);
    QCOMPARE(r.errors.at(0).problem, CatalogRowProblem::MissingTitle);
    QCOMPARE(r.errors.at(1).row, 4);
    QCOMPARE(r.errors.at(1).problem, CatalogRowProblem::BadPrice);
    QCOMPARE(r.errors.at(1).detail, QStringLiteral("十九元"));
    QCOMPARE(r.errors.at(2).row, 6);
    QCOMPARE(r.errors.at(2).problem, CatalogRowProblem::BadDate);
    QCOMPARE(r.errors.at(3).row, 7);
    QCOMPARE(r.errors.at(3).problem, CatalogRowProblem::BadCouponPrice);
    QCOMPARE(r.errors.at(4).row, 10);
    QCOMPARE(r.errors.at(4).problem, CatalogRowProblem::DuplicateId);
    // The reason reads as a sentence with the row number and the value.
    QVERIFY(CatalogParser::describe(r.errors.at(1)).contains(QStringLiteral("4")));
    QVERIFY(CatalogParser::describe(r.errors.at(1)).contains(QStringLiteral("十九元")));
}

} // namespace

class TestPushCatalog : public QObject
{
    Q_OBJECT

private slots:
    void utf8CsvWithBadRowsKeepsTheGoodOnes()
    {
        const CatalogParseResult r = CatalogParser::parse(csvText().toUtf8(), kZone);
        QCOMPARE(r.encoding, QStringLiteral("UTF-8"));
        checkParsed(r);
        // With Excel's byte-order mark, and with CRLF line ends, the same.
        QByteArray excel = "\xEF\xBB\xBF" + csvText().toUtf8();
        excel.replace("\n", "\r\n");
        const CatalogParseResult withBom = CatalogParser::parse(excel, kZone);
        QCOMPARE(withBom.products.size(), 3);
        QCOMPARE(withBom.products.at(0).id, QStringLiteral("p1"));
        QCOMPARE(withBom.errors.size(), 5);
    }

    void gbkCsvFromExcelIsDetected()
    {
        QStringEncoder gbk("GBK");
        QVERIFY(gbk.isValid());
        const QByteArray bytes = gbk.encode(csvText());
        QVERIFY(bytes != csvText().toUtf8());
        const CatalogParseResult r = CatalogParser::parse(bytes, kZone);
        QCOMPARE(r.encoding, QStringLiteral("GBK"));
        checkParsed(r);
    }

    void aRowInNeitherEncodingIsReported()
    {
        QStringEncoder gbk("GBK");
        QByteArray bytes = gbk.encode(QStringLiteral("id,title,price\nq1,电饭煲,10\n"));
        bytes += "q2,\xFF\xFF\xFF bad,10\n"; // 0xFF starts nothing in GBK or UTF-8
        bytes += gbk.encode(QStringLiteral("q3,豆浆机,20\n"));
        const CatalogParseResult r = CatalogParser::parse(bytes, kZone);
        QCOMPARE(r.products.size(), 2);
        QCOMPARE(r.products.at(1).title, QStringLiteral("豆浆机"));
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors.at(0).row, 3);
        QCOMPARE(r.errors.at(0).problem, CatalogRowProblem::UnknownEncoding);
    }

    void aFileWithoutTheRequiredColumnsIsRefusedAsAWhole()
    {
        const CatalogParseResult r = CatalogParser::parse("a,b,c\n1,2,3\n", kZone);
        QVERIFY(!r.fileError.isEmpty());
        QVERIFY(r.products.isEmpty());
        QVERIFY(!CatalogParser::parse("", kZone).fileError.isEmpty());
        QVERIFY(!CatalogParser::parse("[1, 2", kZone).fileError.isEmpty());
    }

    void jsonImportReportsBadEntries()
    {
        const QByteArray json = R"({"products": [
            {"id": "j1", "title": "格力空调", "price": 2999, "coupon_price": "2799.5",
             "category": "家电", "tags": ["空调", "夏季"], "available": true,
             "updated_at": "2026-12-01T10:00:00+08:00"},
            {"id": "j2", "title": "", "price": 1},
            "not an object",
            {"id": "j4", "title": "电风扇", "price": -3},
            {"id": "j5", "title": "加湿器", "price": "89", "updated_at": 1764554400}
        ]})";
        const CatalogParseResult r = CatalogParser::parse(json, kZone);
        QCOMPARE(r.fileError, QString());
        QCOMPARE(r.products.size(), 2);
        QCOMPARE(r.products.at(0).priceCents, 299900);
        QCOMPARE(r.products.at(0).couponCents, 279950);
        QCOMPARE(r.products.at(0).tags,
                 QStringList({QStringLiteral("空调"), QStringLiteral("夏季")}));
        QCOMPARE(r.products.at(0).updatedMs,
                 QDateTime(QDate(2026, 12, 1), QTime(10, 0), kZone).toMSecsSinceEpoch());
        QCOMPARE(r.products.at(1).updatedMs, 1764554400000LL);
        QCOMPARE(r.errors.size(), 3);
        QCOMPARE(r.errors.at(0).row, 2);
        QCOMPARE(r.errors.at(0).problem, CatalogRowProblem::MissingTitle);
        QCOMPARE(r.errors.at(1).row, 3);
        QCOMPARE(r.errors.at(1).problem, CatalogRowProblem::NotAnObject);
        QCOMPARE(r.errors.at(2).row, 4);
        QCOMPARE(r.errors.at(2).problem, CatalogRowProblem::BadPrice);
    }

    void importingTheSameFileTwiceChangesNothing()
    {
        QTemporaryDir dir;
        Store store;
        QString error;
        const QString path = dir.filePath(QStringLiteral("push.db"));
        QVERIFY2(store.open(path, &error), qPrintable(error));
        auto import = [&store](const QByteArray &bytes) {
            const CatalogParseResult parsed = CatalogParser::parse(bytes, kZone);
            auto summary = std::make_shared<CatalogImportSummary>();
            store.submitWrite([parsed, summary](StoreWriter::Batch &batch) {
                QString e;
                PushRepository::importProducts(batch.db(), parsed.products,
                                               QStringLiteral("import:catalog.csv"), 1000,
                                               summary.get(), &e);
            });
            store.flush();
            return *summary;
        };
        CatalogImportSummary first = import(csvText().toUtf8());
        QCOMPARE(first.added, 3);
        QCOMPARE(first.changed, 0);

        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("t"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        const QVector<Product> before = PushRepository::loadProducts(db);
        QCOMPARE(before.size(), 3);
        const int historyBefore = PushRepository::history(db, QStringLiteral("p1")).size();
        QCOMPARE(historyBefore, 1); // "added"

        // The same file again, this time saved as GBK: nothing changes.
        const CatalogImportSummary second = import(QStringEncoder("GBK").encode(csvText()));
        QCOMPARE(second.added, 0);
        QCOMPARE(second.changed, 0);
        QCOMPARE(second.unchanged, 3);
        QCOMPARE(PushRepository::history(db, QStringLiteral("p1")).size(), historyBefore);
        const QVector<Product> after = PushRepository::loadProducts(db);
        QCOMPARE(after.size(), 3);
        for (int i = 0; i < 3; ++i)
            QVERIFY(after.at(i).sameContent(before.at(i)));

        // A changed price is one history row saying what changed.
        QString changed = csvText();
        changed.replace(QStringLiteral("p1,美的电饭煲,299.00"),
                        QStringLiteral("p1,美的电饭煲,279.00"));
        const CatalogImportSummary third = import(changed.toUtf8());
        QCOMPARE(third.changed, 1);
        QCOMPARE(third.unchanged, 2);
        const QVector<ProductHistoryEntry> history
            = PushRepository::history(db, QStringLiteral("p1"));
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.first().changesJson,
                 QStringLiteral("{\"price\":[\"299.00\",\"279.00\"]}"));
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("t"));
    }
};

QTEST_GUILESS_MAIN(TestPushCatalog)
#include "tst_push_catalog.moc"
