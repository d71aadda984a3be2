// The zh_CN translation is embedded, complete enough to load, and chosen from
// LANG / LANGUAGE.

#include "AccountStateText.h"
#include "Translations.h"

#include <QTest>
#include <QTranslator>

using namespace gd;

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void embeddedChineseTranslationTranslatesUiStrings()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/groupdesk_zh_CN.qm")));
        QVERIFY(!translator.isEmpty());
        const QString online = translator.translate("AccountStateText", "Online");
        QVERIFY(!online.isEmpty());
        QVERIFY(online != QLatin1String("Online"));
        const QString send = translator.translate("gd::Composer", "Send");
        QVERIFY(!send.isEmpty());
    }

    void languageComesFromTheEnvironment()
    {
        qputenv("LANGUAGE", "zh_CN:en");
        qputenv("LANG", "en_US.UTF-8");
        QCOMPARE(Translations::preferredLanguages().value(0), QStringLiteral("zh_CN"));
        qputenv("LANGUAGE", "");
        qputenv("LANG", "zh_CN.UTF-8");
        qunsetenv("LC_ALL");
        qunsetenv("LC_MESSAGES");
        QCOMPARE(Translations::preferredLanguages().value(0), QStringLiteral("zh_CN"));
    }

    void englishHasProperPlurals()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/groupdesk_en.qm")));
        QCOMPARE(translator.translate("gd::MainWindow", "%n member(s)", nullptr, 1),
                 QStringLiteral("%n member"));
        QCOMPARE(translator.translate("gd::MainWindow", "%n member(s)", nullptr, 3),
                 QStringLiteral("%n members"));
    }

    void installingChineseTranslatesStateWords()
    {
        qputenv("LANGUAGE", "zh_CN");
        QCOMPARE(Translations::install(QCoreApplication::instance()), QStringLiteral("zh_CN"));
        AccountStatus status;
        status.state = SessionState::Ready;
        QVERIFY(AccountStateText::stateText(status) != QLatin1String("Online"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
