// Text from outside is plain text everywhere, tooltips included: markup put
// into every outside field (room topic, contact name, remark, room alias,
// message text, file name) must show literally in every widget that shows it,
// never as bold text, a link or a local image. Each check asks what Qt would
// render: a tooltip or an AutoText label is rich text when it starts with a
// tag, so such text is rendered through QTextDocument and compared.

#include "AccountListModel.h"
#include "ContactsPage.h"
#include "MainWindow.h"
#include "PlainText.h"
#include "RoomListModel.h"
#include "SendFilePreviewDialog.h"
#include "engine/Engine.h"
#include "store/Store.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>

using namespace gd;

namespace {
const QString kAcc = QStringLiteral("acc");
const QString kRoom = QStringLiteral("r1@chatroom");
// What a hostile topic looked like in the report: bold, a local image, a link.
const QString kMarkup = QStringLiteral(
    "<b>BOLD</b><img src=\"/tmp/x.png\"><a href=\"http://evil.example\">click</a>");

struct Rendered
{
    QString text;
    bool hasImageOrLink = false;
    bool hasBold = false;
};

// What Qt shows for a tooltip or an AutoText label holding `shown`.
Rendered render(const QString &shown)
{
    Rendered r;
    if (!Qt::mightBeRichText(shown)) {
        r.text = shown;
        return r;
    }
    QTextDocument doc;
    doc.setHtml(shown);
    r.text = doc.toPlainText();
    for (QTextBlock b = doc.begin(); b != doc.end(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            r.hasImageOrLink = r.hasImageOrLink || f.isImageFormat() || f.isAnchor();
            r.hasBold = r.hasBold || f.fontWeight() > QFont::Normal;
        }
    }
    return r;
}

Rendered renderLabel(const QLabel *label)
{
    if (label->textFormat() == Qt::PlainText)
        return {label->text(), false, false};
    if (label->textFormat() == Qt::RichText) {
        QTextDocument doc;
        doc.setHtml(label->text());
        return {doc.toPlainText(), true, true};
    }
    return render(label->text());
}

void verifyLiteral(const Rendered &r, const QString &expected, const char *where)
{
    QVERIFY2(!r.hasImageOrLink, where);
    QVERIFY2(!r.hasBold, where);
    QVERIFY2(r.text.simplified().contains(expected.simplified()),
             qPrintable(QStringLiteral("%1 shows \"%2\"").arg(where, r.text)));
}

QString tag(const QString &field)
{
    return QStringLiteral("%1 %2").arg(field, kMarkup);
}
} // namespace

