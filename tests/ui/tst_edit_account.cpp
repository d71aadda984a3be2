// Editing an account instead of removing and adding it again: the dialog
// comes filled in (no token: empty keeps the saved one), the id stays, and
// with the fixed endpoint the engine reconnects to a real simulator while the
// account stays listed. A problem shown in the Add-account dialog goes away
// as soon as it is fixed.

#include "AccountListModel.h"
#include "AddAccountDialog.h"
#include "MainWindow.h"
#include "engine/Engine.h"
#include "sim/Simulator.h"
#include "store/Store.h"

#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace gd;

class TestEditAccount : public QObject
{
    Q_OBJECT

private slots:
    void shownProblemGoesAwayOnceFixed()
    {
        AddAccountDialog dialog({});
        dialog.endpointEdit()->setText(QStringLiteral("10.0.0.5:8788"));
        dialog.tokenEdit()->setText(QStringLiteral("secret"));
        QVERIFY(!dialog.validate()); // no name
        QVERIFY(!dialog.errorText().isEmpty());
        dialog.nameEdit()->setText(QStringLiteral("售后机器人"));
        QCOMPARE(dialog.errorText(), QString());
        // A next problem replaces the fixed one instead of hiding it.
        dialog.nameEdit()->clear();
        QVERIFY(!dialog.validate());
        dialog.endpointEdit()->setText(QStringLiteral("no-port"));
        dialog.nameEdit()->setText(QStringLiteral("bot"));
        QVERIFY(dialog.errorText().contains(QStringLiteral("port")));
        dialog.endpointEdit()->setText(QStringLiteral("10.0.0.5:8788"));
        QCOMPARE(dialog.errorText(), QString());
    }

    void editModeKeepsTheIdAndTheSavedToken()
    {
        AccountInfo info;
        info.id = QStringLiteral("gw-10.0.0.5-8788");
        info.displayName = QStringLiteral("一号机器人");
        info.endpoint = QStringLiteral("10.0.0.5:8788");
        info.tls = true;
        info.serverName = QStringLiteral("insecure");
        AddAccountDialog dialog({info.id});
        dialog.setEditedAccount(info);
        QCOMPARE(dialog.nameEdit()->text(), info.displayName);
        QCOMPARE(dialog.endpointEdit()->text(), info.endpoint);
        QVERIFY(dialog.tlsCheck()->isChecked());
        QCOMPARE(dialog.serverNameEdit()->text(), QStringLiteral("insecure"));
        QVERIFY(dialog.tokenEdit()->text().isEmpty());
        QVERIFY(dialog.demoCheck()->isHidden());
        // Its own id is no clash, and no token means "keep the saved one".
        QVERIFY2(dialog.validate(), qPrintable(dialog.errorText()));
        dialog.endpointEdit()->setText(QStringLiteral("10.0.0.6:9000"));
        dialog.tlsCheck()->setChecked(false);
        QVERIFY(dialog.validate());
        QCOMPARE(dialog.account().id, info.id);
        QCOMPARE(dialog.account().endpoint, QStringLiteral("10.0.0.6:9000"));
        QVERIFY(!dialog.endpoint().tls);
        QVERIFY(dialog.endpoint().token.isEmpty());
    }

    void editedEndpointReconnectsTheListedAccount()
    {
        sim::SimulatorOptions options;
        options.port = 0;
        options.token = QStringLiteral("edit-token");
        options.autoLogin = true;
        options.rate = 0.001;
        sim::Simulator simulator(options);
        QString error;
        QVERIFY2(simulator.start(&error), qPrintable(error));

        QTemporaryDir dir;
        Store store;
        QVERIFY2(store.open(dir.filePath("edit.db"), &error), qPrintable(error));
        Engine engine(&store);
        AccountInfo info;
        info.id = QStringLiteral("bot");
        info.displayName = QStringLiteral("Bot");
        info.endpoint = QStringLiteral("127.0.0.1:1"); // wrong: nothing there
        GatewayEndpoint wrong;
        wrong.address = info.endpoint;
        wrong.token = QStringLiteral("old-token");
        engine.addAccount(info, wrong);
        QTRY_COMPARE_WITH_TIMEOUT(engine.status(info.id).state, SessionState::Error, 20000);

        MainWindow window(&store, &engine);
        window.show();
        QSignalSpy removed(&engine, &Engine::accountRemoved);
        QSignalSpy edited(&window, &MainWindow::accountEditRequested);
        QTimer::singleShot(0, &window, [&] {
            auto *dialog = qobject_cast<AddAccountDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QVERIFY(dialog->isEditing());
            dialog->nameEdit()->setText(QStringLiteral("Bot renamed"));
            dialog->endpointEdit()->setText(QStringLiteral("127.0.0.1:%1").arg(simulator.port()));
            dialog->tlsCheck()->setChecked(false);
            dialog->tokenEdit()->setText(QStringLiteral("edit-token"));
            dialog->accept();
        });
        window.showEditAccountDialog(info.id);
        QCOMPARE(edited.count(), 1);
        const auto account = edited.first().at(0).value<AccountInfo>();
        const auto endpoint = edited.first().at(1).value<GatewayEndpoint>();
        QCOMPARE(account.id, info.id);
        QCOMPARE(account.displayName, QStringLiteral("Bot renamed"));
        QCOMPARE(endpoint.token, QStringLiteral("edit-token"));

        // What the application does with it (less the keychain).
        engine.updateAccount(account, endpoint);
        QTRY_COMPARE_WITH_TIMEOUT(engine.status(info.id).state, SessionState::Ready, 30000);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(engine.accountIds(), QStringList({info.id}));
        QTRY_COMPARE(window.accountListModel()->index(0).data(Qt::DisplayRole).toString(),
                     QStringLiteral("Bot renamed"));
        engine.shutdown();
    }
};

QTEST_MAIN(TestEditAccount)
#include "tst_edit_account.moc"
