// Search in a fresh session: the panel exists (and has searched) before the
// account's groups and contacts are synced. Once they arrive, the group and
// sender filters list them and the hits show the group's and the sender's
// names instead of ids, without reopening the panel. "Search in this group"
// names the group in the filter even before the group list has it.

#include "SearchPanel.h"
#include "SearchResultsModel.h"
#include "store/Store.h"

#include <QComboBox>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;

namespace {
const QString kAcc = QStringLiteral("acc");
const QString kRoom = QStringLiteral("1002@chatroom");
} // namespace

class TestSearchDirectory : public QObject
{
    Q_OBJECT

private slots:
    void namesFollowTheDirectoryAsItSyncs()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath("fresh.db"), &error), qPrintable(error));
        SearchPanel panel(&store);
        panel.setAccount(kAcc);
        // "Search in this group" before the group list has it: the filter says so.
        panel.setConversationScope(kRoom, QStringLiteral("星河售后1群"));
        QCOMPARE(panel.roomFilter()->currentText(), QStringLiteral("星河售后1群"));
        QCOMPARE(panel.conversationScope(), kRoom);

        // Messages first, as in a fresh session: ids only.
        QVector<Message> batch;
        for (int i = 0; i < 5; ++i) {
            Message m;
            m.accountId = kAcc;
            m.id = QStringLiteral("m%1").arg(i);
            m.roomId = kRoom;
            m.talkerId = "wxid_zhang";
            m.kind = MessageKind::Text;
            m.text = QStringLiteral("我要退款 %1").arg(i);
            m.timestampMs = QDateTime::currentMSecsSinceEpoch() - (10 - i) * 1000;
            batch << m;
        }
        store.insertMessages(batch);
        store.flush();
        panel.queryEdit()->setText(QStringLiteral("退款"));
        panel.searchNow();
        QTRY_COMPARE_WITH_TIMEOUT(panel.resultsModel()->rowCount(), 5, 20000);
        QCOMPARE(panel.resultsModel()->index(0).data(SearchResultsModel::SenderRole).toString(),
                 QStringLiteral("wxid_zhang"));
        QCOMPARE(panel.roomFilter()->currentText(), QStringLiteral("星河售后1群"));

        // The directory syncs.
        Room room;
        room.accountId = kAcc;
        room.id = kRoom;
        room.topic = QStringLiteral("星河售后1群");
        store.upsertRooms({room});
        Contact c;
        c.accountId = kAcc;
        c.id = "wxid_zhang";
        c.name = QStringLiteral("张三");
        store.upsertContacts({c});

        QTRY_COMPARE_WITH_TIMEOUT(
            panel.resultsModel()->index(0).data(SearchResultsModel::RoomNameRole).toString(),
            QStringLiteral("星河售后1群"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(
            panel.resultsModel()->index(0).data(SearchResultsModel::SenderRole).toString(),
            QStringLiteral("张三"), 20000);
        QVERIFY(panel.roomFilter()->findData(kRoom) > 0);
        QCOMPARE(panel.roomFilter()->findData(kRoom), panel.roomFilter()->currentIndex());
        QCOMPARE(panel.roomFilter()->currentText(), QStringLiteral("星河售后1群"));
        QVERIFY(panel.senderFilter()->findText(QStringLiteral("张三")) > 0);
        QCOMPARE(panel.conversationScope(), kRoom); // the scope survived the reload
    }
};

QTEST_MAIN(TestSearchDirectory)
#include "tst_search_directory.moc"
