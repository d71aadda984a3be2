// groupdesk: the console (GUI), or with --headless the same engines without a
// window. main() only wires things together: AppOptions parses, AppRuntime
// runs the store/engine/demo gateway, MainWindow shows them.

#include "AppOptions.h"
#include "AlertDesk.h"
#include "push/PushDesk.h"
#include "AppRuntime.h"
#include "ApiAppsDialog.h"
#include "AppSettings.h"
#include "FirstPaintProbe.h"
#include "MainWindow.h"
#include "NoticeBanner.h"
#include "RoomListModel.h"
#include "SignalWatcher.h"
#include "StoreRecoveryDialog.h"
#include "ops/OpsDesk.h"
#include "Translations.h"
#include "store/Store.h"
#include "util/Log.h"
#include "util/ObjectCounters.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QIcon>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

void printError(const QString &text)
{
    std::fprintf(stderr, "groupdesk: %s\n", qUtf8Printable(text));
}

int runHeadless(gd::AppRuntime &runtime)
{
    gd::SignalWatcher watcher;
    QObject::connect(&watcher, &gd::SignalWatcher::terminationRequested, qApp,
                     [](int signalNumber) {
                         qCInfo(lcUi) << "signal" << signalNumber << "received: stopping";
                         QCoreApplication::quit();
                     });
    QObject::connect(&runtime, &gd::AppRuntime::notice, qApp,
                     [](const QString &text) { qCWarning(lcUi).noquote() << text; });
    QString error;
    if (!runtime.startAccounts(&error)) {
        printError(error);
        runtime.shutdown();
        return 1;
    }
    const int code = QCoreApplication::exec();
    runtime.shutdown();
    return code;
}

int runGui(gd::AppRuntime &runtime, const gd::AppOptions &options)
{
    gd::SignalWatcher watcher;
    gd::MainWindow window(runtime.store(), runtime.engine());
    QObject::connect(&watcher, &gd::SignalWatcher::terminationRequested, &window, &QWidget::close);
    gd::RuleEditorContext alertContext;
    alertContext.databasePath = runtime.databasePath();
    alertContext.signalSource = gd::AppRuntime::signalSourceFactory();
    auto *alertDesk = new gd::AlertDesk(&window, runtime.alertMonitor(), alertContext);
    alertDesk->setMail(runtime.alertMailer(), runtime.secretStore());
    // On a shared archive (a team console) the HTTP API, pushes and group
    // operations do not run in this process (AppRuntime::open): no menus
    // for them.
    if (runtime.apiServer()) {
        // Integrations: the local HTTP API's apps and webhooks, before Help.
        auto *integrations
            = new QMenu(QCoreApplication::translate("main", "&Integrations"), &window);
        const QList<QAction *> menus = window.menuBar()->actions();
        window.menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), integrations);
        integrations->addAction(QCoreApplication::translate("main", "HTTP API and webhooks…"),
                                &window, [&runtime, &window] {
                                    gd::ApiAppsDialog dialog(runtime.apiServer(), &window);
                                    dialog.exec();
                                });
    }
    if (runtime.pushService())
        new gd::PushDesk(&window, runtime.pushService());
    if (runtime.opsStore())
        new gd::OpsDesk(&window, runtime.store(), runtime.opsStore(), runtime.engine(),
                        runtime.opsAutomation());
    QObject::connect(&window, &gd::MainWindow::accountRequested, &runtime,
                     &gd::AppRuntime::addAccount);
    QObject::connect(&window, &gd::MainWindow::accountRemovalRequested, &runtime,
                     &gd::AppRuntime::removeAccount);
    QObject::connect(&window, &gd::MainWindow::accountEditRequested, &runtime,
                     &gd::AppRuntime::editAccount);
    QObject::connect(&window, &gd::MainWindow::demoAccountRequested, &window,
                     [&runtime, &window](const QString &name) {
                         QString id = QStringLiteral("demo");
                         for (int n = 2; runtime.engine()->accountIds().contains(id); ++n)
                             id = QStringLiteral("demo-%1").arg(n);
                         QString error;
                         if (!runtime.addDemoAccount(id, name, &error))
                             QMessageBox::warning(
                                 &window, QCoreApplication::translate("main", "Demo gateway"),
                                 error);
                     });
    // Notices need no answer (the team console's start, live updates
    // paused): a strip in the window, not a modal box over it.
    QObject::connect(&runtime, &gd::AppRuntime::notice, window.noticeBanner(),
                     [banner = window.noticeBanner()](const QString &text) {
                         qCInfo(lcUi).noquote() << "notice shown:" << text;
                         banner->showNotice(text);
                     });

    QString error;
    if (!runtime.startAccounts(&error)) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "GroupDesk"), error);
        runtime.shutdown();
        return 1;
    }
    if (options.exitAfterFirstPaint) {
        // The room list is the view over the window's room model (through its filter).
        for (QListView *view : window.findChildren<QListView *>()) {
            const auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
            if (proxy && proxy->sourceModel() == window.roomListModel())
                new gd::FirstPaintProbe(view, &window);
        }
    }
    // Live object counters, so unbounded growth shows up in a long run's log.
    QTimer countersTimer;
    QObject::connect(&countersTimer, &QTimer::timeout, &window, [] {
        qCInfo(lcUi).noquote() << "object counters:" << gd::ObjectCounters::summary();
    });
    countersTimer.start(options.countersLogMs);
    window.show();

    if (!options.screenshotFile.isEmpty()) {
        QTimer::singleShot(options.screenshotAfterMs, &window, [&window, &options] {
            const bool saved = window.grab().save(options.screenshotFile);
            // A modal box the screenshot cannot show is named (scripted runs
            // and tests look for boxes that hold the window up).
            const QWidget *modal = QApplication::activeModalWidget();
            qCInfo(lcUi) << "screenshot" << options.screenshotFile
                         << (saved ? "saved" : "NOT saved")
                         << "modal window:" << (modal ? modal->metaObject()->className() : "none");
            if (options.quitAfterScreenshot)
                window.close();
        });
    }

    const int code = QApplication::exec();
    runtime.shutdown();
    return code;
}

