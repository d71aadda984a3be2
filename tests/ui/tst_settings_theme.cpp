// The menu bar and the Settings dialog: the five menus hold the window's
// commands; theme (light/dark), font size and the other preferences are
// written to QSettings and applied at once, to the style sheet and to the
// hand-painted views alike; no colour in ui/ bypasses the theme.

#include "AppSettings.h"
#include "FeedView.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "Theme.h"
#include "engine/Engine.h"
#include "store/Store.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace gd;

class TestSettingsTheme : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    static QStringList menuTitles(QMainWindow &window)
    {
        QStringList titles;
        for (QAction *a : window.menuBar()->actions())
            titles.append(a->text().remove(QLatin1Char('&')));
        return titles;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings under ~/.qttest
        QSettings().clear();
    }
    void cleanupTestCase() { QSettings().clear(); }

    void menuBarHoldsTheCommands()
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath("menus.sqlite"), nullptr));
        Engine engine(&store);
        MainWindow window(&store, &engine);
        QCOMPARE(menuTitles(window), QStringList({"File", "Edit", "View", "Accounts", "Help"}));
        QStringList commands;
        for (QAction *menu : window.menuBar()->actions()) {
            for (QAction *a : menu->menu()->actions())
                commands.append(a->text().remove(QLatin1Char('&')));
        }
        for (const char *expected :
             {"Add bot account…", "Export…", "Quit", "Search messages", "Settings…",
              "Go to group or contact…", "Keyboard shortcuts", "Reconnect now", "Remove account…"})
            QVERIFY2(commands.contains(QString::fromUtf8(expected)), expected);
    }

    // A removed account's archive stays in the database; the Accounts menu
    // offers to export it (nothing else in the window shows that account).
    void removedAccountsArchiveIsOffered()
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath("removed.sqlite"), nullptr));
        AccountInfo account;
        account.id = "gone_bot";
        store.upsertAccount(account);
        Message m;
        m.accountId = "gone_bot";
        m.id = "m1";
        m.roomId = "r1@chatroom";
        m.text = "退款";
        m.timestampMs = 1000;
        store.insertMessages({m});
        store.flush();
        Engine engine(&store);
        MainWindow window(&store, &engine);
        QMenu *archives = nullptr;
        for (QAction *menu : window.menuBar()->actions()) {
            for (QAction *a : menu->menu()->actions()) {
                if (a->menu() && a->text() == "Archives of removed accounts")
                    archives = a->menu();
            }
        }
        QVERIFY(archives);
        QTest::qWait(200); // the store's answer: still no removed account
        QVERIFY(!archives->menuAction()->isEnabled());
        QVERIFY(archives->actions().isEmpty());
        store.removeAccount("gone_bot");
        QTRY_VERIFY(archives->menuAction()->isEnabled());
        QCOMPARE(archives->actions().size(), 1);
        QVERIFY(archives->actions().constFirst()->text().contains("gone_bot"));
    }

    void settingsAreSavedAndAppliedAtOnce()
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath("settings.sqlite"), nullptr));
        Engine engine(&store);
        MainWindow window(&store, &engine);
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!Theme::isDark());
        const QColor lightFeed = Theme::feedBackground();

        SettingsDialog dialog(window.settings(), &window);
        dialog.themeBox()->setCurrentIndex(dialog.themeBox()->findData(int(Theme::Mode::Dark)));
        dialog.fontSizeBox()->setValue(14);
        dialog.mentionsBox()->setChecked(false);
        dialog.closeToTrayBox()->setChecked(false);
        dialog.rateBox()->setValue(0.5);
        dialog.burstBox()->setValue(2);
        dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData("zh_CN"));
        dialog.apply();

        // Applied: the theme, the style sheet, the font, the painted feed.
        QVERIFY(Theme::isDark());
        const QColor darkFeed = Theme::feedBackground();
        QVERIFY(darkFeed != lightFeed);
        QVERIFY(darkFeed.lightness() < 64);
        QVERIFY(window.styleSheet().contains(darkFeed.name()));
        QVERIFY(!window.styleSheet().contains(lightFeed.name()));
        QCOMPARE(QApplication::font().pointSize(), 14);
        QCOMPARE(QApplication::palette().color(QPalette::Window), darkFeed);
        const QImage feed = window.feedView()->grab().toImage();
        QCOMPARE(QColor(feed.pixel(4, 4)), darkFeed);

        // Saved where the next start (and the pacer) reads them.
        QSettings saved;
        QCOMPARE(saved.value("ui/theme").toString(), QStringLiteral("dark"));
        QCOMPARE(saved.value("ui/fontSize").toInt(), 14);
        QCOMPARE(saved.value("ui/language").toString(), QStringLiteral("zh_CN"));
        QCOMPARE(saved.value("notifications/mentions").toBool(), false);
        QCOMPARE(saved.value("window/closeToTray").toBool(), false);
        QCOMPARE(saved.value("pacer/messagesPerSecond").toDouble(), 0.5);
        QCOMPARE(saved.value("pacer/burst").toInt(), 2);
        AppSettings reread;
        QCOMPARE(reread.theme(), Theme::Mode::Dark);
        QCOMPARE(reread.fontSize(), 14);

        // A fresh dialog shows what is saved; back to light and the default font.
        SettingsDialog again(window.settings(), &window);
        QCOMPARE(again.themeBox()->currentData().toInt(), int(Theme::Mode::Dark));
        QCOMPARE(again.fontSizeBox()->value(), 14);
        QVERIFY(!again.mentionsBox()->isChecked());
        again.themeBox()->setCurrentIndex(again.themeBox()->findData(int(Theme::Mode::Light)));
        again.fontSizeBox()->setValue(again.fontSizeBox()->minimum()); // "Default"
        again.apply();
        QVERIFY(!Theme::isDark());
        QCOMPARE(Theme::feedBackground(), lightFeed);
        QCOMPARE(QSettings().value("ui/fontSize").toInt(), 0);
        QCOMPARE(QColor(window.feedView()->grab().toImage().pixel(4, 4)), lightFeed);
    }

    void noColourInUiBypassesTheTheme()
    {
        // Literal colours belong in Theme.cpp; the QR code is black on white
        // for scanners whatever the theme.
        const QDir ui(QStringLiteral(GD_SOURCE_DIR "/ui"));
        const QRegularExpression literal(QStringLiteral(
            R"(QColor\(\s*0x|QColor\(\s*\d|#[0-9a-fA-F]{6}\b|Qt::(white|black|red|gray|darkGray|lightGray)\b)"));
        QStringList offenders;
        for (const QString &name : ui.entryList({"*.cpp", "*.h"}, QDir::Files)) {
            if (name.startsWith("Theme.") || name == "QrCodeRenderer.cpp")
                continue;
            QFile file(ui.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            int line = 0;
            while (!file.atEnd()) {
                ++line;
                const QString text = QString::fromUtf8(file.readLine());
                if (literal.match(text).hasMatch())
                    offenders.append(
                        QStringLiteral("%1:%2: %3").arg(name).arg(line).arg(text.trimmed()));
            }
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join('\n')));
    }
};

QTEST_MAIN(TestSettingsTheme)
#include "tst_settings_theme.moc"
