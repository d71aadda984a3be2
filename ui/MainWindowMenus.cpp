// MainWindow's menu bar (File, Edit, View, Accounts, Help) and the settings
// it applies: theme, font size, window state. Every command of the window is
// a QAction reachable from a menu, so the shortcut overview lists them all.

#include "MainWindow.h"

#include "AppSettings.h"
#include "SearchPanel.h"
#include "SettingsDialog.h"
#include "stats/StatisticsWindow.h"
#include "stats/StatsService.h"
#include "Theme.h"
#include "store/Store.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTabWidget>

namespace gd {

void MainWindow::createMenuBar()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_addAccountAction);
    file->addAction(m_exportAction);
    file->addSeparator();
    auto *closeWindow = file->addAction(tr("&Close window"), this, &QWidget::close);
    closeWindow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    m_quitAction = file->addAction(tr("&Quit"), this, &MainWindow::quit);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_searchAction);
    edit->addAction(m_roomSearchAction);
    edit->addSeparator();
    m_settingsAction = edit->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_switcherAction);
    view->addAction(m_nextUnreadAction);
    view->addAction(m_previousUnreadAction);
    view->addSeparator();
    auto *chats = view->addAction(tr("C&hats"), this, [this] { m_tabs->setCurrentIndex(0); });
    chats->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    auto *contacts = view->addAction(tr("C&ontacts"), this, [this] { m_tabs->setCurrentIndex(1); });
    contacts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    view->addSeparator();
    QMenu *theme = view->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(theme);
    const QList<QPair<QString, Theme::Mode>> modes = {
        {tr("Follow the system"), Theme::Mode::System},
        {tr("Light"), Theme::Mode::Light},
        {tr("Dark"), Theme::Mode::Dark},
    };
    for (const auto &[label, mode] : modes) {
        QAction *action
            = theme->addAction(label, this, [this, m = mode] { m_settings->setTheme(m); });
        action->setCheckable(true);
        action->setData(int(mode));
        themes->addAction(action);
    }
    connect(theme, &QMenu::aboutToShow, this, [this, themes] {
        for (QAction *action : themes->actions())
            action->setChecked(action->data().toInt() == int(m_settings->theme()));
    });
    view->addAction(m_closePanelAction);
    view->addSeparator();
    auto *statistics = view->addAction(tr("&Statistics…"), this, &MainWindow::showStatistics);
    statistics->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));

    QMenu *accounts = menuBar()->addMenu(tr("&Accounts"));
    accounts->addAction(m_addAccountAction);
    accounts->addSeparator();
    m_reconnectAction = accounts->addAction(tr("&Reconnect now"), this, [this] {
        if (!m_accountId.isEmpty())
            m_engine->reconnectNow(m_accountId);
    });
    m_restartLoginAction = accounts->addAction(tr("Restart &QR login"), this, [this] {
        if (!m_accountId.isEmpty())
            m_engine->restartLogin(m_accountId);
    });
    accounts->addSeparator();
    m_removeAccountAction = accounts->addAction(tr("Re&move account…"), this,
                                                [this] { confirmRemoveAccount(m_accountId); });
    m_removedAccountsMenu = accounts->addMenu(tr("Archives of removed accounts"));
    m_removedAccountsMenu->menuAction()->setEnabled(false);
    connect(m_store, &Store::accountsChanged, this, &MainWindow::reloadRemovedAccounts);
    reloadRemovedAccounts();
    connect(accounts, &QMenu::aboutToShow, this, [this] {
        const bool any = !m_accountId.isEmpty();
        for (QAction *a : {m_reconnectAction, m_restartLoginAction, m_removeAccountAction})
            a->setEnabled(any);
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcutsAction);
    help->addAction(tr("&About GroupDesk"), this, [this] {
        QMessageBox::about(this, tr("About GroupDesk"),
                           tr("GroupDesk %1\nA console for customer-service teams that run "
                              "WeChat bot accounts.")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::showStatistics()
{
    if (!m_statisticsWindow) {
        if (!m_statsService)
            m_statsService = new StatsService(m_store->path(), this);
        m_statisticsWindow = new StatisticsWindow(m_store, m_statsService, this);
        m_statisticsWindow->setAttribute(Qt::WA_DeleteOnClose);
        // A word of the word-frequency chart: search the archive for it.
        connect(m_statisticsWindow, &StatisticsWindow::wordSearchRequested, this,
                [this](const QString &word) {
                    showSearch(false);
                    m_searchPanel->queryEdit()->setText(word);
                    m_searchPanel->searchNow();
                    raise();
                    activateWindow();
                });
    }
    m_statisticsWindow->show();
    m_statisticsWindow->raise();
    m_statisticsWindow->activateWindow();
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_settings, this);
    dialog.exec();
}

void MainWindow::applySettings()
{
    Theme::setMode(m_settings->theme());
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance())) {
        // The palette covers what the style sheet does not: dialogs, menus, inputs.
        app->setPalette(Theme::widgetPalette());
        QFont font = m_defaultFont;
        if (m_settings->fontSize() > 0)
            font.setPointSize(m_settings->fontSize());
        if (app->font() != font)
            app->setFont(font);
    }
    setStyleSheet(Theme::styleSheet());
    // Hand-painted views read the theme when they paint.
    const auto widgets = findChildren<QWidget *>();
    for (QWidget *w : widgets)
        w->update();
}

} // namespace gd