// The archive did not open: ask what to do, before any window. Returns false
// when the user quits; true to try opening again.
bool recoverStore(gd::AppRuntime &runtime, const QString &reason)
{
    gd::StoreRecoveryDialog dialog(reason, runtime.databasePath());
    dialog.exec();
    switch (dialog.choice()) {
    case gd::StoreRecoveryDialog::Choice::ChooseFolder: {
        const QString dir = QFileDialog::getExistingDirectory(
            nullptr, QCoreApplication::translate("main", "Choose a data folder for GroupDesk"),
            QDir::homePath());
        if (!dir.isEmpty()) {
            runtime.setDataDir(dir);
            QSettings().setValue(QStringLiteral("storage/dataDir"), dir); // used from now on
        }
        return true;
    }
    case gd::StoreRecoveryDialog::Choice::MoveAside: {
        QString movedTo;
        QString error;
        if (!gd::Store::moveAside(runtime.databasePath(), &movedTo, &error)) {
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "GroupDesk"), error);
            return true;
        }
        QMessageBox::information(
            nullptr, QCoreApplication::translate("main", "GroupDesk"),
            QCoreApplication::translate("main",
                                        "The old archive was kept as %1. A new archive starts now.")
                .arg(QDir::toNativeSeparators(movedTo)));
        return true;
    }
    case gd::StoreRecoveryDialog::Choice::Quit:
        break;
    }
    return false;
}

// The team's archive chosen in the settings did not open (the server is
// down, the password changed): try again, or work on this computer's
// archive this time. Returns false when the user quits.
bool recoverSharedArchive(gd::AppRuntime &runtime, const QString &reason)
{
    QMessageBox box(
        QMessageBox::Warning, QCoreApplication::translate("main", "GroupDesk"),
        QCoreApplication::translate("main", "The team's shared archive could not be opened."));
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(reason); // the server's address and words: plain text
    QPushButton *retry
        = box.addButton(QCoreApplication::translate("main", "Try again"), QMessageBox::AcceptRole);
    QPushButton *local
        = box.addButton(QCoreApplication::translate("main", "Use the archive on this computer"),
                        QMessageBox::ActionRole);
    box.addButton(QMessageBox::Close);
    box.setDefaultButton(retry);
    box.exec();
    if (box.clickedButton() == local) {
        // This run only; Settings > Shared archive changes it for good.
        runtime.useLocalArchive();
        return true;
    }
    return box.clickedButton() == retry;
}

} // namespace

int main(int argc, char *argv[])
{
    const bool headless = gd::AppOptions::wantsNoWindow(argc, argv);
    // No window, no display needed: a server may have neither.
    std::unique_ptr<QCoreApplication> app(headless ? new QCoreApplication(argc, argv)
                                                   : new QApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("GroupDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GROUPDESK_VERSION));
    gd::Translations::install(app.get(), gd::AppSettings().language());
    if (!headless) {
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/groupdesk.png")));
    }

    gd::AppOptions options;
    QString error;
    if (!options.parse(QCoreApplication::arguments(), &error)) {
        printError(error);
        return 2;
    }

    gd::AppRuntime runtime(options);
    if (options.storeDatabasePassword) {
        // One line from standard input (a pipe or a terminal), never an
        // argument: arguments show in the process list and shell history.
        QTextStream in(stdin);
        const QString password = in.readLine();
        if (!runtime.storeDatabasePassword(password, &error)) {
            printError(error);
            return 1;
        }
        std::printf("%s\n",
                    qUtf8Printable(QCoreApplication::translate(
                        "main", "The database password is kept in the keychain.")));
        return 0;
    }
    // Never run without an archive that can be written: headless stops with
    // the reason, the GUI asks what to do about it.
    while (!runtime.open(&error)) {
        if (headless) {
            printError(error);
            return 1;
        }
        const bool again = runtime.sharedArchive() && options.databaseFromSettings
            ? recoverSharedArchive(runtime, error)
            : recoverStore(runtime, error);
        if (!again)
            return 1;
    }
    return headless ? runHeadless(runtime) : runGui(runtime, options);
}
