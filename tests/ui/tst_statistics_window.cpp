// The statistics window over a real store: the figures arrive from the
// worker thread and fill the summary and charts, word counts run with
// progress and can be cancelled, clicking a word asks to search for it,
// and a newer request wins over an older one. With GD_SCREENSHOT_DIR set it
// saves each tab; with GD_STATS_DB too, over that archive (the demo's).

#include "Translations.h"
#include "stats/StatisticsWindow.h"
#include "stats/StatsService.h"
#include "store/Store.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;

class TestStatisticsWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Store> m_store;
    qint64 m_customer = 0;
    qint64 m_staff = 0;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings under ~/.qttest
        if (qEnvironmentVariableIsSet("GD_SCREENSHOT_DIR"))
            Translations::install(qApp);
        m_store = std::make_unique<Store>();
        QString error;
        m_path = qEnvironmentVariable("GD_STATS_DB");
        if (m_path.isEmpty())
            m_path = m_dir.filePath(QStringLiteral("w.db"));
        QVERIFY2(m_store->open(m_path, &error), qPrintable(error));
        if (qEnvironmentVariableIsSet("GD_STATS_DB"))
            return;
        m_store->upsertRooms({{QStringLiteral("acc"),
                               QStringLiteral("r1@chatroom"),
                               QStringLiteral("星河电器售后1群"),
                               {},
                               {},
                               {},
                               {}},
                              {QStringLiteral("acc"),
                               QStringLiteral("r2@chatroom"),
                               QStringLiteral("以旧换新活动群"),
                               {},
                               {},
                               {},
                               {}}});
        const QStringList texts
            = {QStringLiteral("我要退款，空调一直不制冷"), QStringLiteral("退款什么时候到账"),
               QStringLiteral("安装师傅几点上门"), QStringLiteral("发票怎么开")};
        QVector<Message> messages;
        const QDate today = QDate::currentDate();
        for (int i = 0; i < 60; ++i) {
            Message m;
            m.accountId = QStringLiteral("acc");
            m.id = QStringLiteral("m%1").arg(i);
            m.roomId = QStringLiteral("r1@chatroom");
            m.kind = MessageKind::Text;
            m.fromSelf = i % 4 == 3;
            m.talkerId = m.fromSelf ? QStringLiteral("bot") : QStringLiteral("c%1").arg(i % 5);
            m.text = m.fromSelf ? QStringLiteral("好的，马上处理") : texts[i % texts.size()];
            m.timestampMs
                = QDateTime(today.addDays(-(i % 3)), QTime(9 + i % 8, i % 60)).toMSecsSinceEpoch();
            ++(m.fromSelf ? m_staff : m_customer);
            messages.append(m);
        }
        m_store->insertMessages(messages);
        m_store->flush();
    }

    void figuresFillTheSummaryAndCharts()
    {
        StatsService service(m_path);
        StatisticsWindow window(m_store.get(), &service);
        QSignalSpy shown(&window, &StatisticsWindow::figuresShown);
        window.resize(1200, 820);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 1, 10000);
        if (qEnvironmentVariableIsSet("GD_STATS_DB")) {
            screenshots(window);
            return;
        }
        QCOMPARE(window.figures().current.customerMessages, m_customer);
        QCOMPARE(window.figures().current.staffMessages, m_staff);
        QCOMPARE(window.figures().current.activeCustomers, 5);
        // The volume lines add up to the same messages.
        auto *view = window.tabs()->widget(0)->findChild<QChartView *>();
        QVERIFY(view);
        double customers = 0;
        const auto series = view->chart()->series();
        QCOMPARE(series.size(), 2);
        for (const QPointF &p : static_cast<QLineSeries *>(series[0])->points())
            customers += p.y();
        QCOMPARE(qint64(customers), m_customer);
        // The summary shows the figure (as the locale writes numbers).
        bool found = false;
        for (QLabel *label : window.findChildren<QLabel *>())
            found = found || label->text() == QLocale().toString(m_customer);
        QVERIFY(found);
    }

    void wordsCountOffTheGuiThreadAndAClickSearches()
    {
        if (qEnvironmentVariableIsSet("GD_STATS_DB"))
            QSKIP("screenshots only");
        StatsService service(m_path);
        StatisticsWindow window(m_store.get(), &service);
        QSignalSpy shown(&window, &StatisticsWindow::figuresShown);
        QSignalSpy words(&window, &StatisticsWindow::wordsShown);
        QSignalSpy search(&window, &StatisticsWindow::wordSearchRequested);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 1, 10000);
        window.countWords();
        QVERIFY(window.isCountingWords()); // returned at once: the work is elsewhere
        QTRY_VERIFY_WITH_TIMEOUT(words.size() == 1, 30000);
        QVERIFY(!window.isCountingWords());
        QTableWidget *table = window.wordTable();
        QVERIFY(table->rowCount() > 3);
        int refundRow = -1;
        for (int r = 0; r < table->rowCount(); ++r) {
            if (table->item(r, 1)->text() == QStringLiteral("退款"))
                refundRow = r;
        }
        QVERIFY2(refundRow >= 0, "退款 is counted as one word");
        // Customers wrote the first three texts 15 times each; 退款 is in two.
        QCOMPARE(table->item(refundRow, 2)->text(), QLocale().toString(30));
        const QRect cell = table->visualItemRect(table->item(refundRow, 1));
        window.tabs()->setCurrentIndex(3);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(search.size(), 1);
        QCOMPARE(search.first().first().toString(), QStringLiteral("退款"));

        // Cancelled: no list arrives, the buttons are back.
        window.countWords();
        window.cancelWords();
        QVERIFY(!window.isCountingWords());
        QTest::qWait(500);
        QCOMPARE(words.size(), 1);
        // A new period drops the old list (it belongs to the old period).
        window.setPeriod(QDate::currentDate().addDays(-1), QDate::currentDate());
        QCOMPARE(window.wordTable()->rowCount(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 2, 10000);
    }

    void productNamesStayWhole()
    {
        if (qEnvironmentVariableIsSet("GD_STATS_DB"))
            QSKIP("screenshots only");
        // Customers name a product the dictionary does not know: counted in
        // pieces until it is on the list of product names.
        const QString product = QStringLiteral("星河悦享");
        QVector<Message> messages;
        for (int i = 0; i < 6; ++i) {
            Message m;
            m.accountId = QStringLiteral("acc");
            m.id = QStringLiteral("p%1").arg(i);
            m.roomId = QStringLiteral("r2@chatroom");
            m.kind = MessageKind::Text;
            m.talkerId = QStringLiteral("c9");
            m.text = product + QStringLiteral("空调漏水了");
            m.timestampMs = QDateTime(QDate::currentDate(), QTime(11, i)).toMSecsSinceEpoch();
            messages.append(m);
        }
        m_store->insertMessages(messages);
        m_store->flush();
        StatsService service(m_path);
        StatisticsWindow window(m_store.get(), &service);
        QSignalSpy shown(&window, &StatisticsWindow::figuresShown);
        QSignalSpy words(&window, &StatisticsWindow::wordsShown);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 1, 10000);
        auto countOf = [&window](const QString &word) {
            QTableWidget *table = window.wordTable();
            for (int r = 0; r < table->rowCount(); ++r) {
                if (table->item(r, 1)->text() == word)
                    return table->item(r, 2)->text();
            }
            return QString();
        };
        window.countWords();
        QTRY_VERIFY_WITH_TIMEOUT(words.size() == 1, 30000);
        QVERIFY(window.wordTable()->rowCount() > 3);
        QCOMPARE(countOf(product), QString());

        window.setProductNames({product});
        QCOMPARE(service.userWords(), QStringList{product});
        QCOMPARE(QSettings().value(QLatin1String(StatsService::kUserWordsSetting)).toStringList(),
                 QStringList{product});
        window.countWords();
        QTRY_VERIFY_WITH_TIMEOUT(words.size() == 2, 30000);
        QCOMPARE(countOf(product), QLocale().toString(6));
    }

    void staffWordsAreLeftOut()
    {
        if (qEnvironmentVariableIsSet("GD_STATS_DB"))
            QSKIP("screenshots only");
        // A colleague writing from their own WeChat, tagged staff, is not a
        // customer: the word count leaves their texts out, as the figures do.
        m_store->addTag(TagTarget::Contact, QStringLiteral("acc"), QStringLiteral("agent7"),
                        QStringLiteral("staff"));
        QVector<Message> messages;
        for (int i = 0; i < 2; ++i) {
            Message m;
            m.accountId = QStringLiteral("acc");
            m.id = QStringLiteral("s%1").arg(i);
            m.roomId = QStringLiteral("r2@chatroom");
            m.kind = MessageKind::Text;
            m.talkerId = i == 0 ? QStringLiteral("agent7") : QStringLiteral("c8");
            m.text = i == 0 ? QStringLiteral("工单已登记") : QStringLiteral("维修进度怎么样");
            m.timestampMs = QDateTime(QDate::currentDate(), QTime(12, i)).toMSecsSinceEpoch();
            messages.append(m);
        }
        m_store->insertMessages(messages);
        m_store->flush();
        StatsService service(m_path);
        StatsRequest request;
        request.from = QDate::currentDate().addDays(-2);
        request.to = QDate::currentDate();
        QString error;
        const QStringList texts = service.customerTexts(request, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(texts.contains(QStringLiteral("维修进度怎么样")));
        QVERIFY(!texts.contains(QStringLiteral("工单已登记")));
        QVERIFY(texts.contains(QStringLiteral("退款什么时候到账")));
    }

private:
    void screenshots(StatisticsWindow &window)
    {
        const QString dir = qEnvironmentVariable("GD_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QSignalSpy shown(&window, &StatisticsWindow::figuresShown);
        QSignalSpy words(&window, &StatisticsWindow::wordsShown);
        window.setPeriod(QDate::currentDate().addDays(-1), QDate::currentDate());
        QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 1, 10000);
        // The demo's traffic is of the last hours: per hour shows it.
        window.findChild<QComboBox *>(QStringLiteral("granularity"))->setCurrentIndex(0);
        window.countWords();
        QTRY_VERIFY_WITH_TIMEOUT(words.size() == 1, 60000);
        const QStringList names
            = {QStringLiteral("stats-volume.png"), QStringLiteral("stats-heatmap.png"),
               QStringLiteral("stats-response-times.png"), QStringLiteral("stats-words.png"),
               QStringLiteral("stats-customers-groups.png")};
        for (int i = 0; i < names.size(); ++i) {
            window.tabs()->setCurrentIndex(i);
            QTest::qWait(300);
            window.grab().save(QDir(dir).filePath(names[i]));
        }
    }
};

QTEST_MAIN(TestStatisticsWindow)
#include "tst_statistics_window.moc"
