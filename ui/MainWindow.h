#pragma once
// The console's main window: accounts on the left, the rooms of the selected
// account, the live feed of the selected room with the composer, the login
// panel while an account waits for a scan, a contacts tab, and the connection
// state in the status bar. It only reads through the store's async queries and
// acts through the engine; account lifecycle (keychain, store rows) is the
// application's, asked for through signals.

#include "engine/Engine.h"
#include "gateway/GatewayEndpoint.h"
#include "store/SearchTypes.h"

#include <QFont>
#include <QMainWindow>
#include <QPointer>
#include <QSet>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QToolButton;

namespace gd {

class AccountBanner;
class AccountListModel;
class AppSettings;
class MessageNotifier;
class TrayIcon;
class UnreadTracker;
class Composer;
class ContactsPage;
class FeedModel;
class FeedView;
class LoginPanel;
class PresenceBoard;
class QuickSwitcher;
class RoomFeedController;
class RoomListModel;
class SearchPanel;
class StatisticsWindow;
class StatsService;
class StorageBanner;
class NoticeBanner;
class TypingNotice;
class Store;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    static constexpr int kSearchPanelWidth = 320;
    static constexpr int kSearchPanelMinWidth = 280;

    MainWindow(Store *store, Engine *engine, QWidget *parent = nullptr);
    ~MainWindow() override;

    QString currentAccountId() const { return m_accountId; }
    QString currentRoomId() const { return m_roomId; }
    void selectAccount(const QString &accountId);
    void selectRoom(const QString &roomId);

    // For tests and the screenshot tool.
    AccountListModel *accountListModel() const { return m_accountModel; }
    AccountBanner *accountBanner() const { return m_accountBanner; }
    RoomListModel *roomListModel() const { return m_roomModel; }
    StorageBanner *storageBanner() const { return m_storageBanner; }
    // Notices that need no answer (non-modal, dismissable): showNotice().
    NoticeBanner *noticeBanner() const { return m_noticeBanner; }
    FeedModel *feedModel() const { return m_feedModel; }
    FeedView *feedView() const { return m_feedView; }
    Composer *composer() const { return m_composer; }
    LoginPanel *loginPanel() const { return m_loginPanel; }
    ContactsPage *contactsPage() const { return m_contactsPage; }
    SearchPanel *searchPanel() const { return m_searchPanel; }
    QComboBox *tagFilter() const { return m_tagFilter; }
    QuickSwitcher *quickSwitcher() const { return m_quickSwitcher; }
    AppSettings *settings() const { return m_settings; }
    UnreadTracker *unreadTracker() const { return m_unreadTracker; }
    TrayIcon *trayIcon() const { return m_trayIcon; }
    MessageNotifier *messageNotifier() const { return m_messageNotifier; }
    QComboBox *roomSort() const { return m_roomSort; }
    QToolButton *searchButton() const { return m_searchButton; }
    QString statusText() const;
    bool isLoginPanelShown() const;

signals:
    // The user filled in the Add-account dialog (the endpoint carries the token).
    void accountRequested(const gd::AccountInfo &account, const gd::GatewayEndpoint &endpoint);
    void demoAccountRequested(const QString &displayName);
    void accountRemovalRequested(const QString &accountId);
    // Edited settings of an existing account; an empty token keeps the saved one.
    void accountEditRequested(const gd::AccountInfo &account, const gd::GatewayEndpoint &endpoint);
    // A conversation was opened in the feed (empty roomId: none), for panels
    // beside the feed (notes).
    void roomOpened(const QString &accountId, const QString &roomId, const QString &title);

public slots:
    void showAddAccountDialog();
    // The account's gateway settings in the Add-account dialog; on OK the
    // engine reconnects with them (accountEditRequested).
    void showEditAccountDialog(const QString &accountId);
    // Opens the search panel, scoped to the open room when roomOnly.
    void showSearch(bool roomOnly = false);
    // Opens a conversation at one message (a search hit), highlighted.
    void jumpToMessage(const QString &accountId, const QString &conversationId, qint64 rowId);
    // Asks where to save a received file or image, downloads the original
    // through the account's gateway and writes it off the GUI thread.
    void saveReceivedFile(const QString &mediaKey, const QString &name, bool isImage);
    // The export dialog for the account: the group `roomId` preselected when
    // given, else a date range across its conversations.
    void showExportDialog(const QString &roomId = {});
    // The export dialog for a search result.
    void exportSearch(const gd::SearchQuery &query);
    // The export dialog for the archive a removed account left behind.
    void exportRemovedAccount(const QString &accountId);
    // Ctrl+K: the switcher over the groups and contacts of every account.
    void showQuickSwitcher();
    // Alt+Down / Alt+Up: the next / previous group in the list with unread
    // messages, wrapping around.
    void goToUnreadRoom(int direction);
    // Esc: closes the search panel (dialogs close themselves).
    void closePanels();
    void showSettings();
    // The statistics window (one, kept while open).
    void showStatistics();
    // Quits the application (closing the window may only hide it to the tray).
    void quit();
    void showFromTray();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void installMediaCache(); // thumbnails in the feed, the image viewer
    void createNavigationActions(); // MainWindowNavigation.cpp
    void createMenuBar(); // MainWindowMenus.cpp
    void applySettings(); // theme, palette, font: at start and on every change
    void confirmRemoveAccount(const QString &accountId);
    void createTray(); // MainWindowTray.cpp
    void createMessageActions(); // MainWindowMessages.cpp
    void loadMentionCandidates(); // the open group's members, for @
    void updateSelfInFeed();
    void updateUnreadCounts(); // the title and the tray icon
    void onOpenConversationChanged();
    void restoreWindowState();
    QWidget *createSidebar();
    QWidget *createChatsPage();
    void onAccountStatusChanged(const QString &accountId);
    void onCurrentAccountChanged();
    void onCurrentRoomChanged();
    void onRoomsRefreshed();
    void showAccountMenu(const QPoint &pos);
    void openRoom(const QString &roomId);
    void updateCentre();
    void updateRoomHeader();
    void updateStatusBar();
    void updateConnectionNotice(); // the banner over the feed and the composer's hint
    void reloadTagFilter();
    void reloadRemovedAccounts(); // the Accounts menu's archives of removed accounts

