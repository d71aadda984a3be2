// Issue 17, the API's dialogs: an app's form refuses a webhook that is not
// http(s) and fills in every permission; the apps dialog lists issued apps
// by name as plain text and shows revoked ones as such; the secret is shown
// once, read-only. Apps are issued through the real ApiServer and keychain
// (run under a D-Bus session with gnome-keyring).
#include "ApiAppDialog.h"
#include "ApiAppsDialog.h"
#include "ApiSecretDialog.h"
#include "api/ApiServer.h"
#include "store/Store.h"
#include "util/SecretStore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace gd;

class TestApiDialogs : public QObject
{
    Q_OBJECT
private slots:
    void appFormRefusesANonHttpWebhookAndFillsTheApp()
    {
        ApiAppDialog dialog(api::ApiApp{}, true);
        auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("name"));
        auto *hook = dialog.findChild<QLineEdit *>(QStringLiteral("webhook"));
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled()); // no name yet
        name->setText(QStringLiteral("tickets"));
        QVERIFY(ok->isEnabled());
        hook->setText(QStringLiteral("ftp://example.com/hook"));
        QVERIFY(!ok->isEnabled());
        hook->setText(QStringLiteral("https://example.com/hook"));
        QVERIFY(ok->isEnabled());
        const auto boxes = dialog.findChildren<QCheckBox *>();
        boxes.at(1)->setChecked(true); // send
        dialog.findChildren<QPlainTextEdit *>().at(1)->setPlainText(
            QStringLiteral("1001@chatroom\n\n 1002@chatroom "));
        dialog.findChild<QSpinBox *>()->setValue(30);
        boxes.at(3)->setChecked(false); // no message events
        const api::ApiApp app = dialog.app();
        QCOMPARE(app.name, QStringLiteral("tickets"));
        QVERIFY(app.canRead && app.canSend && !app.canAlerts);
        QCOMPARE(app.groupIds,
                 QStringList({QStringLiteral("1001@chatroom"), QStringLiteral("1002@chatroom")}));
        QVERIFY(app.accountIds.isEmpty());
        QCOMPARE(app.ratePerMinute, 30);
        QCOMPARE(app.webhookUrl, QStringLiteral("https://example.com/hook"));
        QCOMPARE(app.webhookEvents, api::WebhookAlerts | api::WebhookSends);
    }

    void secretIsShownReadOnly()
    {
        ApiSecretDialog dialog(QStringLiteral("gdapp_1"), QStringLiteral("abc123"));
        auto *secret = dialog.findChild<QLineEdit *>(QStringLiteral("secret"));
        QVERIFY(secret);
        QCOMPARE(secret->text(), QStringLiteral("abc123"));
        QVERIFY(secret->isReadOnly());
    }

    void appsDialogListsAppsAsPlainTextAndRevoked()
    {
        QTemporaryDir dir;
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("gd.db")), &error), qPrintable(error));
        SecretStore secrets;
        api::ApiServer server(&store, nullptr, nullptr, &secrets);
        api::ApiSettings off;
        QVERIFY(server.start(off, &error));
        api::ApiApp draft;
        draft.name = QStringLiteral("<b>orders</b>");
        QString id;
        server.issueApp(draft,
                        [&](bool ok, const api::ApiApp &app, const QString &, const QString &e) {
                            QVERIFY2(ok, qPrintable(e));
                            id = app.id;
                        });
        QTRY_VERIFY_WITH_TIMEOUT(!id.isEmpty(), 20000);
        ApiAppsDialog dialog(&server);
        auto *table = dialog.findChild<QTableWidget *>();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("<b>orders</b>"));
        QCOMPARE(table->item(0, 1)->text(), id);
        server.revokeApp(id);
        QTRY_VERIFY_WITH_TIMEOUT(table->item(0, 4)->text().contains(QStringLiteral("revoked")),
                                 5000);
        server.stop();
        store.close();
    }
};

QTEST_MAIN(TestApiDialogs)
#include "tst_api_dialogs.moc"