class TestPlainText : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Store m_store;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_store.open(m_dir.filePath("plain.db"), &error), qPrintable(error));
        Contact c;
        c.accountId = kAcc;
        c.id = "wxid_a";
        c.name = tag("name");
        c.alias = tag("remark");
        m_store.upsertContacts({c});
        Room room;
        room.accountId = kAcc;
        room.id = kRoom;
        room.topic = tag("topic");
        m_store.upsertRooms({room});
        RoomMember member;
        member.accountId = kAcc;
        member.roomId = kRoom;
        member.contactId = "wxid_a";
        member.roomAlias = tag("alias");
        m_store.replaceRoomMembers(kAcc, kRoom, {member});
        Message m;
        m.accountId = kAcc;
        m.id = "m1";
        m.roomId = kRoom;
        m.talkerId = "wxid_a";
        m.kind = MessageKind::Text;
        m.text = tag("text");
        m.timestampMs = QDateTime::currentMSecsSinceEpoch();
        Message file = m;
        file.id = "m2";
        file.kind = MessageKind::Attachment;
        file.text.clear();
        file.filename = tag("file") + QStringLiteral(".pdf");
        m_store.insertMessages({m, file});
        m_store.flush();
    }

    void helperTooltipShowsMarkupLiterally()
    {
        verifyLiteral(render(PlainText::toolTip(kMarkup)), kMarkup, "toolTip()");
        verifyLiteral(render(PlainText::toolTip("a & b\n<i>c</i>")), "a & b <i>c</i>",
                      "toolTip() with a line break");
        QCOMPARE(PlainText::toolTip(QString()), QString());
    }

    void notificationBodyShowsMarkupLiterally()
    {
        // A body-markup notification server reads what it gets as HTML: what
        // it reads back must be the customer's text as typed.
        const QString text
            = QStringLiteral("<b>退款</b> <a href=\"http://x\">点</a> & <img src=a.png>");
        const QString body = PlainText::notificationBody(text);
        QVERIFY(!body.contains(QLatin1Char('<')));
        QTextDocument doc;
        doc.setHtml(body);
        QCOMPARE(doc.toPlainText(), text);
    }

    void roomListTooltipIsPlain()
    {
        RoomListModel model(&m_store);
        model.setAccount(kAcc);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 20000);
        const QModelIndex index = model.index(0);
        verifyLiteral(render(index.data(Qt::ToolTipRole).toString()), tag("topic"),
                      "room list tooltip");
    }

    void contactsTabTooltipsArePlain()
    {
        ContactsPage page(&m_store);
        page.setAccount(kAcc);
        QTRY_COMPARE_WITH_TIMEOUT(page.contactsModel()->rowCount(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(page.groupsModel()->rowCount(), 1, 20000);
        page.selectGroup(kRoom);
        QTRY_COMPARE_WITH_TIMEOUT(page.membersModel()->rowCount(), 1, 20000);
        page.selectContact("wxid_a");
        QTRY_COMPARE_WITH_TIMEOUT(page.contactMessagesModel()->rowCount(), 2, 20000);

        int checked = 0;
        for (QStandardItemModel *model :
             {page.contactsModel(), page.groupsModel(), page.membersModel(),
              page.contactGroupsModel(), page.contactMessagesModel()}) {
            for (int row = 0; row < model->rowCount(); ++row) {
                for (int col = 0; col < model->columnCount(); ++col) {
                    const QStandardItem *item = model->item(row, col);
                    if (!item || !item->text().contains(QLatin1Char('<')))
                        continue;
                    verifyLiteral(render(item->toolTip()), item->text(), "contacts tab tooltip");
                    ++checked;
                }
            }
        }
        // name, remark, topic (groups + contact's groups), member alias, message text
        QVERIFY2(checked >= 6, qPrintable(QString::number(checked)));
        QVERIFY(page.membersModel()->item(0, 0)->text().contains(tag("alias")));
    }

    void accountTooltipAndLabelsArePlain()
    {
        Engine engine(&m_store);
        AccountListModel model(&engine);
        AccountInfo info;
        info.id = "acc-x";
        info.displayName = tag("account");
        info.endpoint = QStringLiteral("127.0.0.1:1");
        GatewayEndpoint endpoint;
        endpoint.address = info.endpoint;
        endpoint.token = QStringLiteral("t");
        endpoint.tls = false;
        engine.addAccount(info, endpoint);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 20000);
        const QString tip = model.index(0).data(Qt::ToolTipRole).toString();
        QVERIFY(!tip.isEmpty());
        const Rendered r = render(tip);
        QVERIFY(!r.hasImageOrLink && !r.hasBold);
        QVERIFY(r.text.contains(info.endpoint));

        MainWindow window(&m_store, &engine);
        window.selectAccount(info.id);
        // Status bar labels carry account names and gateway error words.
        for (QLabel *label : window.statusBar()->findChildren<QLabel *>()) {
            if (label->text().contains(QLatin1Char('<')))
                verifyLiteral(renderLabel(label), label->text(), "status bar label");
            QVERIFY2(label->textFormat() == Qt::PlainText || !label->text().contains('<'),
                     qPrintable(label->objectName()));
        }
        engine.shutdown();
    }

    void sendPreviewShowsFileNameLiterally()
    {
        // Markup that fits a file name (no '/').
        const QString path = m_dir.filePath(QStringLiteral("<b>x<img src=a.png>.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("hello");
        f.close();
        SendFilePreviewDialog dialog(path, tag("topic"));
        QSignalSpy done(&dialog, &SendFilePreviewDialog::checkFinished);
        QVERIFY(done.wait(20000));
        for (QLabel *label : dialog.findChildren<QLabel *>()) {
            if (label->text().contains(QLatin1Char('<')))
                verifyLiteral(renderLabel(label), label->text(), "send preview label");
        }
        QVERIFY(dialog.targetText().contains(kMarkup));
    }
};

QTEST_MAIN(TestPlainText)
#include "tst_plain_text.moc"
