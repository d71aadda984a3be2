// Settings > Shared archive (team mode, issue 18): the server address is
// kept in the settings and shown again; an address that is not a
// postgresql:// one is refused with the parser's reason; a typed password
// goes to the keychain (under the server's entry) and never into the
// settings; "Test connection" against a server that never answers keeps
// the window responsive while it waits, and then says the server could not
// be reached. Needs the keychain (dbus-run-session + gnome-keyring).

#include "AppSettings.h"
#include "SettingsDialog.h"
#include "store/ServerArchive.h"
#include "util/SecretStore.h"

#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTimer>
#include <QtTest>

using namespace gd;

namespace {

void clickOk(SettingsDialog &dialog)
{
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
}

} // namespace

class TestSettingsSharedArchive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings under ~/.qttest
        QSettings().clear();
    }
    void cleanupTestCase() { QSettings().clear(); }

    void addressIsSavedAndShownAgain()
    {
        AppSettings settings;
        QVERIFY(settings.sharedArchive().isEmpty());
        const QString address
            = QStringLiteral("postgresql://desk@db.example.com:6432/team?sslmode=verify-full");
        {
            SettingsDialog dialog(&settings);
            QVERIFY(dialog.sharedArchiveEdit()->text().isEmpty());
            dialog.sharedArchiveEdit()->setText(QStringLiteral("  ") + address);
            QSignalSpy changed(&settings, &AppSettings::changed);
            clickOk(dialog);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            QCOMPARE(changed.size(), 1);
        }
        QCOMPARE(settings.sharedArchive(), address);
        QCOMPARE(AppSettings().sharedArchive(), address);
        SettingsDialog again(&settings);
        QCOMPARE(again.sharedArchiveEdit()->text(), address);

        // Emptied: the archive on this computer again.
        again.sharedArchiveEdit()->clear();
        again.apply();
        QVERIFY(settings.sharedArchive().isEmpty());
    }

    void anAddressThatIsNotOneIsRefused()
    {
        AppSettings settings;
        settings.setSharedArchive(QString());
        for (const char *bad :
             {"mysql://desk@db/team", "postgresql://desk:pw@db/team", "/home/me/archive.sqlite"}) {
            SettingsDialog dialog(&settings);
            dialog.sharedArchiveEdit()->setText(QString::fromUtf8(bad));
            clickOk(dialog);
            QVERIFY2(dialog.result() != QDialog::Accepted, bad);
            QVERIFY2(!dialog.connectionLabel()->text().isEmpty(), bad);
            QCOMPARE(dialog.connectionLabel()->textFormat(), Qt::PlainText);
            QVERIFY(settings.sharedArchive().isEmpty());
        }
        SettingsDialog dialog(&settings);
        dialog.sharedArchiveEdit()->setText(QStringLiteral("mysql://desk@db/team"));
        clickOk(dialog);
        QVERIFY2(dialog.connectionLabel()->text().contains(QLatin1String("not supported")),
                 qPrintable(dialog.connectionLabel()->text()));
    }

    void aTypedPasswordGoesToTheKeychainOnly()
    {
        AppSettings settings;
        const QString address = QStringLiteral("postgresql://desk@db.example.com/team-%1")
                                    .arg(QDateTime::currentMSecsSinceEpoch());
        const QString password
            = QStringLiteral("Pw-秘密-%1").arg(QDateTime::currentMSecsSinceEpoch());
        SettingsDialog dialog(&settings);
        dialog.sharedArchiveEdit()->setText(address);
        dialog.archivePasswordEdit()->setText(password);
        QCOMPARE(dialog.archivePasswordEdit()->echoMode(), QLineEdit::Password);
        clickOk(dialog);
        QTRY_VERIFY2_WITH_TIMEOUT(dialog.result() == QDialog::Accepted,
                                  qPrintable(dialog.connectionLabel()->text()), 15000);
        QCOMPARE(settings.sharedArchive(), address);
        QVERIFY(dialog.archivePasswordEdit()->text().isEmpty());

        SecretStore secrets;
        QString kept;
        bool answered = false;
        secrets.readSecret(ServerArchive::passwordKey(address),
                           [&](bool ok, const QString &secret, const QString &error) {
                               answered = true;
                               kept = ok ? secret : QStringLiteral("(error) ") + error;
                           });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 15000);
        QCOMPARE(kept, password);
        settings.settings().sync();
        QFile file(settings.settings().fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!QString::fromUtf8(file.readAll()).contains(password));
        bool deleted = false;
        secrets.deleteSecret(ServerArchive::passwordKey(address),
                             [&deleted](bool, const QString &) { deleted = true; });
        QTRY_VERIFY_WITH_TIMEOUT(deleted, 15000);
    }

    void testConnectionKeepsTheWindowResponsive()
    {
        // A "server" that takes the connection and never says a word:
        // libpq waits for it until connect_timeout.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        AppSettings settings;
        settings.setSharedArchive(QString());
        SettingsDialog dialog(&settings);
        dialog.show();
        dialog.sharedArchiveEdit()->setText(
            QStringLiteral("postgresql://desk@127.0.0.1:%1/team?sslmode=disable&connect_timeout=2")
                .arg(silent.serverPort()));
        dialog.archivePasswordEdit()->setText(QStringLiteral("typed")); // no keychain read

        // The largest pause of the GUI thread's event loop while it waits.
        QElapsedTimer sinceTick;
        qint64 longestGapMs = 0;
        QTimer ticker;
        ticker.setInterval(10);
        connect(&ticker, &QTimer::timeout, this,
                [&] { longestGapMs = std::max(longestGapMs, sinceTick.restart()); });
        QElapsedTimer waited;
        waited.start();
        sinceTick.start();
        ticker.start();
        QTest::mouseClick(dialog.testConnectionButton(), Qt::LeftButton);
        QVERIFY(!dialog.testConnectionButton()->isEnabled()); // one check at a time
        QVERIFY2(dialog.connectionLabel()->text().contains(QLatin1String("Connecting")),
                 qPrintable(dialog.connectionLabel()->text()));
        QTRY_VERIFY_WITH_TIMEOUT(dialog.testConnectionButton()->isEnabled(), 15000);
        ticker.stop();
        QVERIFY2(waited.elapsed() >= 1500, "the check did not wait for the server");
        QVERIFY2(dialog.connectionLabel()->text().contains(QLatin1String("could not be reached")),
                 qPrintable(dialog.connectionLabel()->text()));
        qInfo() << "waited" << waited.elapsed() << "ms; longest event-loop gap" << longestGapMs
                << "ms";
        QVERIFY2(longestGapMs < 300, qPrintable(QString::number(longestGapMs)));
        QVERIFY(settings.sharedArchive().isEmpty()); // a test saves nothing
    }
};

QTEST_MAIN(TestSettingsSharedArchive)
#include "tst_settings_shared_archive.moc"
