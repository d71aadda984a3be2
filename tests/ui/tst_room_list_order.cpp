// The group list under live traffic: the row under the pointer stays put
// while messages arrive at 50 msg/s in other groups (and the list sorts again
// once the pointer leaves); pinned groups stay on top and pins and mutes
// survive a restart; "needs attention" puts the groups whose customers wait
// longest for an answer first.

#include "RoomListModel.h"
#include "RoomOrderHold.h"
#include "RoomPreferences.h"
#include "store/Store.h"

#include <QElapsedTimer>
#include <QListView>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;

namespace {
const QString kAcc = QStringLiteral("acc");

QString roomId(int i)
{
    return QStringLiteral("room%1@chatroom").arg(i);
}

Message message(int room, int n, qint64 ts, bool fromSelf = false)
{
    Message m;
    m.accountId = kAcc;
    m.id = QStringLiteral("r%1-%2").arg(room).arg(n);
    m.roomId = roomId(room);
    m.talkerId = fromSelf ? QStringLiteral("bot") : QStringLiteral("wxid_%1").arg(room);
    m.fromSelf = fromSelf;
    m.kind = MessageKind::Text;
    m.text = QStringLiteral("消息 %1").arg(n);
    m.timestampMs = ts;
    return m;
}

QStringList order(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int i = 0; i < model.rowCount(); ++i)
        ids << model.index(i, 0).data(RoomListModel::RoomIdRole).toString();
    return ids;
}
} // namespace

