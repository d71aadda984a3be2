// The Contacts tab: a search box filters contacts by name, remark, WeChat ID
// or tag, in characters or pinyin; staff tags on contacts show in a column
// and follow tag edits.

#include "ContactsPage.h"
#include "store/Store.h"

#include <QLineEdit>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace gd;

namespace {
QStringList shownNames(ContactsPage &page)
{
    QStringList out;
    for (int row = 0; row < page.contactsModel()->rowCount(); ++row) {
        if (!page.contactsView()->isRowHidden(row, QModelIndex()))
            out.append(page.contactsModel()->item(row, 0)->text());
    }
    out.sort();
    return out;
}

QString tagsOf(ContactsPage &page, const QString &name)
{
    for (int row = 0; row < page.contactsModel()->rowCount(); ++row) {
        if (page.contactsModel()->item(row, 0)->text() == name)
            return page.contactsModel()->item(row, 3)->text();
    }
    return QStringLiteral("<missing>");
}
} // namespace

class TestContactsSearchTags : public QObject
{
    Q_OBJECT
private slots:
    void searchFiltersAndTagsShow()
    {
        QTemporaryDir dir;
        Store store;
        QVERIFY(store.open(dir.filePath("contacts.sqlite"), nullptr));
        QVector<Contact> contacts;
        for (const auto &[id, name, alias] :
             {std::tuple{"wxid_zs", "张三", "老客户"}, std::tuple{"wxid_ls", "李四", ""},
              std::tuple{"wxid_ww", "王五", "星河经销商"}}) {
            Contact c;
            c.accountId = "acc";
            c.id = QString::fromUtf8(id);
            c.name = QString::fromUtf8(name);
            c.alias = QString::fromUtf8(alias);
            c.isFriend = true;
            contacts << c;
        }
        store.upsertContacts(contacts);
        store.addTag(TagTarget::Contact, "acc", "wxid_zs", "VIP");
        store.addTag(TagTarget::Contact, "acc", "wxid_ww", "VIP");
        store.addTag(TagTarget::Contact, "acc", "wxid_ww", "华东区");
        store.addTag(TagTarget::Room, "acc", "wxid_ls", "VIP"); // a room tag: not a contact's
        store.flush();

        ContactsPage page(&store);
        page.setAccount("acc");
        QTRY_COMPARE_WITH_TIMEOUT(page.contactsModel()->rowCount(), 3, 20000);
        QCOMPARE(tagsOf(page, "张三"), QStringLiteral("VIP"));
        QCOMPARE(tagsOf(page, "王五"), QStringLiteral("VIP, 华东区"));
        QCOMPARE(tagsOf(page, "李四"), QString());

        page.contactSearch()->setText("zhangsan"); // pinyin
        QCOMPARE(shownNames(page), QStringList{"张三"});
        page.contactSearch()->setText("lkh"); // the remark 老客户, by initials
        QCOMPARE(shownNames(page), QStringList{"张三"});
        page.contactSearch()->setText("VIP"); // a tag
        QCOMPARE(shownNames(page), QStringList({"张三", "王五"}));
        page.contactSearch()->setText("wxid_ls"); // the WeChat ID
        QCOMPARE(shownNames(page), QStringList{"李四"});
        page.contactSearch()->setText("没有这个人");
        QVERIFY(shownNames(page).isEmpty());
        page.contactSearch()->clear();
        QCOMPARE(shownNames(page).size(), 3);

        // A tag edit shows at once, and the filter holds through the reload.
        page.contactSearch()->setText("hdq");
        QCOMPARE(shownNames(page), QStringList{"王五"});
        store.addTag(TagTarget::Contact, "acc", "wxid_ls", "华东区");
        QTRY_COMPARE_WITH_TIMEOUT(tagsOf(page, "李四"), QStringLiteral("华东区"), 20000);
        QCOMPARE(shownNames(page), QStringList({"李四", "王五"}));
    }
};

QTEST_MAIN(TestContactsSearchTags)
#include "tst_contacts_search_tags.moc"
