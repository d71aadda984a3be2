// FeedModel: the bounded window over one conversation.

#include "FeedModel.h"

#include <QSignalSpy>
#include <QTest>

using namespace gd;

namespace {
Message msg(qint64 rowId, qint64 ts = 0, const QString &text = {})
{
    Message m;
    m.rowId = rowId;
    m.id = QStringLiteral("m%1").arg(rowId);
    m.accountId = QStringLiteral("a");
    m.roomId = QStringLiteral("r@chatroom");
    m.kind = MessageKind::Text;
    m.timestampMs = ts ? ts : 1'700'000'000'000LL + rowId * 1000;
    m.text = text.isEmpty() ? QStringLiteral("text %1").arg(rowId) : text;
    return m;
}

QVector<Message> range(qint64 from, qint64 to)
{
    QVector<Message> v;
    for (qint64 i = from; i <= to; ++i)
        v.append(msg(i));
    return v;
}

QVector<qint64> rowIds(const FeedModel &model)
{
    QVector<qint64> ids;
    for (int i = 0; i < model.size(); ++i)
        ids.append(model.at(i).rowId);
    return ids;
}

bool ascending(const FeedModel &model)
{
    for (int i = 1; i < model.size(); ++i) {
        if (model.at(i - 1).timestampMs > model.at(i).timestampMs)
            return false;
    }
    return true;
}
} // namespace

class TestFeedModel : public QObject
{
    Q_OBJECT
private slots:
    void liveAppendsNeverExceedCapacityAndDropOldest()
    {
        FeedModel model(50);
        QSignalSpy dropped(&model, &FeedModel::rowsDroppedFromFront);
        for (int batch = 0; batch < 10; ++batch)
            model.appendNewer(range(batch * 20 + 1, batch * 20 + 20));
        QCOMPARE(model.size(), 50);
        QCOMPARE(model.at(0).rowId, 151);
        QCOMPARE(model.at(49).rowId, 200);
        QVERIFY(dropped.count() > 0);
        QVERIFY(!model.containsRowId(150)); // the dedupe index forgets dropped rows too
        QVERIFY(ascending(model));
    }

    void prependingOlderPagesKeepsChronologicalOrder()
    {
        FeedModel model(1000);
        model.appendNewer(range(201, 300));
        QSignalSpy prepended(&model, &FeedModel::rowsPrepended);
        model.prependOlder(range(101, 200));
        model.prependOlder(range(1, 100));
        QCOMPARE(prepended.count(), 2);
        QCOMPARE(prepended.at(0).at(0).toInt(), 100);
        QCOMPARE(model.size(), 300);
        QVector<qint64> expected;
        for (qint64 i = 1; i <= 300; ++i)
            expected.append(i);
        QCOMPARE(rowIds(model), expected);
        QCOMPARE(model.oldestCursor().rowId, 1);
        QCOMPARE(model.newestCursor().rowId, 300);
    }

    void prependingPastCapacityDropsNewestAndMarksTruncated()
    {
        FeedModel model(150);
        model.appendNewer(range(201, 300));
        model.prependOlder(range(101, 200));
        QCOMPARE(model.size(), 150);
        QCOMPARE(model.at(0).rowId, 101);
        QCOMPARE(model.at(149).rowId, 250);
        QVERIFY(model.newerTruncated());
    }

    void duplicatesByRowIdAreIgnored()
    {
        FeedModel model(100);
        QCOMPARE(model.appendNewer(range(1, 10)), 10);
        QCOMPARE(model.appendNewer(range(5, 12)), 2); // 5..10 already held
        QCOMPARE(model.prependOlder(range(1, 3)), 0);
        QVector<Message> twice = {msg(20), msg(20)};
        QCOMPARE(model.appendNewer(twice), 1);
        QCOMPARE(model.size(), 13);
        QVector<qint64> seen;
        for (int i = 0; i < model.size(); ++i) {
            QVERIFY2(!seen.contains(model.at(i).rowId), "a row is held twice");
            seen.append(model.at(i).rowId);
        }
    }

    void stragglerIsPlacedInOrder()
    {
        FeedModel model(100);
        model.appendNewer(range(1, 5));
        model.appendNewer({msg(6, 1'700'000'000'000LL + 2500)}); // older than rows 3..5
        QVERIFY(ascending(model));
        QCOMPARE(model.size(), 6);
    }

    void pendingEntryLeavesWhenItsEchoArrives()
    {
        FeedModel model(100);
        model.appendNewer(range(1, 3));
        OutboxEntry entry;
        entry.id = 7;
        entry.accountId = QStringLiteral("a");
        entry.conversationId = QStringLiteral("r@chatroom");
        entry.text = QStringLiteral("hello");
        entry.state = OutboxState::Sending;
        model.upsertPending(entry);
        QCOMPARE(model.pending().size(), 1);

        entry.state = OutboxState::Sent;
        entry.messageId = QStringLiteral("gw-42");
        model.upsertPending(entry);
        QCOMPARE(model.pending().size(), 1);
        QCOMPARE(model.pending().first().state, OutboxState::Sent);

        Message echo = msg(4);
        echo.id = QStringLiteral("gw-42");
        echo.fromSelf = true;
        echo.text = QStringLiteral("hello");
        QSignalSpy pendingChanged(&model, &FeedModel::pendingChanged);
        model.appendNewer({echo});
        QVERIFY(model.pending().isEmpty());
        QCOMPARE(pendingChanged.count(), 1);

        // A late state update for an echoed entry does not bring it back.
        model.upsertPending(entry);
        QVERIFY(model.pending().isEmpty());
    }

    void echoLinkedByOutboxIdAlsoClearsPending()
    {
        FeedModel model(100);
        OutboxEntry entry;
        entry.id = 9;
        entry.text = QStringLiteral("hi");
        entry.state = OutboxState::Queued;
        model.setPending({entry});
        Message echo = msg(1);
        echo.outboxId = 9;
        model.appendNewer({echo});
        QVERIFY(model.pending().isEmpty());
    }

    void failedEntriesStayPending()
    {
        FeedModel model(100);
        model.appendNewer(range(1, 3));
        OutboxEntry entry;
        entry.id = 3;
        entry.state = OutboxState::Failed;
        entry.error = QStringLiteral("gateway refused");
        entry.createdMs = 1; // long ago
        model.setPending({entry});
        QCOMPARE(model.pending().size(), 1);
    }

    void clearEmptiesEverything()
    {
        FeedModel model(100);
        model.appendNewer(range(1, 3));
        model.setReachedStart(true);
        model.clear();
        QCOMPARE(model.size(), 0);
        QVERIFY(!model.reachedStart());
        QVERIFY(model.oldestCursor().isNull());
        QCOMPARE(model.appendNewer(range(1, 3)), 3); // rows are accepted again
    }
};

QTEST_GUILESS_MAIN(TestFeedModel)
#include "tst_feed_model.moc"
