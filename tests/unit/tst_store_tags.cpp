// Staff tags on rooms and contacts, and removing an account with its data.

#include "store/Store.h"
#include "store/StoreReader.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;

class TestStoreTags : public QObject
{
    Q_OBJECT

private slots:
    void tagsAttachToRoomsAndContactsAndFilterThem()
    {
        QTemporaryDir dir;
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath("tags.db"), &error), qPrintable(error));
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

    void removingAnAccountRemovesItsDataAndSearchEntries()
    {
        QTemporaryDir dir;
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath("remove.db"), &error), qPrintable(error));
        QVector<Message> batch;
        for (const QString &account : {QStringLiteral("gone"), QStringLiteral("kept")}) {
            AccountInfo a;
            a.id = account;
            store.upsertAccount(a);
            for (int i = 0; i < 10; ++i) {
                Message m;
                m.accountId = account;
                m.id = QString::number(i);
                m.roomId = "r1@chatroom";
                m.text = QStringLiteral("退款 %1").arg(account);
                m.timestampMs = i;
                batch.append(m);
            }
            store.addTag(TagTarget::Room, account, "r1@chatroom", "售后");
        }
        store.insertMessages(batch);
        store.removeAccount("gone");
        store.flush();

        auto reader = store.createReader();
        QCOMPARE(reader->accounts().size(), 1);
        QCOMPARE(reader->messageCount("gone"), 0);
        QCOMPARE(reader->messageCount("kept"), 10);
        QCOMPARE(reader->roomSummaries("gone").size(), 0);
        QCOMPARE(reader->roomsWithTag("gone", "售后"), QStringList());
        SearchQuery q;
        q.text = "退款";
        q.limit = 100;
        q.scanWindow = 0;
        const QVector<SearchHit> hits = reader->search(q);
        QCOMPARE(hits.size(), 10);
        for (const SearchHit &h : hits)
            QCOMPARE(h.message.accountId, QStringLiteral("kept"));
        // The removed account can come back; its new rows are found again.
        Message again;
        again.accountId = "gone";
        again.id = "0";
        again.roomId = "r1@chatroom";
        again.text = "退款 again";
        store.insertMessages({again});
        store.flush();
        QCOMPARE(reader->search(q).size(), 11);
    }
};

QTEST_GUILESS_MAIN(TestStoreTags)
#include "tst_store_tags.moc"
