// Staff tags on rooms and contacts, and removing an account (its archive stays).

#include "store/Exporter.h"
#include "outbox/OutboxRepository.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "TestArchive.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;
using gd::test::TestArchive;

namespace {

// Queues a text through the outbox repository and waits for its database id.
qint64 enqueueText(Store &store, const QString &accountId, const QString &conversationId,
                   const QString &text)
{
    SendRequest request;
    request.accountId = accountId;
    request.conversationId = conversationId;
    request.text = text;
    return OutboxRepository::of(&store)->submit(request).result().id;
}
} // namespace

class TestStoreTags : public QObject
{
    Q_OBJECT

private slots:
    void tagsAttachToRoomsAndContactsAndFilterThem()
    {
        QTemporaryDir dir;
        Store store;
        QString error;
        const QString location = TestArchive::fresh(dir, QStringLiteral("tags.db"), &error);
        QVERIFY2(!location.isEmpty(), qPrintable(error));
        QVERIFY2(store.open(location, &error), qPrintable(error));
        QSignalSpy changed(&store, &Store::tagsChanged);
        store.addTag(TagTarget::Room, "acc", "r1@chatroom", "售后");
        store.addTag(TagTarget::Room, "acc", "r1@chatroom", " 华东区 "); // trimmed
        store.addTag(TagTarget::Room, "acc", "r1@chatroom", "售后"); // twice: once
        store.addTag(TagTarget::Room, "acc", "r2@chatroom", "售后");
        store.addTag(TagTarget::Room, "acc2", "r9@chatroom", "售后");
        store.addTag(TagTarget::Contact, "acc", "wxid_1", "VIP");
        store.addTag(TagTarget::Contact, "acc", "wxid_1", "  "); // empty: ignored
        store.flush();
        QVERIFY(changed.size() >= 5);

        auto reader = store.createReader();
        QCOMPARE(reader->allTags(), QStringList({"VIP", "华东区", "售后"}));
        QCOMPARE(reader->tagsOf(TagTarget::Room, "acc", "r1@chatroom"),
                 QStringList({"华东区", "售后"}));
        QCOMPARE(reader->tagsOf(TagTarget::Contact, "acc", "wxid_1"), QStringList({"VIP"}));
        QCOMPARE(reader->tagsOf(TagTarget::Contact, "acc", "r1@chatroom"), QStringList());
        QCOMPARE(reader->roomsWithTag("acc", "售后"), QStringList({"r1@chatroom", "r2@chatroom"}));
        QCOMPARE(reader->roomsWithTag("acc2", "售后"), QStringList({"r9@chatroom"}));
        QCOMPARE(reader->contactsWithTag("acc", "VIP"), QStringList({"wxid_1"}));
        QCOMPARE(reader->roomsWithTag("acc", "VIP"), QStringList());

        store.removeTag(TagTarget::Room, "acc", "r1@chatroom", "售后");
        store.flush();
        QCOMPARE(reader->roomsWithTag("acc", "售后"), QStringList({"r2@chatroom"}));
        QCOMPARE(reader->allTags().size(), 3); // the tag itself stays

        store.deleteTag("售后");
        store.flush();
        QCOMPARE(reader->allTags(), QStringList({"VIP", "华东区"}));
        QCOMPARE(reader->roomsWithTag("acc2", "售后"), QStringList());
        // Re-created later, it starts empty.
        store.addTag(TagTarget::Room, "acc", "r3@chatroom", "售后");
        store.flush();
        QCOMPARE(reader->roomsWithTag("acc", "售后"), QStringList({"r3@chatroom"}));
    }