    Store *m_store;
    Engine *m_engine;
    QString m_accountId;
    QString m_roomId;
    QSet<QString> m_autoOpened; // accounts whose first room was opened for the user
    bool m_openingForUser = false; // openRoom() runs for the auto-open, not a click
    bool m_unseenOpenRoom = false; // the open room was auto-opened and not acted in yet

    AccountListModel *m_accountModel;
    RoomListModel *m_roomModel;
    QSortFilterProxyModel *m_roomProxy;
    FeedModel *m_feedModel;
    RoomFeedController *m_feedController;

    QListView *m_accountList = nullptr;
    QToolButton *m_addAccountButton = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_roomFilter = nullptr;
    QListView *m_roomList = nullptr;
    QStackedWidget *m_centre = nullptr;
    QWidget *m_chatPage = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_roomTitle = nullptr;
    QLabel *m_roomSubtitle = nullptr;
    FeedView *m_feedView = nullptr;
    Composer *m_composer = nullptr;
    PresenceBoard *m_presence = nullptr; // this agent's typing, others' too
    TypingNotice *m_typingNotice = nullptr;
    LoginPanel *m_loginPanel = nullptr;
    ContactsPage *m_contactsPage = nullptr;
    QLabel *m_onlineLabel = nullptr;
    QLabel *m_syncLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    StorageBanner *m_storageBanner = nullptr;
    NoticeBanner *m_noticeBanner = nullptr;
    AccountBanner *m_accountBanner = nullptr;
    SearchPanel *m_searchPanel = nullptr;
    StatsService *m_statsService = nullptr;
    QPointer<StatisticsWindow> m_statisticsWindow;
    QDockWidget *m_searchDock = nullptr;
    QComboBox *m_tagFilter = nullptr;
    QuickSwitcher *m_quickSwitcher = nullptr;
    QAction *m_switcherAction = nullptr;
    QAction *m_nextUnreadAction = nullptr;
    QAction *m_previousUnreadAction = nullptr;
    QAction *m_closePanelAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    AppSettings *m_settings = nullptr;
    QFont m_defaultFont; // the desktop's, before a font size setting
    bool m_quitting = false;
    bool m_toldAboutTray = false;
    UnreadTracker *m_unreadTracker = nullptr;
    TrayIcon *m_trayIcon = nullptr;
    MessageNotifier *m_messageNotifier = nullptr;
    QAction *m_addAccountAction = nullptr;
    QAction *m_searchAction = nullptr;
    QAction *m_roomSearchAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_reconnectAction = nullptr;
    QAction *m_restartLoginAction = nullptr;
    QAction *m_removeAccountAction = nullptr;
    QMenu *m_removedAccountsMenu = nullptr;
    QComboBox *m_roomSort = nullptr;
    QToolButton *m_searchButton = nullptr;
};

} // namespace gd
