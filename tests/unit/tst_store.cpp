// The store: stores each message once, keeps conversation summaries, pages
// history by keyset, runs the outbox lifecycle and survives a reopen.

#include "outbox/OutboxRepository.h"
#include "store/AccountLeases.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "TestArchive.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <thread>

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

Message makeMessage(const QString &id, const QString &roomId, qint64 ts, const QString &text,
                    bool fromSelf = false, const QString &account = QStringLiteral("acc"))
{
    Message m;
    m.accountId = account;
    m.id = id;
    m.roomId = roomId;
    m.talkerId = fromSelf ? QStringLiteral("me") : QStringLiteral("wxid_customer");
    m.talkerName = fromSelf ? QStringLiteral("Bot") : QStringLiteral("客户甲");
    m.listenerId = roomId.isEmpty() ? QStringLiteral("me") : QString();
    m.kind = MessageKind::Text;
    m.text = text;
    m.timestampMs = ts;
    m.fromSelf = fromSelf;
    return m;
}

QVector<Message> storedIn(const QSignalSpy &spy)
{
    QVector<Message> all;
    for (const QList<QVariant> &args : spy)
        all += args.at(0).value<QVector<Message>>();
    return all;
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_path = TestArchive::fresh(m_dir, QStringLiteral("t%1.db").arg(++m_counter), &error);
        QVERIFY2(!m_path.isEmpty(), qPrintable(error));
    }

    void storesEachMessageOnceAndEmitsOnlyNewRows()
    {
        Store store;
        QString error;
        QVERIFY2(store.open(m_path, &error), qPrintable(error));
        QSignalSpy stored(&store, &Store::messagesStored);

        store.insertMessages(
            {makeMessage("m1", "r1@chatroom", 1000, "你好"),
             makeMessage("m2", "r1@chatroom", 1001, "退款到账了吗"),
             makeMessage("m1", "r1@chatroom", 1000, "重复")}); // repeat in one batch
        store.flush();
        store.insertMessages({makeMessage("m2", "r1@chatroom", 1001, "again"),
                              makeMessage("m3", "r1@chatroom", 1002, "新的")});
        store.flush();
        store.insertMessages({makeMessage("m3", "r1@chatroom", 1002, "新的")});
        store.flush();

        const QVector<Message> all = storedIn(stored);
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).id, QStringLiteral("m1"));
        QCOMPARE(all.at(0).text, QStringLiteral("你好")); // the first copy wins
        QCOMPARE(all.at(2).id, QStringLiteral("m3"));
        QSet<qint64> rowIds;
        for (const Message &m : all) {
            QVERIFY(m.rowId > 0);
            rowIds.insert(m.rowId);
        }
        QCOMPARE(rowIds.size(), 3);

        auto reader = store.createReader();
        QCOMPARE(reader->messageCount(), 3);
        QCOMPARE(reader->messageCount(QStringLiteral("other")), 0);
        // The same message id under another account is another message.
        store.insertMessages({makeMessage("m1", "r1@chatroom", 1000, "你好", false, "acc2")});
        store.flush();
        QCOMPARE(reader->messageCount(), 4);
        QCOMPARE(storedIn(stored).size(), 4);
    }

    void aLargeBatchStoresEachMessageOnceWithItsOwnRowAndIndexEntry()
    {
        // A batch far larger than the writer's usual ones, with repeats near
        // each other and far apart: the row ids handed back, the repeats and
        // the search index rows must match message for message.
        Store store;
        QString error;
        QVERIFY2(store.open(m_path, &error), qPrintable(error));
        QSignalSpy stored(&store, &Store::messagesStored);
        store.insertMessages({makeMessage("k7", "r1@chatroom", 500, "早就存过的")});
        store.flush();

        QVector<Message> batch;
        for (int i = 0; i < 140; ++i) {
            const QString text = QStringLiteral("订单%1号退款").arg(i, 3, 10, QLatin1Char('0'));
            batch.append(makeMessage(
                QStringLiteral("k%1").arg(i), QStringLiteral("r%1@chatroom").arg(i % 7), 1000 + i,
                text, false, i % 2 ? QStringLiteral("acc") : QStringLiteral("acc2")));
        }
        // Repeats: of a message earlier in the same statement, of one in an
        // earlier statement, and of one stored before (k7 of "acc").
        batch.insert(10, makeMessage("k3", "r3@chatroom", 1003, "重复一", false, "acc"));
        batch.insert(100, makeMessage("k20", "r6@chatroom", 1020, "重复二", false, "acc2"));
        batch.append(makeMessage("k7", "r0@chatroom", 1007, "重复三", false, "acc"));
        // The same id under the other account is another message.
        batch.append(makeMessage("k7", "r0@chatroom", 1007, "另一个账号的k7", false, "acc2"));
        QCOMPARE(batch.size(), 144);
        store.insertMessages(batch);
        store.flush();

        // k7 of "acc" (the generated one, the repeat) was stored before;
        // k7 of "acc2" is new.
        const QVector<Message> all = storedIn(stored);
        QCOMPARE(all.size(), 1 + 139 + 1);
        auto reader = store.createReader();
        QCOMPARE(reader->messageCount(), 141);
        QSet<qint64> rowIds;
        for (const Message &m : all) {
            QVERIFY(!rowIds.contains(m.rowId));
            rowIds.insert(m.rowId);
            // The row id handed back is this message's row.
            const QVector<Message> page = reader->messagesBefore(
                m.accountId, m.roomId, FeedCursor{m.timestampMs + 1, 0}, 1);
            QCOMPARE(page.size(), 1);
            QCOMPARE(page.first().rowId, m.rowId);
            QCOMPARE(page.first().id, m.id);
            QCOMPARE(page.first().text, m.text);
        }
        QCOMPARE(rowIds.size(), all.size());
        // The first copy of a repeat is the one kept.
        const auto k3 = std::find_if(all.cbegin(), all.cend(),
                                     [](const Message &m) { return m.id == QStringLiteral("k3"); });
        QVERIFY(k3 != all.cend());
        QCOMPARE(k3->text, QStringLiteral("订单003号退款"));

        // Every text found through the index, under its own row.
        SearchQuery q;
        q.scanWindow = 0;
        q.limit = 500;
        q.text = QStringLiteral("退款");
        QCOMPARE(reader->search(q).size(), 139);
        for (int i : {0, 1, 62, 63, 64, 65, 127, 128, 139}) {
            q.text = QStringLiteral("订单%1号").arg(i, 3, 10, QLatin1Char('0'));
            const QVector<SearchHit> hits = reader->search(q);
            QCOMPARE(hits.size(), 1);
            QCOMPARE(hits.first().message.id, QStringLiteral("k%1").arg(i));
        }
        q.text = QStringLiteral("重复");
        QCOMPARE(reader->search(q).size(), 0);
        q.text = QStringLiteral("另一个账号");
        QCOMPARE(reader->search(q).size(), 1);
    }

    void ownEchoWithOutboxIdLinksTheRowWithoutReemitting()
    {
        Store store;
        QString error;
        QVERIFY2(store.open(m_path, &error), qPrintable(error));
        QSignalSpy stored(&store, &Store::messagesStored);

        const qint64 outboxId = enqueueText(store, "acc", "r1@chatroom", "稍等");
        QVERIFY(outboxId > 0);
        Message echo = makeMessage("sent-1", "r1@chatroom", 2000, "稍等", true);
        store.insertMessages({echo}); // the gateway's echo arrives first
        store.flush();
        echo.outboxId = outboxId;
        store.insertMessages({echo}); // then the send result, carrying the outbox id
        store.flush();

        QCOMPARE(storedIn(stored).size(), 1);
        auto reader = store.createReader();
        const Message row = reader->messageByRowId(storedIn(stored).first().rowId);
        QCOMPARE(row.id, QStringLiteral("sent-1"));
        QCOMPARE(row.outboxId, outboxId);
        QVERIFY(row.fromSelf);
        QCOMPARE(reader->messageCount(), 1);
    }

    void summariesKeepUnreadCountsAndLastMessage()
    {
        Store store;
        QString error;
        QVERIFY2(store.open(m_path, &error), qPrintable(error));
        Room r1;
        r1.accountId = "acc";
        r1.id = "r1@chatroom";
        r1.topic = "售后一群";
        r1.memberIds = {"a", "b", "c"};
        Room r2 = r1;
        r2.id = "r2@chatroom";
        r2.topic = QString(); // untitled: named after its members
        r2.memberIds = {};
        Room r3 = r1;
        r3.id = "r3@chatroom";
        r3.topic = "安静的群";
        store.upsertRooms({r1, r2, r3});
        RoomMember alice{"acc", "r2@chatroom", "alice", "小爱", "Alice", "", ""};
        RoomMember bob{"acc", "r2@chatroom", "bob", "", "Bob", "", ""};
        store.replaceRoomMembers("acc", "r2@chatroom", {alice, bob});

        store.insertMessages({makeMessage("a1", "r1@chatroom", 1000, "第一条"),
                              makeMessage("a2", "r1@chatroom", 3000, "最新一条"),
                              makeMessage("a3", "r1@chatroom", 2000, "迟到的旧消息"),
                              makeMessage("b1", "r2@chatroom", 1500, "hello"),
                              makeMessage("b2", "r2@chatroom", 1600, "我回复", true),
                              makeMessage("d1", "", 1200, "私聊")});
        store.flush();

        auto reader = store.createReader();
        QVector<RoomSummary> rows = reader->roomSummaries("acc");
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(0).roomId, QStringLiteral("r1@chatroom")); // most recent first
        QCOMPARE(rows.at(0).lastText, QStringLiteral("最新一条"));
        QCOMPARE(rows.at(0).lastMessageMs, 3000);
        QCOMPARE(rows.at(0).unread, 3);
        QCOMPARE(rows.at(0).memberCount, 3);
        QCOMPARE(rows.at(0).topic, QStringLiteral("售后一群"));
        QCOMPARE(rows.at(0).lastSender, QStringLiteral("客户甲"));
        QCOMPARE(rows.at(1).roomId, QStringLiteral("r2@chatroom"));
        QCOMPARE(rows.at(1).unread, 1); // our own reply is not unread
        QCOMPARE(rows.at(1).lastText, QStringLiteral("我回复"));
        QCOMPARE(rows.at(1).memberCount, 2);
        QVERIFY2(rows.at(1).topic.contains("小爱") && rows.at(1).topic.contains("Bob"),
                 qPrintable(rows.at(1).topic));
        QCOMPARE(rows.at(2).roomId, QStringLiteral("wxid_customer")); // the one-to-one chat
        QCOMPARE(rows.at(2).unread, 1);
        QCOMPARE(rows.at(3).roomId, QStringLiteral("r3@chatroom")); // no messages: last
        QCOMPARE(rows.at(3).unread, 0);

        // An older message arriving later does not replace the last message.
        store.insertMessages({makeMessage("a0", "r1@chatroom", 500, "很久以前")});
        QSignalSpy read(&store, &Store::conversationRead);
        store.markConversationRead("acc", "r2@chatroom");
        store.flush();
        QCOMPARE(read.size(), 1);
        rows = reader->roomSummaries("acc");
        QCOMPARE(rows.at(0).lastText, QStringLiteral("最新一条"));
        QCOMPARE(rows.at(0).unread, 4);
        QCOMPARE(rows.at(1).unread, 0);

        store.insertMessages({makeMessage("b3", "r2@chatroom", 5000, "又来了")});
        store.flush();
        rows = reader->roomSummaries("acc");
        QCOMPARE(rows.at(0).roomId, QStringLiteral("r2@chatroom"));
        QCOMPARE(rows.at(0).unread, 1);
    }

    void keysetPaginationHasNoGapsOrDuplicatesAcrossEqualTimestamps()
    {
        Store store;
        QString error;
        QVERIFY2(store.open(m_path, &error), qPrintable(error));
        QVector<Message> batch;
        // 1,000 messages with the same timestamp, framed by older and newer
        // ones, inserted out of order, plus noise in another room.
        for (int i = 0; i < 1000; ++i)
            batch.append(makeMessage(QStringLiteral("same-%1").arg(i), "r1@chatroom", 5000,
                                     QString::number(i)));
        for (int i = 0; i < 50; ++i) {
            batch.append(
                makeMessage(QStringLiteral("new-%1").arg(i), "r1@chatroom", 9000 - i, "n"));
            batch.append(makeMessage(QStringLiteral("old-%1").arg(i), "r1@chatroom", 100 + i, "o"));
            batch.append(makeMessage(QStringLiteral("x-%1").arg(i), "r2@chatroom", 5000, "x"));
        }
        store.insertMessages(batch);
        store.flush();

        auto reader = store.createReader();
        const int total = 1100;
        // Backwards from the newest.
        QVector<Message> back;
        FeedCursor cursor;
        for (int guard = 0; guard < 100; ++guard) {
            const QVector<Message> page = reader->messagesBefore("acc", "r1@chatroom", cursor, 37);
            if (page.isEmpty())
                break;
            for (int i = 1; i < page.size(); ++i) { // each page oldest first
                QVERIFY(std::pair(page[i - 1].timestampMs, page[i - 1].rowId)
                        < std::pair(page[i].timestampMs, page[i].rowId));
            }
            back = page + back;
            cursor = {page.first().timestampMs, page.first().rowId};
        }
        QCOMPARE(back.size(), total);
        QSet<QString> ids;
        for (int i = 0; i < back.size(); ++i) {
            ids.insert(back[i].id);
            if (i > 0) {
                QVERIFY(std::pair(back[i - 1].timestampMs, back[i - 1].rowId)
                        < std::pair(back[i].timestampMs, back[i].rowId));
            }
        }
        QCOMPARE(ids.size(), total);

        // Forwards from the oldest gives the same sequence.
        QVector<Message> forward;
        cursor = {};
        for (int guard = 0; guard < 100; ++guard) {
            const QVector<Message> page = reader->messagesAfter("acc", "r1@chatroom", cursor, 41);
            if (page.isEmpty())
                break;
            forward += page;
            cursor = {page.last().timestampMs, page.last().rowId};
        }
        QCOMPARE(forward.size(), total);
        for (int i = 0; i < total; ++i)
            QCOMPARE(forward[i].rowId, back[i].rowId);

        // Around a message in the middle of the equal-timestamp run.
        const Message &center = back[500];
        const QVector<Message> around
            = reader->messagesAround("acc", "r1@chatroom", center.rowId, 5, 7);
        QCOMPARE(around.size(), 13);
        for (int i = 0; i < 13; ++i)
            QCOMPARE(around[i].rowId, back[495 + i].rowId);
        QVERIFY(reader->messagesAround("acc", "r2@chatroom", center.rowId, 5, 5).isEmpty());
    }

    void claimDueTakesDueRowsOnceOldestDueFirst()
    {
        Store store;
        QString error;
        QVERIFY2(store.open(m_path, &error), qPrintable(error));
        OutboxRepository *outbox = OutboxRepository::of(&store);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        auto submit = [&](const QString &account, qint64 dueMs) {
            SendRequest request;
            request.accountId = account;
            request.conversationId = QStringLiteral("r1@chatroom");
            request.text = QStringLiteral("到期发送");
            request.dueMs = dueMs;
            return outbox->submit(request).result().id;
        };
        const qint64 dueLast = submit("acc", now - 1000);
        const qint64 dueFirst = submit("acc", now - 5000);
        const qint64 dueSecond = submit("acc", now - 3000);
        const qint64 later = submit("acc", now + 3600 * 1000); // not due yet
        const qint64 otherAccount = submit("acc2", now - 9000);
        QVERIFY(dueLast > 0 && dueFirst > 0 && dueSecond > 0 && later > 0 && otherAccount > 0);

        auto claimDue = [&](int limit) {
            std::optional<QVector<qint64>> got;
            outbox->claimDue("acc", limit, this, [&got](const QVector<qint64> &ids) { got = ids; });
            [&] { QTRY_VERIFY(got.has_value()); }();
            return got.value_or(QVector<qint64>{-1});
        };
        QCOMPARE(claimDue(2), (QVector<qint64>{dueFirst, dueSecond}));
        QCOMPARE(claimDue(10), (QVector<qint64>{dueLast}));
        QCOMPARE(claimDue(10), QVector<qint64>()); // nothing due is left

        auto reader = store.createReader();
        const QVector<OutboxEntry> sending
            = OutboxRepository::rows(*reader, "acc", {OutboxState::Sending});
        QCOMPARE(sending.size(), 3);
        for (const OutboxEntry &e : sending)
            QCOMPARE(e.attempts, 1);
        QCOMPARE(OutboxRepository::rows(*reader, "acc", {OutboxState::Queued}).size(), 1);
        QCOMPARE(OutboxRepository::rows(*reader, "acc2", {OutboxState::Queued}).size(), 1);
    }

    void leaseIsHeldByOneEngineUntilReleasedOrLapsed()
    {
        Store store;
        QString error;
        QVERIFY2(store.open(m_path, &error), qPrintable(error));
        AccountLeases leases(&store);
        auto acquire = [&](const QString &engine, qint64 ttlMs) {
            std::optional<bool> held;
            leases.acquire("acc", engine, ttlMs, this, [&held](bool h) { held = h; });
            [&] { QTRY_VERIFY(held.has_value()); }();
            return held.value_or(false);
        };
        QVERIFY(acquire("engine-a", 60000));
        QVERIFY(!acquire("engine-b", 60000)); // two engines never hold one account
        QVERIFY(acquire("engine-a", 60000)); // the heartbeat
        leases.release("acc", "engine-b"); // not b's to give up: nothing happens
        QVERIFY(!acquire("engine-b", 60000));
        leases.release("acc", "engine-a"); // a clean stop frees it at once
        QVERIFY(acquire("engine-b", 400));
        QVERIFY(!acquire("engine-a", 60000));
        QTest::qWait(700); // b died: its lease lapses
        QVERIFY(acquire("engine-a", 60000));
        QVERIFY(!acquire("engine-b", 400)); // b's heartbeat now fails: it must stop
        auto reader = store.createReader();
        const QVector<AccountLease> rows = AccountLeases::all(reader->database());
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].engineId, QStringLiteral("engine-a"));
        QVERIFY(rows[0].expiresMs > rows[0].acquiredMs);
    }

    void leaseRenewalNeverRevivesALapsedLease()
    {
        Store store;
        QString error;
        QVERIFY2(store.open(m_path, &error), qPrintable(error));
        AccountLeases leases(&store);
        auto take = [&](const QString &engine, qint64 ttlMs) {
            std::optional<int> got;
            leases.take("acc", engine, ttlMs, QStringLiteral("gone"), this,
                        [&got](bool held, int rows) { got = held ? rows : -1; });
            [&] { QTRY_VERIFY(got.has_value()); }();
            return got.value_or(-2);
        };
        auto renew = [&](const QString &engine, qint64 ttlMs) {
            std::optional<bool> held;
            leases.renew("acc", engine, ttlMs, this,
                         [&held](LeaseRenewal r) { held = r == LeaseRenewal::Renewed; });
            [&] { QTRY_VERIFY(held.has_value()); }();
            return held.value_or(false);
        };
        QVERIFY(!renew("engine-a", 60000)); // nothing to renew: renewing never takes
        QCOMPARE(take("engine-a", 400), 0);
        QVERIFY(renew("engine-a", 400));
        QVERIFY(!renew("engine-b", 60000)); // not b's
        QCOMPARE(take("engine-b", 60000), -1); // held by a
        QTest::qWait(700); // a stopped renewing: its lease lapsed
        QVERIFY(!renew("engine-a", 60000)); // too late: a must stop, not carry on
        QCOMPARE(take("engine-b", 60000), 0);
    }

    void takingALeaseSettlesOnlyThatAccountsInterruptedSends()
    {
        Store store;
        QString error;
        QVERIFY2(store.open(m_path, &error), qPrintable(error));
        OutboxRepository *outbox = OutboxRepository::of(&store);
        const qint64 mine = enqueueText(store, "acc", "r1@chatroom", "发送中");
        const qint64 queued = enqueueText(store, "acc", "r1@chatroom", "排队");
        const qint64 other = enqueueText(store, "acc2", "r1@chatroom", "别的账号发送中");
        outbox->update(mine, OutboxState::Sending);
        outbox->update(other, OutboxState::Sending);
        store.flush();
        AccountLeases leases(&store);
        std::optional<int> interrupted;
        leases.take("acc", "engine-new", 60000, QStringLiteral("引擎已停止"), this,
                    [&interrupted](bool held, int rows) { interrupted = held ? rows : -1; });
        QTRY_VERIFY(interrupted.has_value());
        QCOMPARE(*interrupted, 1);
        auto reader = store.createReader();
        const OutboxEntry settled = OutboxRepository::row(*reader, mine);
        QCOMPARE(settled.state, OutboxState::Unknown);
        QCOMPARE(settled.error, QStringLiteral("引擎已停止"));
        QCOMPARE(OutboxRepository::row(*reader, queued).state, OutboxState::Queued);
        // Another account's send belongs to its own engine: untouched.
        QCOMPARE(OutboxRepository::row(*reader, other).state, OutboxState::Sending);

        // A claim fenced by the lease: only the holder's, only while it holds.
        std::optional<bool> claimed;
        outbox->claim(
            queued, this, [&claimed](bool ok) { claimed = ok; }, QStringLiteral("engine-old"));
        QTRY_VERIFY(claimed.has_value());
        QVERIFY(!*claimed);
        claimed.reset();
        outbox->claim(
            queued, this, [&claimed](bool ok) { claimed = ok; }, QStringLiteral("engine-new"));
        QTRY_VERIFY(claimed.has_value());
        QVERIFY(*claimed);
    }

    void outboxLifecycleAndUnknownAfterRestart()
    {
        qint64 sendingId = 0;
        qint64 sentId = 0;
        {
            Store store;
            QString error;
            QVERIFY2(store.open(m_path, &error), qPrintable(error));
            QSignalSpy changed(OutboxRepository::of(&store), &OutboxRepository::entryChanged);
            sentId = enqueueText(store, "acc", "r1@chatroom", "您好，已处理");
            sendingId = enqueueText(store, "acc", "r1@chatroom", "第二条");
            QVERIFY(sendingId > sentId);
            store.flush();
            QCOMPARE(changed.size(), 2);
            auto first = changed.at(0).at(0).value<OutboxEntry>();
            QCOMPARE(first.id, sentId);
            QCOMPARE(first.state, OutboxState::Queued);
            QVERIFY(first.createdMs > 0);

            OutboxRepository::of(&store)->update(sentId, OutboxState::Sending);
            OutboxRepository::of(&store)->update(sentId, OutboxState::Failed, "对方已不在群内");
            store.flush();
            auto failed = changed.last().at(0).value<OutboxEntry>();
            QCOMPARE(failed.state, OutboxState::Failed);
            QCOMPARE(failed.error, QStringLiteral("对方已不在群内"));
            QCOMPARE(failed.attempts, 1);

            OutboxRepository::of(&store)->retry(sentId);
            store.flush();
            QCOMPARE(changed.last().at(0).value<OutboxEntry>().state, OutboxState::Queued);
            const int before = changed.size();
            OutboxRepository::of(&store)->retry(
                sentId); // Queued cannot be retried: nothing happens
            store.flush();
            QCOMPARE(changed.size(), before);

            OutboxRepository::of(&store)->update(sentId, OutboxState::Sending);
            OutboxRepository::of(&store)->update(sentId, OutboxState::Sent, {}, "gw-msg-1");
            OutboxRepository::of(&store)->update(sendingId, OutboxState::Sending);
            store.flush();
            auto sent = changed.last().at(0).value<OutboxEntry>();
            QCOMPARE(sent.id, sendingId);
            auto reader = store.createReader();
            const QVector<OutboxEntry> entries
                = OutboxRepository::rowsForConversation(*reader, "acc", "r1@chatroom");
            QCOMPARE(entries.size(), 2);
            QCOMPARE(entries[0].state, OutboxState::Sent);
            QCOMPARE(entries[0].messageId, QStringLiteral("gw-msg-1"));
            QCOMPARE(entries[0].attempts, 2);
            QCOMPARE(entries[0].error, QString());
            QCOMPARE(entries[1].state, OutboxState::Sending);
        } // "crash" while the second entry is with the gateway

        Store store;
        QString error;
        QVERIFY2(store.open(m_path, &error), qPrintable(error));
        auto reader = store.createReader();
        if (TestArchive::usesPostgres()) {
            // A shared server: opening leaves the rows alone (other engines
            // may be sending them right now); the engine that takes the
            // account's lease settles them, in the lease's transaction.
            QCOMPARE(OutboxRepository::rows(*reader, "acc", {OutboxState::Sending}).size(), 1);
            AccountLeases leases(&store);
            std::optional<int> interrupted;
            leases.take("acc", "engine-after-crash", 60000, QStringLiteral("engine gone"), this,
                        [&interrupted](bool held, int rows) { interrupted = held ? rows : -1; });
            QTRY_VERIFY(interrupted.has_value());
            QCOMPARE(*interrupted, 1);
            QCOMPARE(OutboxRepository::row(*reader, sendingId).error,
                     QStringLiteral("engine gone"));
        }
        QCOMPARE(OutboxRepository::rows(*reader, "acc", {OutboxState::Sending}).size(), 0);
        QCOMPARE(OutboxRepository::rows(*reader, "acc", {OutboxState::Queued}).size(),
                 0); // never re-sent by itself
        const QVector<OutboxEntry> unknown
            = OutboxRepository::rows(*reader, "acc", {OutboxState::Unknown});
        QCOMPARE(unknown.size(), 1);
        QCOMPARE(unknown[0].id, sendingId);
        // New ids continue after the old ones.
        QVERIFY(enqueueText(store, "acc", "r1@chatroom", "x") > sendingId);
        OutboxRepository::of(&store)->retry(sendingId);
        store.flush();
        QCOMPARE(OutboxRepository::rows(*reader, "acc", {OutboxState::Queued, OutboxState::Unknown})
                     .size(),
                 2);
        QCOMPARE(OutboxRepository::rows(*reader, "acc", {OutboxState::Unknown}).size(), 0);
    }

    void systemEventDataIsStoredWithTheMessage()
    {
        Store store;
        QString error;
        QVERIFY2(store.open(m_path, &error), qPrintable(error));
        Message m = makeMessage("sys:r1@chatroom:5:abc", "r1@chatroom", 5, "小王 joined the group",
                                false);
        m.kind = MessageKind::System;
        m.systemEvent = QStringLiteral(R"({"kind":"join","targets":["wxid_w"]})");
        store.insertMessages({m, makeMessage("m9", "r1@chatroom", 6, "你好", false)});
        store.flush();
        auto reader = store.createReader();
        const QVector<Message> rows
            = reader->messagesBefore("acc", "r1@chatroom", FeedCursor{}, 10);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].kind, MessageKind::System);
        QCOMPARE(rows[0].systemEvent, m.systemEvent);
        QCOMPARE(rows[0].text, m.text);
        QCOMPARE(rows[1].systemEvent, QString());
    }

    void flushedDataSurvivesReopen()
    {
        {
            Store store;
            QString error;
            QVERIFY2(store.open(m_path, &error), qPrintable(error));
            AccountInfo a;
            a.id = "acc";
            a.displayName = "客服一号";
            a.endpoint = "127.0.0.1:8788";
            a.tls = true;
            a.demo = true;
            store.upsertAccount(a);
            Contact c;
            c.accountId = "acc";
            c.id = "wxid_1";
            c.name = "张三";
            c.alias = "VIP 张总";
            c.isFriend = true;
            store.upsertContacts({c});
            Room r;
            r.accountId = "acc";
            r.id = "r1@chatroom";
            r.topic = "华东区";
            r.adminIds = {"wxid_1"};
            r.memberIds = {"wxid_1", "wxid_2"};
            store.upsertRooms({r});
            Message m = makeMessage("m1", "r1@chatroom", 1234, "在吗");
            m.mentionIds = {"wxid_1", "wxid_2"};
            m.kind = MessageKind::Text;
            store.insertMessages({m});
            store.flush();
        }
        Store store;
        QString error;
        QVERIFY2(store.open(m_path, &error), qPrintable(error));
        auto reader = store.createReader();
        QCOMPARE(reader->schemaVersion(), Store::kSchemaVersion);
        const QVector<AccountInfo> accounts = reader->accounts();
        QCOMPARE(accounts.size(), 1);
        QCOMPARE(accounts[0].displayName, QStringLiteral("客服一号"));
        QVERIFY(accounts[0].tls && accounts[0].demo);
        QCOMPARE(reader->contacts("acc").size(), 1);
        QCOMPARE(reader->contacts("acc")[0].displayName(), QStringLiteral("VIP 张总"));
        QCOMPARE(reader->rooms("acc").size(), 1);
        QCOMPARE(reader->rooms("acc")[0].memberIds, QStringList({"wxid_1", "wxid_2"}));
        const QVector<Message> page = reader->messagesBefore("acc", "r1@chatroom", {}, 10);
        QCOMPARE(page.size(), 1);
        QCOMPARE(page[0].text, QStringLiteral("在吗"));
        QCOMPARE(page[0].mentionIds, QStringList({"wxid_1", "wxid_2"}));
        QCOMPARE(page[0].timestampMs, 1234);
        QCOMPARE(page[0].talkerName, QStringLiteral("客户甲"));
    }

    void aBatchGathersLongerOnlyAfterTheWriterFellBehind()
    {
        using Goal = StoreWriter::GatherGoal;
        const Goal calm = StoreWriter::gatherGoal(StoreWriter::kBatchRows - 1);
        QCOMPARE(calm.rows, StoreWriter::kBatchRows);
        QCOMPARE(calm.delayMs, StoreWriter::kBatchDelayMs);
        const Goal idle = StoreWriter::gatherGoal(0);
        QCOMPARE(idle.rows, StoreWriter::kBatchRows);
        const Goal flood = StoreWriter::gatherGoal(StoreWriter::kBatchRows);
        QCOMPARE(flood.rows, StoreWriter::kFloodRows);
        QCOMPARE(flood.delayMs, StoreWriter::kFloodDelayMs);
        QVERIFY(StoreWriter::kFloodRows > StoreWriter::kBatchRows);
    }

    // A backlog at login: the writer is behind (a batch of kBatchRows or
    // more), and what arrives meanwhile in small jobs is committed in a few
    // large batches rather than one every kBatchDelayMs. A send waiting for
    // its commit does not wait for the gathering.
    void aFloodIsCommittedInFewLargeBatchesAndASendCutsItShort()
    {
        Store store;
        QString error;
        QVERIFY2(store.open(m_path, &error), qPrintable(error));

        // Which batch a job ran in: a batch's counter is numbered before
        // its commit, once per batch.
        struct BatchNumber
        {
            int number = 0;
        };
        std::atomic<int> batches{0};
        std::mutex mutex;
        QVector<int> batchOfJob;
        const auto job = [&](int index, int sleepMs) {
            return [&, index, sleepMs](StoreWriter::Batch &b) {
                BatchNumber &n = b.perBatch<BatchNumber>(
                    [&batches](StoreWriter::Batch &, BatchNumber &) { ++batches; });
                if (n.number == 0)
                    n.number = batches.load() + 1;
                if (sleepMs > 0)
                    std::this_thread::sleep_for(std::chrono::milliseconds(sleepMs));
                std::lock_guard lock(mutex);
                if (batchOfJob.size() <= index)
                    batchOfJob.resize(index + 1);
                batchOfJob[index] = n.number;
            };
        };
        // The writer falls behind: a big slow batch.
        QVERIFY(store.submitWrite(job(0, 50), StoreWriter::kBatchRows + 100));
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        // 60 jobs of 100 rows, one every ms (within kFloodDelayMs, closer
        // than kFloodGapMs, fewer rows than kFloodRows): without the flood
        // rule, a batch every kBatchDelayMs.
        constexpr int kJobs = 60;
        for (int i = 1; i <= kJobs; ++i) {
            QVERIFY(store.submitWrite(job(i, 0), 100));
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        store.flush();
        QCOMPARE(batchOfJob.size(), kJobs + 1);
        QSet<int> floodBatches;
        for (int i = 1; i <= kJobs; ++i)
            floodBatches.insert(batchOfJob[i]);
        // One batch while the slow one ran and the rest gathered in one or
        // two; a loaded machine may stretch a pause past kFloodGapMs.
        QVERIFY2(floodBatches.size() <= 4,
                 qPrintable(QStringLiteral("%1 batches").arg(floodBatches.size())));

        // Behind again, then a send claim that must commit promptly: it does
        // not wait out kFloodDelayMs behind the gathering.
        QVERIFY(store.submitWrite(job(kJobs + 1, 30), StoreWriter::kBatchRows + 100));
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        QVERIFY(store.submitWrite(job(kJobs + 2, 0), 100));
        std::atomic<bool> promptCommitted{false};
        QElapsedTimer sinceSubmit;
        sinceSubmit.start();
        std::atomic<qint64> promptMs{-1};
        QVERIFY(store.submitWrite(
            [&](StoreWriter::Batch &b) {
                b.afterCommit([&] {
                    promptMs = sinceSubmit.elapsed();
                    promptCommitted = true;
                });
            },
            1, StoreWriter::Commit::Promptly));
        store.flush();
        QVERIFY(promptCommitted);
        // The slow batch's remaining ~25 ms, then at once; the gathering
        // would have added kFloodDelayMs.
        QVERIFY2(promptMs < StoreWriter::kFloodDelayMs,
                 qPrintable(QStringLiteral("%1 ms").arg(promptMs.load())));

        // Behind again, and the backlog ends: the last rows do not wait out
        // kFloodDelayMs, the batch closes kFloodGapMs after the last job.
        QVERIFY(store.submitWrite(job(kJobs + 3, 30), StoreWriter::kBatchRows + 100));
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        QElapsedTimer sinceLast;
        sinceLast.start();
        std::atomic<qint64> lastMs{-1};
        QVERIFY(store.submitWrite(
            [&](StoreWriter::Batch &b) { b.afterCommit([&] { lastMs = sinceLast.elapsed(); }); },
            100));
        QTRY_VERIFY(lastMs >= 0);
        QVERIFY2(lastMs < StoreWriter::kFloodDelayMs,
                 qPrintable(QStringLiteral("%1 ms").arg(lastMs.load())));
    }

    void readerSeesCommittedRowsWhileWriterWrites()
    {
        Store store;
        QString error;
        QVERIFY2(store.open(m_path, &error), qPrintable(error));
        const int batches = 40;
        const int perBatch = 250;
        std::atomic<bool> done{false};
        std::thread writer([&] {
            for (int b = 0; b < batches; ++b) {
                QVector<Message> batch;
                for (int i = 0; i < perBatch; ++i) {
                    batch.append(makeMessage(QStringLiteral("c-%1-%2").arg(b).arg(i), "r1@chatroom",
                                             b * 1000 + i, QStringLiteral("并发写入 %1").arg(i)));
                }
                store.insertMessages(batch);
            }
            store.flush();
            done = true;
        });
        auto reader = store.createReader();
        qint64 last = 0;
        int reads = 0;
        while (!done || reads == 0) {
            const qint64 n = reader->messageCount();
            QVERIFY(n >= last); // committed rows never disappear
            last = n;
            const QVector<Message> page = reader->messagesBefore("acc", "r1@chatroom", {}, 50);
            QVERIFY(page.size() <= 50);
            ++reads;
        }
        writer.join();
        QCOMPARE(reader->messageCount(), qint64(batches * perBatch));
    }

    void readRunsOnReaderThreadAndAnswersInContextThread()
    {
        Store store;
        QString error;
        QVERIFY2(store.open(m_path, &error), qPrintable(error));
        store.insertMessages(
            {makeMessage("m1", "r1@chatroom", 1, "x"), makeMessage("m2", "r1@chatroom", 2, "y")});
        store.flush();
        QObject context;
        qint64 answer = -1;
        QThread *answeredIn = nullptr;
        store.read<qint64>(
            &context, [](StoreReader &r) { return r.messageCount(); },
            [&](qint64 n) {
                answer = n;
                answeredIn = QThread::currentThread();
            });
        QTRY_COMPARE_WITH_TIMEOUT(answer, 2, 20000);
        QCOMPARE(answeredIn, QThread::currentThread());

        // A context that is gone by the time the answer comes: dropped.
        bool called = false;
        {
            QObject gone;
            store.read<int>(
                &gone,
                [](StoreReader &r) {
                    QThread::msleep(50);
                    return r.schemaVersion();
                },
                [&](int) { called = true; });
        }
        int after = 0;
        store.read<int>(
            &context, [](StoreReader &r) { return r.schemaVersion(); }, [&](int v) { after = v; });
        QTRY_COMPARE_WITH_TIMEOUT(after, Store::kSchemaVersion, 20000);
        QVERIFY(!called);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
