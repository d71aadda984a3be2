// Staff tags in the room list: the tag filter keeps exactly the rooms with
// that tag and follows tag edits; the tag editor writes only what changed.

#include "RoomListModel.h"
#include "TagEditorDialog.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QLineEdit>
#include <QListWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;

class TestRoomTagFilter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Store m_store;

    static QSet<QString> roomIds(const RoomListModel &model)
    {
        QSet<QString> out;
        for (int i = 0; i < model.rowCount(); ++i)
            out.insert(model.summaryAt(i).roomId);
        return out;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_store.open(m_dir.filePath("tags.db"), &error), qPrintable(error));
        QVector<Room> rooms;
        for (int r = 0; r < 4; ++r) {
            Room room;
            room.accountId = "acc";
            room.id = QStringLiteral("r%1@chatroom").arg(r);
            room.topic = QStringLiteral("华东区%1群").arg(r);
            rooms << room;
        }
        m_store.upsertRooms(rooms);
        m_store.addTag(TagTarget::Room, "acc", "r0@chatroom", "VIP");
        m_store.addTag(TagTarget::Room, "acc", "r2@chatroom", "VIP");
        m_store.addTag(TagTarget::Room, "acc", "r2@chatroom", "售后");
        m_store.addTag(TagTarget::Room, "other", "r1@chatroom", "VIP"); // another account
        m_store.flush();
    }

    void tagFilterKeepsOnlyTaggedRoomsAndFollowsEdits()
    {
        RoomListModel model(&m_store);
        model.setAccount("acc");
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 4, 20000);
        model.setTagFilter("VIP");
        QTRY_COMPARE_WITH_TIMEOUT(roomIds(model), QSet<QString>({"r0@chatroom", "r2@chatroom"}),
                                  20000);
        model.setTagFilter("售后");
        QTRY_COMPARE_WITH_TIMEOUT(roomIds(model), QSet<QString>({"r2@chatroom"}), 20000);
        // Tagging another room shows it without touching the filter.
        m_store.addTag(TagTarget::Room, "acc", "r3@chatroom", "售后");
        QTRY_COMPARE_WITH_TIMEOUT(roomIds(model), QSet<QString>({"r2@chatroom", "r3@chatroom"}),
                                  20000);
        model.setTagFilter("没有这个标签");
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, 20000);
        model.setTagFilter({});
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 4, 20000);
    }

    void rowsCarryTheirTagsForTheChips()
    {
        RoomListModel model(&m_store);
        model.setAccount("acc");
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 4, 20000);
        auto tagsOf = [&model](const QString &roomId) {
            return model.index(model.rowOf(roomId)).data(RoomListModel::TagsRole).toStringList();
        };
        QTRY_COMPARE_WITH_TIMEOUT(tagsOf("r0@chatroom"), QStringList{"VIP"}, 20000);
        QCOMPARE(tagsOf("r1@chatroom"), QStringList()); // VIP there is another account's
        QVERIFY(tagsOf("r2@chatroom").contains("售后"));
        QVERIFY(tagsOf("r2@chatroom").contains("VIP"));
        m_store.addTag(TagTarget::Room, "acc", "r1@chatroom", "华东区");
        QTRY_COMPARE_WITH_TIMEOUT(tagsOf("r1@chatroom"), QStringList{"华东区"}, 20000);
        m_store.removeTag(TagTarget::Room, "acc", "r1@chatroom", "华东区");
        QTRY_COMPARE_WITH_TIMEOUT(tagsOf("r1@chatroom"), QStringList(), 20000);
    }

    void tagEditorWritesOnlyTheDifferences()
    {
        TagEditorDialog dialog(&m_store, TagTarget::Room, "acc", "r2@chatroom", "华东区2群");
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded(), 20000);
        const QStringList checked = dialog.checkedTags();
        QCOMPARE(QSet<QString>(checked.begin(), checked.end()), QSet<QString>({"VIP", "售后"}));
        // Untick VIP, add 华东区.
        const auto vip = dialog.tagList()->findItems("VIP", Qt::MatchExactly);
        QCOMPARE(vip.size(), 1);
        vip.first()->setCheckState(Qt::Unchecked);
        dialog.newTagEdit()->setText("  华东区 ");
        dialog.accept();
        m_store.flush();
        auto reader = m_store.createReader();
        QCOMPARE(reader->tagsOf(TagTarget::Room, "acc", "r2@chatroom"),
                 QStringList({"华东区", "售后"}));
        QCOMPARE(reader->tagsOf(TagTarget::Room, "acc", "r0@chatroom"), QStringList({"VIP"}));
        QVERIFY(reader->allTags().contains("华东区"));
    }
};

QTEST_MAIN(TestRoomTagFilter)
#include "tst_room_tag_filter.moc"