class TestRoomListOrder : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    void openStore(Store &store, const QString &name, int rooms)
    {
        QString error;
        QVERIFY2(store.open(m_dir.filePath(name), &error), qPrintable(error));
        QVector<Room> list;
        for (int i = 0; i < rooms; ++i) {
            Room r;
            r.accountId = kAcc;
            r.id = roomId(i);
            r.topic = QStringLiteral("售后%1群").arg(i);
            list << r;
        }
        store.upsertRooms(list);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void rowUnderThePointerStaysPutUnderTraffic()
    {
        Store store;
        openStore(store, "hold.db", 12);
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 3600'000;
        QVector<Message> seed;
        for (int i = 0; i < 12; ++i)
            seed << message(i, 0, t0 + i * 1000);
        store.insertMessages(seed);
        store.flush();

        RoomListModel model(&store);
        QListView view;
        view.setModel(&model);
        view.setMouseTracking(true);
        view.resize(300, 12 * 40);
        RoomOrderHold hold(&view, &model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.setAccount(kAcc);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 12, 20000);
        QCOMPARE(order(model).first(), roomId(11)); // most recent first

        // The pointer rests on the fourth row.
        const QPoint point = view.visualRect(model.index(3)).center();
        QTest::mouseMove(view.viewport(), point);
        QTRY_VERIFY(model.isOrderHeld());
        const QString under = view.indexAt(point).data(RoomListModel::RoomIdRole).toString();
        QCOMPARE(under, roomId(8));

        // 50 msg/s for two seconds into the other groups, every one newer.
        QElapsedTimer timer;
        timer.start();
        int sent = 0;
        while (timer.elapsed() < 2000) {
            const int room = sent % 12 == 8 ? 0 : sent % 12;
            store.insertMessages({message(room, 1000 + sent, t0 + 100'000 + sent * 10)});
            ++sent;
            QTest::qWait(20);
            QCOMPARE(view.indexAt(point).data(RoomListModel::RoomIdRole).toString(), under);
        }
        QVERIFY(sent >= 50);
        store.flush();
        QTest::qWait(2 * RoomListModel::kRefreshDelayMs);
        QCOMPARE(view.indexAt(point).data(RoomListModel::RoomIdRole).toString(), under);
        // The contents did update meanwhile (the preview shows the newest text).
        const QModelIndex first = model.index(0);
        QVERIFY(first.data(RoomListModel::LastMessageMsRole).toLongLong() > t0 + 100'000);

        // The pointer leaves: the list sorts again, room 8 sinks (it got nothing).
        QEvent leave(QEvent::Leave);
        QCoreApplication::sendEvent(view.viewport(), &leave);
        QVERIFY(!model.isOrderHeld());
        QVERIFY(order(model).indexOf(roomId(8)) > 3);
        const qint64 top = model.index(0).data(RoomListModel::LastMessageMsRole).toLongLong();
        for (int i = 1; i < model.rowCount(); ++i)
            QVERIFY(model.index(i).data(RoomListModel::LastMessageMsRole).toLongLong() <= top);
    }

    void pinsStayOnTopAndPinsAndMutesPersist()
    {
        Store store;
        openStore(store, "pins.db", 4);
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 3600'000;
        store.insertMessages({message(0, 0, t0), message(1, 0, t0 + 1000), message(2, 0, t0 + 2000),
                              message(3, 0, t0 + 3000)});
        store.flush();
        const QString ini = m_dir.filePath("prefs.ini");
        {
            RoomPreferences prefs(ini);
            RoomListModel model(&store);
            model.setPreferences(&prefs);
            model.setAccount(kAcc);
            QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 4, 20000);
            QCOMPARE(order(model), QStringList({roomId(3), roomId(2), roomId(1), roomId(0)}));
            prefs.setPinned(kAcc, roomId(0), true);
            prefs.setMuted(kAcc, roomId(2), true);
            QCOMPARE(order(model), QStringList({roomId(0), roomId(3), roomId(2), roomId(1)}));
            QVERIFY(model.index(0).data(RoomListModel::PinnedRole).toBool());
            QVERIFY(model.index(2).data(RoomListModel::MutedRole).toBool());
            // New traffic elsewhere does not push the pinned group down.
            store.insertMessages({message(1, 1, t0 + 9000)});
            QTRY_COMPARE_WITH_TIMEOUT(order(model).at(1), roomId(1), 20000);
            QCOMPARE(order(model).first(), roomId(0));
        }
        // A restart: the marks come back from the settings file.
        RoomPreferences prefs(ini);
        QVERIFY(prefs.isPinned(kAcc, roomId(0)));
        QVERIFY(prefs.isMuted(kAcc, roomId(2)));
        QVERIFY(!prefs.isPinned(kAcc, roomId(2)));
        RoomListModel model(&store);
        model.setPreferences(&prefs);
        model.setAccount(kAcc);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 4, 20000);
        QCOMPARE(order(model).first(), roomId(0));
        prefs.setPinned(kAcc, roomId(0), false);
        QCOMPARE(order(model).first(), roomId(1));
    }

    void needsAttentionPutsTheLongestWaitingFirst()
    {
        Store store;
        openStore(store, "attention.db", 5);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        store.insertMessages({
            // room0: a customer waits 30 min (two unanswered messages)
            message(0, 0, now - 40 * 60'000, true),
            message(0, 1, now - 30 * 60'000),
            message(0, 2, now - 5 * 60'000),
            // room1: waits 10 min
            message(1, 0, now - 10 * 60'000),
            // room2: answered
            message(2, 0, now - 50 * 60'000),
            message(2, 1, now - 1 * 60'000, true),
            // room3: waits 60 min, an answer long before
            message(3, 0, now - 90 * 60'000, true),
            message(3, 1, now - 60 * 60'000),
            // room4: the most recent message, answered
            message(4, 0, now - 20'000),
            message(4, 1, now - 10'000, true),
        });
        store.flush();
        RoomListModel model(&store);
        model.setAccount(kAcc);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 5, 20000);
        model.setSortMode(RoomListModel::SortMode::NeedsAttention);
        QTRY_COMPARE_WITH_TIMEOUT(
            order(model), QStringList({roomId(3), roomId(0), roomId(1), roomId(4), roomId(2)}),
            20000);
        QCOMPARE(model.index(1).data(RoomListModel::WaitingSinceRole).toLongLong(),
                 now - 30 * 60'000);
        QCOMPARE(model.index(3).data(RoomListModel::WaitingSinceRole).toLongLong(), 0);
        QVERIFY(model.index(0).data(RoomListModel::TimeTextRole).toString().contains("1 h"));

        // Staff answer room3: it leaves the top.
        store.insertMessages({message(3, 2, now, true)});
        QTRY_COMPARE_WITH_TIMEOUT(order(model).first(), roomId(0), 20000);
        QCOMPARE(order(model).indexOf(roomId(3)), 2); // answered: first of the rest, by recency
    }
};

QTEST_MAIN(TestRoomListOrder)
#include "tst_room_list_order.moc"
