// Quick replies: variables filled or refused with the reason, "/" completion
// by shortcut, title and pinyin initials, personal and shared replies, and
// the library and notes kept in the database.

#include "ops/GroupNote.h"
#include "ops/OpsRepository.h"
#include "ops/OpsStore.h"
#include "ops/QuickReplyCatalog.h"
#include "ops/QuickReplyLibrary.h"
#include "ops/ReplyTemplate.h"
#include "store/Store.h"

#include <QSignalSpy>
#include "TestArchive.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gd;
using gd::test::TestArchive;

namespace {
QuickReply reply(const QString &title, const QString &shortcut, const QString &body,
                 const QString &owner = {}, const QString &folder = {})
{
    QuickReply r;
    r.title = title;
    r.shortcut = shortcut;
    r.body = body;
    r.owner = owner;
    r.folder = folder;
    return r;
}

QStringList titles(const QVector<QuickReply> &replies)
{
    QStringList out;
    for (const QuickReply &r : replies)
        out << r.title;
    return out;
}
} // namespace

class TestQuickReplies : public QObject
{
    Q_OBJECT
private slots:
    void fillReplacesEveryVariable()
    {
        const auto values = ReplyTemplate::quickReplyValues(
            QStringLiteral("王小明"), QStringLiteral("星河售后群"), QStringLiteral("小李"),
            QDate(2026, 12, 2));
        QString error;
        const QString out = ReplyTemplate::fill(
            QStringLiteral("{customer}您好，我是{agent}，{group}今天({date})为您服务。{customer}"),
            values, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(
            out,
            QStringLiteral("王小明您好，我是小李，星河售后群今天(2026-12-02)为您服务。王小明"));
    }

    void unknownVariableIsRefusedWithItsName()
    {
        const auto values = ReplyTemplate::quickReplyValues(
            QStringLiteral("A"), QStringLiteral("G"), QStringLiteral("me"), QDate(2026, 1, 1));
        QString error;
        const QString out = ReplyTemplate::fill(QStringLiteral("Hi {custmer}"), values, &error);
        QVERIFY(out.isEmpty());
        QVERIFY2(error.contains(QStringLiteral("{custmer}")), qPrintable(error));
        const QString check = ReplyTemplate::check(QStringLiteral("{订单号} 已发货"),
                                                   ReplyTemplate::quickReplyVariables());
        QVERIFY(check.contains(QStringLiteral("{订单号}")));
        QVERIFY(check.contains(QStringLiteral("{customer}"))); // says what is allowed
        QVERIFY(
            !QuickReplyLibrary::problemOf(reply(QStringLiteral("t"), {}, QStringLiteral("x {nme}")))
                 .isEmpty());
        QVERIFY(QuickReplyLibrary::problemOf(
                    reply(QStringLiteral("t"), {}, QStringLiteral("x {customer}")))
                    .isEmpty());
    }

    void variableWithoutValueIsRefused()
    {
        // No customer is known (nobody wrote yet): the reply is not sent half-filled.
        const auto values = ReplyTemplate::quickReplyValues(
            {}, QStringLiteral("G"), QStringLiteral("me"), QDate(2026, 1, 1));
        QString error;
        QVERIFY(ReplyTemplate::fill(QStringLiteral("您好 {customer}"), values, &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("{customer}")));
        QVERIFY(!ReplyTemplate::fill(QStringLiteral("您好 {group}"), values, &error).isEmpty());
        QVERIFY(error.isEmpty());
    }

    void bracesThatAreNotVariablesStay()
    {
        QString error;
        const QString text = QStringLiteral("a { b } {} {x y} {{ end {");
        QCOMPARE(ReplyTemplate::variables(text), QStringList());
        QCOMPARE(ReplyTemplate::fill(text, {}, &error), text);
        QVERIFY(error.isEmpty());
    }

    void slashCompletionMatchesShortcutTitleAndPinyin()
    {
        QuickReplyLibrary library;
        library.setReplies({
            reply(QStringLiteral("退款说明"), {}, QStringLiteral("退款3-5个工作日到账")),
            reply(QStringLiteral("发货时间"), QStringLiteral("fh"), QStringLiteral("48小时内发货"),
                  {}, QStringLiteral("物流")),
            reply(QStringLiteral("开发票"), QStringLiteral("fp"), QStringLiteral("发票请提供抬头")),
            reply(QStringLiteral("我的问候"), QStringLiteral("hi"),
                  QStringLiteral("{customer}您好"), QStringLiteral("xiaoli")),
            reply(QStringLiteral("别人的"), QStringLiteral("hi2"), QStringLiteral("x"),
                  QStringLiteral("other")),
        });
        // Pinyin initials of the title.
        QCOMPARE(titles(library.complete(QStringLiteral("tk"), QStringLiteral("xiaoli"))).value(0),
                 QStringLiteral("退款说明"));
        // Full pinyin, mixed case.
        QVERIFY(titles(library.complete(QStringLiteral("TuiKuan"), QStringLiteral("xiaoli")))
                    .contains(QStringLiteral("退款说明")));
        // The shortcut wins over a title that happens to match too.
        QCOMPARE(titles(library.complete(QStringLiteral("fh"), QStringLiteral("xiaoli"))).value(0),
                 QStringLiteral("发货时间"));
        // Characters work as they are.
        QCOMPARE(titles(library.complete(QStringLiteral("发票"), QStringLiteral("xiaoli"))),
                 QStringList{QStringLiteral("开发票")});
        // By folder (物流 = wl).
        QVERIFY(titles(library.complete(QStringLiteral("wl"), QStringLiteral("xiaoli")))
                    .contains(QStringLiteral("发货时间")));
        // Own replies are offered, other agents' are not.
        QVERIFY(titles(library.complete(QStringLiteral("hi"), QStringLiteral("xiaoli")))
                    .contains(QStringLiteral("我的问候")));
        QVERIFY(!titles(library.complete(QStringLiteral("hi"), QStringLiteral("xiaoli")))
                     .contains(QStringLiteral("别人的")));
        QVERIFY(!titles(library.visibleTo(QStringLiteral("xiaoli")))
                     .contains(QStringLiteral("别人的")));
        QVERIFY(
            titles(library.visibleTo(QStringLiteral("other"))).contains(QStringLiteral("别人的")));
        // Nothing matches: nothing offered.
        QVERIFY(library.complete(QStringLiteral("zzzq"), QStringLiteral("xiaoli")).isEmpty());
        // An empty query lists everything visible, up to the limit.
        QCOMPARE(library.complete({}, QStringLiteral("xiaoli"), 3).size(), 3);
    }

    void libraryAndNotesAreKeptInTheDatabase()
    {
        QTemporaryDir dir;
        QString error;
        // A file, or a database on the test server (GD_TEST_BACKEND=postgresql).
        const QString path = TestArchive::fresh(dir, QStringLiteral("gd.sqlite"), &error);
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        {
            Store store;
            QVERIFY2(store.open(path, &error), qPrintable(error));
            OpsStore ops(&store);
            QuickReplyCatalog catalog(&ops);
            QSignalSpy loaded(&catalog, &QuickReplyCatalog::loaded);
            catalog.load();
            QVERIFY(loaded.wait(5000));
            QSignalSpy saved(&catalog, &QuickReplyCatalog::saved);
            QSignalSpy failed(&catalog, &QuickReplyCatalog::saveFailed);
            QVERIFY(!catalog.save(reply(QStringLiteral("bad"), {}, QStringLiteral("{nope}"))));
            QCOMPARE(failed.count(), 1);
            QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("{nope}")));
            QuickReply good = reply(QStringLiteral("退款说明"), QStringLiteral("tk"),
                                    QStringLiteral("{customer}您好"), {}, QStringLiteral("售后"));
            good.imagePath = QStringLiteral("/tmp/refund.png");
            QVERIFY(catalog.save(good));
            QTRY_COMPARE(saved.count(), 1);
            const qint64 id = saved.at(0).at(0).value<QuickReply>().id;
            QVERIFY(id > 0);
            QCOMPARE(catalog.library().replies().size(), 1);

            GroupNote note;
            note.accountId = QStringLiteral("acc");
            note.targetId = QStringLiteral("1@chatroom");
            note.body = QStringLiteral("订单 A1029 补发中");
            note.updatedBy = QStringLiteral("xiaoli");
            bool noted = false;
            ops.write([note](QSqlDatabase &db,
                             QString *e) { return OpsRepository::saveNote(db, note, e); },
                      &catalog, [&noted](bool ok, const QString &) { noted = ok; });
            QTRY_VERIFY(noted);
        }
        Store store;
        QVERIFY(store.open(path, &error));
        OpsStore ops(&store);
        QuickReplyCatalog catalog(&ops);
        QSignalSpy loaded(&catalog, &QuickReplyCatalog::loaded);
        catalog.load();
        QVERIFY(loaded.wait(5000));
        QCOMPARE(catalog.library().replies().size(), 1);
        const QuickReply back = catalog.library().replies().at(0);
        QCOMPARE(back.title, QStringLiteral("退款说明"));
        QCOMPARE(back.folder, QStringLiteral("售后"));
        QCOMPARE(back.shortcut, QStringLiteral("tk"));
        QCOMPARE(back.imagePath, QStringLiteral("/tmp/refund.png"));
        QVERIFY(back.isShared());

        QVector<GroupNote> found;
        bool done = false;
        ops.read<QVector<GroupNote>>(
            &catalog,
            [](QSqlDatabase &db) {
                return OpsRepository::searchNotes(db, QStringLiteral("acc"),
                                                  QStringLiteral("a1029"));
            },
            [&](const QVector<GroupNote> &notes) {
                found = notes;
                done = true;
            });
        QTRY_VERIFY(done);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.at(0).targetId, QStringLiteral("1@chatroom"));
        QCOMPARE(found.at(0).updatedBy, QStringLiteral("xiaoli"));
    }
};

QTEST_GUILESS_MAIN(TestQuickReplies)
#include "tst_quick_replies.moc"
