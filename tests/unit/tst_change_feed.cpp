// ChangeFeed: the store's committed changes, typed, in commit order, on the
// feed's own thread (never the writer's).

#include "outbox/OutboxRepository.h"
#include "store/ChangeFeed.h"
#include "store/Store.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace gd;

class TestChangeFeed : public QObject
{
    Q_OBJECT

private slots:
    void changesArriveTypedInOrderOnTheFeedsThread()
    {
        QTemporaryDir dir;
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath("feed.db"), &error), qPrintable(error));
        ChangeFeed feed(&store);
        QVector<StoreChange> seen;
        bool allOnThisThread = true;
        connect(&feed, &ChangeFeed::changed, this, [&](const StoreChange &change) {
            allOnThisThread = allOnThisThread && QThread::currentThread() == thread();
            seen.append(change);
        });

        AccountInfo account;
        account.id = "bot";
        store.upsertAccount(account);
        store.flush();
        Room room;
        room.accountId = "bot";
        room.id = "r1@chatroom";
        store.upsertRooms({room});
        store.flush();
        Message m;
        m.accountId = "bot";
        m.id = "m1";
        m.roomId = "r1@chatroom";
        m.text = "你好";
        store.insertMessages({m, m}); // the repeat is not a new row
        store.flush();
        store.addTag(TagTarget::Room, "bot", "r1@chatroom", "VIP");
        store.flush();
        SendRequest send;
        send.accountId = "bot";
        send.conversationId = "r1@chatroom";
        send.text = "在的";
        const qint64 outboxId = OutboxRepository::of(&store)->submit(send).result().id;
        store.flush();
        store.markConversationRead("bot", "r1@chatroom");
        store.flush();

        QTRY_COMPARE(seen.size(), 6);
        QVERIFY(allOnThisThread);
        QVERIFY(std::holds_alternative<change::AccountsChanged>(seen.at(0)));
        const auto *rooms = std::get_if<change::DirectoryChanged>(&seen.at(1));
        QVERIFY(rooms);
        QCOMPARE(rooms->what, change::DirectoryChanged::What::Rooms);
        QCOMPARE(rooms->accountId, QStringLiteral("bot"));
        const auto *added = std::get_if<change::MessagesAdded>(&seen.at(2));
        QVERIFY(added);
        QCOMPARE(added->messages.size(), 1);
        QCOMPARE(added->messages.constFirst().id, QStringLiteral("m1"));
        QVERIFY(added->messages.constFirst().rowId > 0);
        QVERIFY(std::holds_alternative<change::TagsChanged>(seen.at(3)));
        const auto *outbox = std::get_if<change::OutboxRowChanged>(&seen.at(4));
        QVERIFY(outbox);
        QCOMPARE(outbox->entry.id, outboxId);
        const auto *read = std::get_if<change::ConversationRead>(&seen.at(5));
        QVERIFY(read);
        QCOMPARE(read->conversationId, QStringLiteral("r1@chatroom"));
    }
};

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_change_feed.moc"