    // Removing an account keeps its archive: the messages stay searchable
    // and exportable (with their room and sender names), the account itself
    // (its row, its unsent sends, its pending fetches) goes.
    void removingAnAccountKeepsItsArchive()
    {
        QTemporaryDir dir;
        Store store;
        QString error;
        const QString location = TestArchive::fresh(dir, QStringLiteral("remove.db"), &error);
        QVERIFY2(!location.isEmpty(), qPrintable(error));
        QVERIFY2(store.open(location, &error), qPrintable(error));
        QVector<Message> batch;
        for (const QString &account : {QStringLiteral("gone"), QStringLiteral("kept")}) {
            AccountInfo a;
            a.id = account;
            a.displayName = account + " name";
            store.upsertAccount(a);
            Room room;
            room.accountId = account;
            room.id = "r1@chatroom";
            room.topic = "售后一群";
            store.upsertRooms({room});
            Contact talker;
            talker.accountId = account;
            talker.id = "wxid_buyer";
            talker.name = "张三";
            store.upsertContacts({talker});
            for (int i = 0; i < 10; ++i) {
                Message m;
                m.accountId = account;
                m.id = QString::number(i);
                m.roomId = "r1@chatroom";
                m.talkerId = "wxid_buyer";
                m.text = QStringLiteral("退款 %1").arg(account);
                m.timestampMs = i;
                batch.append(m);
            }
            store.addTag(TagTarget::Room, account, "r1@chatroom", "售后");
        }
        store.insertMessages(batch);
        store.journalMessageIds("gone", {"pending"}, nullptr, {});
        const qint64 unsent = enqueueText(store, "gone", "r1@chatroom", "还没发出");
        const qint64 sent = enqueueText(store, "gone", "r1@chatroom", "已经发出");
        OutboxRepository::of(&store)->update(sent, OutboxState::Sent, {}, "sent-1");
        store.flush();
        QCOMPARE(store.createReader()->journaledMessageIds("gone").size(), 1);
        QSignalSpy accountsChanged(&store, &Store::accountsChanged);
        store.removeAccount("gone");
        store.flush();
        QTRY_COMPARE(accountsChanged.size(), 1);

        auto reader = store.createReader();
        // The account is gone: it is not run again at the next start.
        QCOMPARE(reader->accounts().size(), 1);
        QCOMPARE(reader->accounts().constFirst().id, QStringLiteral("kept"));
        QCOMPARE(reader->removedAccountIds(), QStringList{"gone"});
        QVERIFY(reader->journaledMessageIds("gone").isEmpty());
        // An unsent text is never sent later; a sent one stays as history.
        const QVector<OutboxEntry> outbox
            = OutboxRepository::rows(*reader, "gone",
                                     {OutboxState::Queued, OutboxState::Sending, OutboxState::Sent,
                                      OutboxState::Failed, OutboxState::Unknown});
        QCOMPARE(outbox.size(), 1);
        QCOMPARE(outbox.constFirst().id, sent);
        QVERIFY(outbox.constFirst().id != unsent);
        // Its archive stays, with the names that make it readable.
        QCOMPARE(reader->messageCount("gone"), 10);
        QCOMPARE(reader->messageCount("kept"), 10);
        QCOMPARE(reader->roomSummaries("gone").size(), 1);
        QCOMPARE(reader->roomSummaries("gone").constFirst().topic, QStringLiteral("售后一群"));
        QCOMPARE(reader->roomsWithTag("gone", "售后"), QStringList{"r1@chatroom"});
        SearchQuery q;
        q.text = "退款";
        q.limit = 100;
        q.scanWindow = 0;
        QCOMPARE(reader->search(q).size(), 20);
        q.accountId = "gone";
        const QVector<SearchHit> hits = reader->search(q);
        QCOMPARE(hits.size(), 10);
        for (const SearchHit &h : hits)
            QCOMPARE(h.message.accountId, QStringLiteral("gone"));

        ExportRequest request;
        request.source = ExportRequest::Source::DateRange;
        request.format = ExportRequest::Format::Json;
        request.accountId = "gone";
        request.path = dir.filePath("gone.json");
        std::atomic_bool cancelled{false};
        qint64 rows = 0;
        QVERIFY2(Exporter::run(
                     *reader, request, cancelled, [](qint64, qint64) {}, &rows, &error),
                 qPrintable(error));
        QCOMPARE(rows, 10);
        QFile exported(request.path);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        const QByteArray json = exported.readAll();
        QVERIFY(json.contains("售后一群"));
        QVERIFY(json.contains("张三"));
        QVERIFY(json.contains("退款 gone"));

        // The removed account can come back: its archive is its own again and
        // its new rows are found beside the old ones.
        AccountInfo back;
        back.id = "gone";
        store.upsertAccount(back);
        Message again;
        again.accountId = "gone";
        again.id = "10";
        again.roomId = "r1@chatroom";
        again.text = "退款 again";
        store.insertMessages({again});
        store.flush();
        QVERIFY(reader->removedAccountIds().isEmpty());
        QCOMPARE(reader->search(q).size(), 11);
    }
};

QTEST_GUILESS_MAIN(TestStoreTags)
#include "tst_store_tags.moc"
