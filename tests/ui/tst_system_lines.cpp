// Issue 11, item 4: group events are stored as data (kind, actor, targets)
// and the feed renders them in the reader's language; rows stored before
// (text only) still show their text.
#include "FeedView.h"
#include "model/SystemEvent.h"
#include "model/Types.h"

#include <QCoreApplication>
#include <QTranslator>
#include <QtTest>

using namespace gd;

class TestSystemLines : public QObject
{
    Q_OBJECT
private slots:
    void eventDataSurvivesJson()
    {
        SystemEvent e;
        e.kind = SystemEvent::Kind::Join;
        e.actorId = QStringLiteral("wxid_a");
        e.actorName = QStringLiteral("小王");
        e.targetIds = {QStringLiteral("wxid_b"), QStringLiteral("wxid_c")};
        e.targetNames = {QStringLiteral("<b>李</b>"), QString()};
        const SystemEvent back = SystemEvent::fromJson(e.toJson());
        QCOMPARE(back.kind, SystemEvent::Kind::Join);
        QCOMPARE(back.actorId, e.actorId);
        QCOMPARE(back.actorName, e.actorName);
        QCOMPARE(back.targetIds, e.targetIds);
        QCOMPARE(back.targetNames, e.targetNames);
        // A target without a known name shows its id.
        QCOMPARE(back.describe(), QStringLiteral("小王 invited <b>李</b>, wxid_c to the group"));

        SystemEvent topic;
        topic.kind = SystemEvent::Kind::TopicChange;
        topic.topic = QStringLiteral("售后二群");
        QCOMPARE(SystemEvent::fromJson(topic.toJson()).topic, topic.topic);
        QCOMPARE(SystemEvent::fromJson(topic.toJson()).describe(),
                 QStringLiteral("The group name was changed to \"售后二群\""));

        SystemEvent left;
        left.kind = SystemEvent::Kind::Leave;
        left.actorId = QStringLiteral("wxid_b");
        left.targetIds = {QStringLiteral("wxid_b")};
        left.targetNames = {QStringLiteral("李")};
        QCOMPARE(SystemEvent::fromJson(left.toJson()).describe(),
                 QStringLiteral("李 left the group"));
    }

    void unreadableDataIsNull()
    {
        QVERIFY(SystemEvent::fromJson(QString()).isNull());
        QVERIFY(SystemEvent::fromJson(QStringLiteral("{not json")).isNull());
        QVERIFY(SystemEvent::fromJson(QStringLiteral("[1,2]")).isNull());
        QVERIFY(SystemEvent::fromJson(QStringLiteral(R"({"kind":"poll"})")).isNull());
        QVERIFY(SystemEvent().toJson().isEmpty());
    }

    void feedShowsTheEventInTheReadersLanguage()
    {
        SystemEvent e;
        e.kind = SystemEvent::Kind::Leave;
        e.actorId = QStringLiteral("wxid_owner");
        e.actorName = QStringLiteral("群主");
        e.targetIds = {QStringLiteral("wxid_b")};
        e.targetNames = {QStringLiteral("李")};
        Message m;
        m.kind = MessageKind::System;
        m.text = QStringLiteral("群主 removed 李 from the group"); // as stored when it came
        m.systemEvent = e.toJson();
        QCOMPARE(FeedView::displayText(m), QStringLiteral("群主 removed 李 from the group"));

        QTranslator zh;
        QVERIFY(zh.load(QStringLiteral(":/i18n/groupdesk_zh_CN.qm")));
        QCoreApplication::installTranslator(&zh);
        const QString shown = FeedView::displayText(m);
        QCoreApplication::removeTranslator(&zh);
        QVERIFY2(shown != m.text, qPrintable(shown)); // not the stored English line
        QVERIFY2(shown.contains(QStringLiteral("群主")) && shown.contains(QStringLiteral("李")),
                 qPrintable(shown));

        // A row stored before events were data: its text, as it was.
        Message old;
        old.kind = MessageKind::System;
        old.text = QStringLiteral("王五 加入了群聊");
        QCOMPARE(FeedView::displayText(old), old.text);
    }
};

QTEST_MAIN(TestSystemLines)

#include "tst_system_lines.moc"
