// groupdesk: the console (GUI), or with --headless the same engines without a
// window. main() only wires things together: AppOptions parses, AppRuntime
// runs the store/engine/demo gateway, MainWindow shows them.

#include "AppOptions.h"
#include "AppRuntime.h"
#include "MainWindow.h"
#include "SignalWatcher.h"
#include "Translations.h"
#include "util/Log.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>
#include <QMessageBox>
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
    QObject::connect(&watcher, &gd::SignalWatcher::terminationRequested, qApp, [](int signalNumber) {
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
    QObject::connect(&window, &gd::MainWindow::accountRequested, &runtime, &gd::AppRuntime::addAccount);
    QObject::connect(&window, &gd::MainWindow::accountRemovalRequested, &runtime, &gd::AppRuntime::removeAccount);
    QObject::connect(&window, &gd::MainWindow::demoAccountRequested, &window,
                     [&runtime, &window](const QString &name) {
                         QString id = QStringLiteral("demo");
                         for (int n = 2; runtime.engine()->accountIds().contains(id); ++n)
                             id = QStringLiteral("demo-%1").arg(n);
                         QString error;
                         if (!runtime.addDemoAccount(id, name, &error))
                             QMessageBox::warning(&window, QCoreApplication::translate("main", "Demo gateway"), error);
                     });
    QObject::connect(&runtime, &gd::AppRuntime::notice, &window, [&window](const QString &text) {
        QMessageBox::warning(&window, QCoreApplication::translate("main", "GroupDesk"), text);
    });

    QString error;
    if (!runtime.startAccounts(&error)) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "GroupDesk"), error);
        runtime.shutdown();
        return 1;
    }
    window.show();

    if (!options.screenshotFile.isEmpty()) {
        QTimer::singleShot(options.screenshotAfterMs, &window, [&window, &options] {
            const bool saved = window.grab().save(options.screenshotFile);
            qCInfo(lcUi) << "screenshot" << options.screenshotFile << (saved ? "saved" : "NOT saved");
            if (options.quitAfterScreenshot)
                window.close();
        });
    }

    const int code = QApplication::exec();
    runtime.shutdown();
    return code;
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
    gd::Translations::install(app.get());
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
    if (!runtime.open(&error)) {
        if (headless) {
            printError(error);
        } else {
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "GroupDesk cannot start"), error);
        }
        return 1;
    }
    return headless ? runHeadless(runtime) : runGui(runtime, options);
}
