#include "MainWindow.h"

#include "FileDropFilter.h"
#include "SendFilePreviewDialog.h"
#include "StorageBanner.h"
#include "NoticeBanner.h"
#include "StorageNotifier.h"

#include "AccountBanner.h"
#include "AccountDelegate.h"
#include "AccountListModel.h"
#include "AccountNotifier.h"
#include "AccountStateText.h"
#include "AddAccountDialog.h"
#include "AppSettings.h"
#include "Composer.h"
#include "ExportDialog.h"
#include "ComposerEdit.h"
#include "ContactsPage.h"
#include "FeedModel.h"
#include "FeedView.h"
#include "ImageViewer.h"
#include "MediaCache.h"
#include "LoginPanel.h"
#include "RoomDelegate.h"
#include "RoomFeedController.h"
#include "RoomListModel.h"
#include "RoomOrderHold.h"
#include "RoomPreferences.h"
#include "SearchPanel.h"
#include "TagEditorDialog.h"
#include "TypingNotice.h"
#include "UserActivityWatcher.h"
#include "Theme.h"
#include "store/PresenceBoard.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "util/Log.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLocale>
#include <QPointer>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyle>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QDockWidget>
#include <QComboBox>
#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace gd {

void MainWindow::installMediaCache()
{
    const QString dbPath = m_store ? m_store->path() : QString();
    if (dbPath.isEmpty() || dbPath.startsWith(QLatin1Char(':')))
        return; // an in-memory store (tests): images stay "[Image]"
    // Thumbnails of received images, cached next to the database.
    const QString dir = QFileInfo(dbPath).absoluteDir().filePath(QStringLiteral("media"));
    auto *media = new MediaCache(dir, MediaCache::kDefaultCapBytes, this);
    media->setFetcher([this](const QString &key, MediaCache::FetchDone done) {
        const int slash = key.indexOf(QLatin1Char('/'));
        m_engine->fetchMedia(key.left(slash), key.mid(slash + 1), true, std::move(done));
    });
    m_feedView->setMediaCache(media);
    connect(m_feedView, &FeedView::fileSaveRequested, this, &MainWindow::saveReceivedFile);
    connect(
        m_feedView, &FeedView::imageOpened, this, [this](const QString &key, const QString &name) {
            auto *viewer = new ImageViewer(name, this);
            viewer->setAttribute(Qt::WA_DeleteOnClose);
            viewer->show();
            QPointer<ImageViewer> guard(viewer);
            const int slash = key.indexOf(QLatin1Char('/'));
            m_engine->fetchMedia(key.left(slash), key.mid(slash + 1), false,
                                 [guard](bool ok, const QByteArray &bytes, const QString &error) {
                                     if (!guard)
                                         return;
                                     if (ok)
                                         guard->setImageData(bytes);
                                     else
                                         guard->showError(error);
                                 });
        });
}

void MainWindow::saveReceivedFile(const QString &mediaKey, const QString &name, bool isImage)
{
    const QString suggested = name.isEmpty() ? (isImage ? tr("image.jpg") : tr("file")) : name;
    const QString target = QFileDialog::getSaveFileName(
        this, tr("Save file"), QDir::home().filePath(QFileInfo(suggested).fileName()));
    if (target.isEmpty())
        return;
    statusBar()->showMessage(tr("Downloading %1…").arg(QFileInfo(target).fileName()));
    QPointer<MainWindow> guard(this);
    const int slash = mediaKey.indexOf(QLatin1Char('/'));
    // The original (not the thumbnail); written on a worker thread.
    m_engine->fetchMedia(
        mediaKey.left(slash), mediaKey.mid(slash + 1), false,
        [guard, target](bool ok, const QByteArray &bytes, const QString &error) {
            if (!guard)
                return;
            if (!ok) {
                guard->statusBar()->showMessage(tr("Could not download the file: %1").arg(error),
                                                10000);
                return;
            }
            auto written = QtConcurrent::run([target, bytes] {
                QSaveFile file(target);
                return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size()
                    && file.commit();
            });
            auto *watcher = new QFutureWatcher<bool>(guard.data());
            QObject::connect(
                watcher, &QFutureWatcher<bool>::finished, guard.data(),
                [guard, watcher, target, size = bytes.size()] {
                    watcher->deleteLater();
                    const QString fileName = QFileInfo(target).fileName();
                    guard->statusBar()->showMessage(
                        watcher->result()
                            ? tr("Saved %1 (%2)").arg(fileName, QLocale().formattedDataSize(size))
                            : tr("Cannot write %1.").arg(target),
                        10000);
                });
            watcher->setFuture(written);
        });
}

MainWindow::MainWindow(Store *store, Engine *engine, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_engine(engine)
    , m_accountModel(new AccountListModel(engine, this))
    , m_roomModel(new RoomListModel(store, this))
    , m_roomProxy(new QSortFilterProxyModel(this))
    , m_feedModel(new FeedModel(FeedModel::kDefaultCapacity, this))
    , m_feedController(new RoomFeedController(store, m_feedModel, this))
    , m_settings(new AppSettings(this))
    , m_defaultFont(QApplication::font())
{
    setWindowTitle(tr("GroupDesk"));
    resize(1200, 760);
    // The style sheet goes on the window rather than the application, so its
    // dialogs share the look and tests see exactly what users see.
    applySettings();
    connect(m_settings, &AppSettings::changed, this, &MainWindow::applySettings);

    m_roomModel->setPreferences(new RoomPreferences({}, this));
    m_roomProxy->setSourceModel(m_roomModel);
    m_roomProxy->setFilterRole(RoomListModel::TopicRole);
    m_roomProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createSidebar());

    m_tabs = new QTabWidget(central);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createChatsPage(), tr("Chats"));
    m_contactsPage = new ContactsPage(store, m_tabs);
    m_tabs->addTab(m_contactsPage, tr("Contacts"));
    layout->addWidget(m_tabs, 1);
    // While the archive cannot write: a banner over all of the content.
    auto *page = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(0);
    m_storageBanner = new StorageBanner(store, page);
    pageLayout->addWidget(m_storageBanner);
    m_noticeBanner = new NoticeBanner(page);
    pageLayout->addWidget(m_noticeBanner);
    pageLayout->addWidget(central, 1);
    setCentralWidget(page);

    m_onlineLabel = new QLabel(this);
    m_syncLabel = new QLabel(this);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorText"));
    m_errorLabel->hide();
    // Account names and gateway error words come from outside.
    for (QLabel *label : {m_onlineLabel, m_syncLabel, m_errorLabel})
        label->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_onlineLabel);
    statusBar()->addWidget(m_syncLabel, 1);
    statusBar()->addPermanentWidget(m_errorLabel);

    connect(m_engine, &Engine::accountStatusChanged, this, &MainWindow::onAccountStatusChanged);
    connect(m_engine, &Engine::accountRemoved, this, [this](const QString &accountId) {
        if (accountId == m_accountId) {
            m_accountId.clear();
            if (m_accountModel->rowCount() > 0)
                m_accountList->setCurrentIndex(m_accountModel->index(0));
            else
                onCurrentAccountChanged();
        }
        updateStatusBar();
    });
    connect(m_accountModel, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_accountId.isEmpty() && m_accountModel->rowCount() > 0)
            m_accountList->setCurrentIndex(m_accountModel->index(0));
        m_accountList->setFixedHeight(qMin(5, m_accountModel->rowCount()) * 56 + 8);
    });
    connect(m_accountList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onCurrentAccountChanged);
    connect(m_roomList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onCurrentRoomChanged);
    connect(m_roomModel, &RoomListModel::refreshed, this, &MainWindow::onRoomsRefreshed);
    connect(m_roomFilter, &QLineEdit::textChanged, m_roomProxy,
            &QSortFilterProxyModel::setFilterFixedString);

    // What the composer sends goes through Engine::submit like every send;
    // a request that could not be queued says why in the status bar.
    auto submit = [this](const SendRequest &request) {
        m_engine->submit(request).then(this, [this](const SubmitResult &result) {
            if (!result.ok())
                statusBar()->showMessage(tr("Not sent: %1").arg(result.error), 10000);
        });
    };
    // Typing an answer keeps this agent's presence alive; sending or
    // emptying the box ends it.
    connect(m_composer->editor(), &QPlainTextEdit::textChanged, this, [this] {
        if (m_composer->editor()->document()->isEmpty())
            m_presence->stopped();
        else
            m_presence->typing(m_composer->accountId(), m_composer->conversationId());
    });
    connect(m_composer, &Composer::sendRequested, this, [this] { m_presence->stopped(); });
    connect(m_composer, &Composer::sendRequested, this,
            [submit](const QString &accountId, const QString &conversationId, const QString &text,
                     const QStringList &mentionIds) {
                SendRequest request;
                request.accountId = accountId;
                request.conversationId = conversationId;
                request.text = text;
                request.mentionIds = mentionIds;
                submit(request);
            });
    // Files: the composer's button or a pasted image, or a file dropped on
    // the feed; a preview with the target group comes before the outbox.
    connect(m_composer, &Composer::fileSendRequested, this,
            [this, submit](const QString &accountId, const QString &conversationId,
                           const QString &path) {
                auto *preview = new SendFilePreviewDialog(path, m_roomTitle->text(), this);
                preview->setAttribute(Qt::WA_DeleteOnClose);
                connect(preview, &QDialog::accepted, this,
                        [submit, preview, accountId, conversationId] {
                            SendRequest request;
                            request.accountId = accountId;
                            request.conversationId = conversationId;
                            request.filePath = preview->filePath();
                            submit(request);
                        });
                preview->open();
            });
    connect(m_engine, &Engine::uploadProgress, m_feedView, &FeedView::setUploadProgress);
    connect(new FileDropFilter(m_feedView->viewport()), &FileDropFilter::fileDropped, this,
            [this](const QString &path) {
                if (!m_composer->conversationId().isEmpty())
                    emit m_composer->fileSendRequested(m_composer->accountId(),
                                                       m_composer->conversationId(), path);
            });
    // The user acting in the feed, the composer or the group list has seen
    // the open group.
    auto *activity = new UserActivityWatcher(this);
    activity->watch(m_feedView->viewport());
    activity->watch(m_composer->editor());
    activity->watch(m_roomList->viewport());
    connect(activity, &UserActivityWatcher::activity, this, [this] {
        if (!m_unseenOpenRoom || m_roomId.isEmpty())
            return;
        m_unseenOpenRoom = false;
        m_feedController->setMarksRead(true);
        m_roomModel->setOpenRoom(m_roomId);
    });
    connect(m_feedView, &FeedView::olderWanted, m_feedController, &RoomFeedController::loadOlder);
    connect(m_feedView, &FeedView::newerWanted, m_feedController, &RoomFeedController::loadNewer);
    connect(m_feedView, &FeedView::retryRequested, m_engine, &Engine::retrySend);

    // Archive search: a dock beside the feed; Ctrl+F everywhere, Ctrl+Shift+F in the open room.
    m_searchDock = new QDockWidget(tr("Search"), this);
    m_searchDock->setObjectName(QStringLiteral("searchDock"));
    m_searchDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    m_searchPanel = new SearchPanel(store, m_searchDock);
    m_searchDock->setWidget(m_searchPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_searchDock);
    m_searchDock->hide();
    // The panel takes its width from the feed; it must not widen the window.
    m_searchPanel->setMinimumWidth(kSearchPanelMinWidth);
    m_searchAction = new QAction(tr("Search messages"), this);
    m_searchAction->setShortcut(QKeySequence::Find);
    connect(m_searchAction, &QAction::triggered, this, [this] { showSearch(false); });
    addAction(m_searchAction);
    m_roomSearchAction = new QAction(tr("Search in this group"), this);
    m_roomSearchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(m_roomSearchAction, &QAction::triggered, this, [this] { showSearch(true); });
    addAction(m_roomSearchAction);
    connect(m_searchPanel, &SearchPanel::hitActivated, this, &MainWindow::jumpToMessage);
    connect(m_searchPanel, &SearchPanel::exportRequested, this, &MainWindow::exportSearch);
    connect(m_contactsPage, &ContactsPage::messageActivated, this, &MainWindow::jumpToMessage);
    m_exportAction = new QAction(tr("Export…"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_exportAction, &QAction::triggered, this, [this] { showExportDialog(m_roomId); });
    addAction(m_exportAction);
    m_addAccountAction = new QAction(tr("Add bot account…"), this);
    m_addAccountAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(m_addAccountAction, &QAction::triggered, this, &MainWindow::showAddAccountDialog);
    addAction(m_addAccountAction);
    connect(m_feedController, &RoomFeedController::jumpedTo, m_feedView,
            &FeedView::scrollToMessage);
    createNavigationActions();
    createMenuBar();
    createTray();
    createMessageActions();

    connect(m_store, &Store::writeFailed, this, [this](const QString &error) {
        qCWarning(lcUi) << "store write failed:" << error;
        m_errorLabel->setText(tr("Could not save to the database. Details are in the log."));
        m_errorLabel->show();
    });
    // The archive's write state in the status bar too, and a notification.
    connect(
        m_store, &Store::writeStateChanged, this,
        [this](const StoreWriteState &state) {
            m_errorLabel->setText(state.userText());
            m_errorLabel->setVisible(!state.writing());
        },
        Qt::QueuedConnection);
    new StorageNotifier(m_store, style()->standardIcon(QStyle::SP_MessageBoxCritical), this);

    // Reconnect countdowns are shown in words: refresh them every second.
    auto *ticker = new QTimer(this);
    ticker->setInterval(1000);
    connect(ticker, &QTimer::timeout, this, [this] {
        m_accountList->viewport()->update();
        updateStatusBar();
    });
    ticker->start();

    if (m_accountModel->rowCount() > 0) {
        m_accountList->setCurrentIndex(m_accountModel->index(0));
        m_accountList->setFixedHeight(qMin(5, m_accountModel->rowCount()) * 56 + 8);
    }
    updateCentre();
    updateStatusBar();
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::createSidebar()
{
    auto *sidebar = new QWidget(this);
    sidebar->setObjectName(QStringLiteral("sidebar"));
    sidebar->setAttribute(Qt::WA_StyledBackground);
    sidebar->setFixedWidth(240);

    auto *brand = new QLabel(tr("GroupDesk"), sidebar);
    brand->setObjectName(QStringLiteral("brand"));
    m_addAccountButton = new QToolButton(sidebar);
    m_addAccountButton->setObjectName(QStringLiteral("addAccount"));
    m_addAccountButton->setText(QStringLiteral("+"));
    m_addAccountButton->setToolTip(tr("Add bot account"));
    m_addAccountButton->setCursor(Qt::PointingHandCursor);
    connect(m_addAccountButton, &QToolButton::clicked, this, &MainWindow::showAddAccountDialog);
    auto *top = new QHBoxLayout;
    top->setContentsMargins(16, 16, 14, 8);
    top->addWidget(brand, 1);
    top->addWidget(m_addAccountButton);

    auto *caption = new QLabel(tr("BOT ACCOUNTS"), sidebar);
    caption->setObjectName(QStringLiteral("sidebarCaption"));
    caption->setContentsMargins(18, 8, 0, 4);

    m_accountList = new QListView(sidebar);
    m_accountList->setObjectName(QStringLiteral("accountList"));
    m_accountList->setModel(m_accountModel);
    m_accountList->setItemDelegate(new AccountDelegate(m_accountList));
    m_accountList->setMouseTracking(true);
    m_accountList->setContextMenuPolicy(Qt::CustomContextMenu);
    m_accountList->setFixedHeight(64);
    m_accountList->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    connect(m_accountList, &QWidget::customContextMenuRequested, this,
            &MainWindow::showAccountMenu);

    auto *hint = new QLabel(
        tr("Right-click an account to reconnect, restart its login or remove it."), sidebar);
    hint->setObjectName(QStringLiteral("sidebarCaption"));
    hint->setWordWrap(true);
    hint->setContentsMargins(18, 8, 18, 16);
    hint->setStyleSheet(QStringLiteral("font-weight: normal;"));

    auto *layout = new QVBoxLayout(sidebar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(caption);
    layout->addWidget(m_accountList);
    layout->addStretch(1);
    layout->addWidget(hint);
    return sidebar;
}

QWidget *MainWindow::createChatsPage()
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->setHandleWidth(1);

    auto *roomPane = new QWidget(splitter);
    roomPane->setObjectName(QStringLiteral("roomPane"));
    roomPane->setAttribute(Qt::WA_StyledBackground);
    roomPane->setMinimumWidth(240);
    m_roomFilter = new QLineEdit(roomPane);
    m_roomFilter->setObjectName(QStringLiteral("roomFilter"));
    m_roomFilter->setPlaceholderText(tr("Filter groups"));
    m_roomFilter->setClearButtonEnabled(true);
    m_roomList = new QListView(roomPane);
    m_roomList->setObjectName(QStringLiteral("roomList"));
    m_roomList->setModel(m_roomProxy);
    m_roomList->setItemDelegate(new RoomDelegate(m_roomList));
    m_roomList->setMouseTracking(true);
    m_roomList->setUniformItemSizes(true);
    m_roomList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // A row never moves between being seen and being clicked.
    new RoomOrderHold(m_roomList, m_roomModel, this);
    auto *roomLayout = new QVBoxLayout(roomPane);
    roomLayout->setContentsMargins(8, 10, 8, 8);
    roomLayout->setSpacing(8);
    // Search is one click away, not only behind Ctrl+F.
    m_searchButton = new QToolButton(roomPane);
    m_searchButton->setObjectName(QStringLiteral("searchButton"));
    m_searchButton->setText(tr("Search"));
    m_searchButton->setIcon(style()->standardIcon(QStyle::SP_FileDialogContentsView));
    m_searchButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_searchButton->setToolTip(tr("Search the archive (Ctrl+F; Ctrl+Shift+F in the open group)"));
    connect(m_searchButton, &QToolButton::clicked, this, [this] { showSearch(false); });
    auto *filterRow = new QHBoxLayout;
    filterRow->setSpacing(6);
    filterRow->addWidget(m_roomFilter, 1);
    filterRow->addWidget(m_searchButton);
    roomLayout->addLayout(filterRow);
    // Staff tags: show only the rooms with one tag; tag rooms from their context menu.
    m_tagFilter = new QComboBox(roomPane);
    m_tagFilter->setObjectName(QStringLiteral("tagFilter"));
    m_tagFilter->addItem(tr("All tags"), QString());
    auto *exportButton = new QToolButton(roomPane);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Export a group or a date range to CSV or JSON (Ctrl+E)"));
    connect(exportButton, &QToolButton::clicked, this, [this] { showExportDialog(m_roomId); });
    m_roomSort = new QComboBox(roomPane);
    m_roomSort->setObjectName(QStringLiteral("roomSort"));
    m_roomSort->addItem(tr("Recent"), int(RoomListModel::SortMode::Recent));
    m_roomSort->addItem(tr("Needs attention"), int(RoomListModel::SortMode::NeedsAttention));
    m_roomSort->addItem(tr("Group health"), int(RoomListModel::SortMode::Health));
    m_roomSort->setToolTip(tr("Needs attention: groups whose last customer message has no answer "
                              "yet, longest waiting first"));
    connect(m_roomSort, &QComboBox::currentIndexChanged, this, [this] {
        m_roomModel->setSortMode(RoomListModel::SortMode(m_roomSort->currentData().toInt()));
    });
    auto *tagRow = new QHBoxLayout;
    tagRow->setSpacing(6);
    tagRow->addWidget(m_tagFilter, 1);
    tagRow->addWidget(m_roomSort, 1);
    tagRow->addWidget(exportButton);
    roomLayout->addLayout(tagRow);
    connect(m_tagFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_roomModel->setTagFilter(m_tagFilter->currentData().toString()); });
    connect(m_store, &Store::tagsChanged, this, &MainWindow::reloadTagFilter);
    reloadTagFilter();
    m_roomList->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_roomList, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_roomList->indexAt(pos);
        if (!index.isValid())
            return;
        const QString roomId = index.data(RoomListModel::RoomIdRole).toString();
        const QString topic = index.data(RoomListModel::TopicRole).toString();
        QMenu menu(this);
        RoomPreferences *prefs = m_roomModel->preferences();
        const bool pinned = index.data(RoomListModel::PinnedRole).toBool();
        const bool muted = index.data(RoomListModel::MutedRole).toBool();
        menu.addAction(
            pinned ? tr("Unpin") : tr("Pin to top"), this,
            [this, prefs, roomId, pinned] { prefs->setPinned(m_accountId, roomId, !pinned); });
        menu.addAction(muted ? tr("Unmute") : tr("Mute"), this, [this, prefs, roomId, muted] {
            prefs->setMuted(m_accountId, roomId, !muted);
        });
        menu.addSeparator();
        menu.addAction(tr("Tags…"), this, [this, roomId, topic] {
            TagEditorDialog dialog(m_store, TagTarget::Room, m_accountId, roomId, topic, this);
            dialog.exec();
        });
        menu.addAction(tr("Search in this group"), this, [this, roomId] {
            selectRoom(roomId);
            showSearch(true);
        });
        menu.addAction(tr("Export…"), this, [this, roomId] { showExportDialog(roomId); });
        menu.exec(m_roomList->viewport()->mapToGlobal(pos));
    });
    roomLayout->addWidget(m_roomList, 1);

    // The connection banner sits over whatever the centre shows.
    auto *centreBox = new QWidget(splitter);
    m_accountBanner = new AccountBanner(centreBox);
    connect(m_accountBanner, &AccountBanner::reconnectRequested, m_engine, &Engine::reconnectNow);
    connect(m_accountBanner, &AccountBanner::editRequested, this,
            &MainWindow::showEditAccountDialog);
    m_centre = new QStackedWidget(centreBox);
    // Its widest page (the QR login) must not set the window's minimum: with
    // the search panel open the group list would be squeezed instead.
    m_centre->setMinimumWidth(300);
    auto *centreLayout = new QVBoxLayout(centreBox);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    centreLayout->addWidget(m_accountBanner);
    centreLayout->addWidget(m_centre, 1);

    m_placeholder = new QLabel(m_centre);
    m_placeholder->setObjectName(QStringLiteral("placeholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAutoFillBackground(true);

    m_chatPage = new QWidget(m_centre);
    auto *header = new QWidget(m_chatPage);
    header->setObjectName(QStringLiteral("feedHeader"));
    header->setAttribute(Qt::WA_StyledBackground);
    m_roomTitle = new QLabel(header);
    m_roomTitle->setObjectName(QStringLiteral("roomTitle"));
    m_roomTitle->setTextFormat(Qt::PlainText);
    m_roomSubtitle = new QLabel(header);
    m_roomSubtitle->setObjectName(QStringLiteral("roomSubtitle"));
    m_roomSubtitle->setTextFormat(Qt::PlainText);
    auto *headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(20, 10, 20, 10);
    headerLayout->setSpacing(2);
    headerLayout->addWidget(m_roomTitle);
    headerLayout->addWidget(m_roomSubtitle);

    m_feedView = new FeedView(m_chatPage);
    m_feedView->setModel(m_feedModel);
    installMediaCache();
    m_composer = new Composer(m_chatPage);
    // Who else is typing an answer in the open conversation (a team).
    m_presence = new PresenceBoard(m_store, PresenceBoard::agentFromSettings(), this);
    m_typingNotice = new TypingNotice(m_presence, m_chatPage);
    auto *chatLayout = new QVBoxLayout(m_chatPage);
    chatLayout->setContentsMargins(0, 0, 0, 0);
    chatLayout->setSpacing(0);
    chatLayout->addWidget(header);
    chatLayout->addWidget(m_feedView, 1);
    chatLayout->addWidget(m_typingNotice);
    chatLayout->addWidget(m_composer);

    m_loginPanel = new LoginPanel(m_centre);

    m_centre->addWidget(m_placeholder);
    m_centre->addWidget(m_chatPage);
    m_centre->addWidget(m_loginPanel);

    splitter->addWidget(roomPane);
    splitter->addWidget(centreBox);
    // When the search panel takes room, the feed gives it, not the group list.
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 900});
    return splitter;
}

void MainWindow::selectAccount(const QString &accountId)
{
    const int row = m_accountModel->rowOf(accountId);
    if (row >= 0)
        m_accountList->setCurrentIndex(m_accountModel->index(row));
}

void MainWindow::selectRoom(const QString &roomId)
{
    const int row = m_roomModel->rowOf(roomId);
    if (row < 0)
        return;
    m_roomList->setCurrentIndex(m_roomProxy->mapFromSource(m_roomModel->index(row)));
}

void MainWindow::reloadTagFilter()
{
    m_store->read<QStringList>(
        this, [](StoreReader &reader) { return reader.allTags(); },
        [this](QStringList tags) {
            const QString current = m_tagFilter->currentData().toString();
            const QSignalBlocker blocker(m_tagFilter);
            while (m_tagFilter->count() > 1)
                m_tagFilter->removeItem(1);
            for (const QString &tag : std::as_const(tags))
                m_tagFilter->addItem(tag, tag);
            const int i = m_tagFilter->findData(current);
            m_tagFilter->setCurrentIndex(qMax(0, i));
            if (i < 0) // the tag was deleted
                m_roomModel->setTagFilter({});
        });
}

void MainWindow::showSearch(bool roomOnly)
{
    m_searchPanel->setAccount(m_accountId);
    m_searchPanel->setConversationScope(roomOnly ? m_roomId : QString(),
                                        roomOnly ? m_roomTitle->text() : QString());
    const bool opening = m_searchDock->isHidden();
    m_searchDock->show();
    m_searchDock->raise();
    if (opening)
        resizeDocks({m_searchDock}, {kSearchPanelWidth}, Qt::Horizontal);
    m_searchPanel->focusQuery();
}

void MainWindow::jumpToMessage(const QString &accountId, const QString &conversationId,
                               qint64 rowId)
{
    if (accountId != m_accountId)
        selectAccount(accountId);
    m_tabs->setCurrentIndex(0);
    selectRoom(conversationId); // opens the newest page, replaced just below
    openRoom(conversationId);
    m_feedController->openAt(accountId, conversationId, rowId);
}

void MainWindow::showExportDialog(const QString &roomId)
{
    if (m_accountId.isEmpty())
        return;
    ExportDialog dialog(m_store, m_accountId, this);
    if (!roomId.isEmpty()) {
        const int row = m_roomModel->rowOf(roomId);
        dialog.setRoom(roomId, row >= 0 ? m_roomModel->summaryAt(row).topic : roomId);
    }
    dialog.exec();
}

void MainWindow::exportSearch(const SearchQuery &query)
{
    const QString accountId = query.accountId.isEmpty() ? m_accountId : query.accountId;
    if (accountId.isEmpty())
        return;
    ExportDialog dialog(m_store, accountId, this);
    if (!m_roomId.isEmpty() && accountId == m_accountId) {
        const int row = m_roomModel->rowOf(m_roomId);
        dialog.setRoom(m_roomId, row >= 0 ? m_roomModel->summaryAt(row).topic : m_roomId);
    }
    dialog.setSearch(query);
    dialog.exec();
}

void MainWindow::exportRemovedAccount(const QString &accountId)
{
    ExportDialog dialog(m_store, accountId, this);
    dialog.setSource(ExportDialog::Source::DateRange);
    dialog.exec();
}

void MainWindow::reloadRemovedAccounts()
{
    m_store->read<QStringList>(
        this, [](StoreReader &reader) { return reader.removedAccountIds(); },
        [this](QStringList ids) {
            m_removedAccountsMenu->clear();
            for (const QString &id : std::as_const(ids)) {
                // The account's name went with it; its id still tells the
                // archives apart.
                QString shown = id;
                shown.replace(QLatin1Char('&'), QStringLiteral("&&")); // not a mnemonic
                m_removedAccountsMenu->addAction(tr("Removed account (%1): export…").arg(shown),
                                                 this, [this, id] { exportRemovedAccount(id); });
            }
            m_removedAccountsMenu->menuAction()->setEnabled(!ids.isEmpty());
        });
}

void MainWindow::onCurrentAccountChanged()
{
    const QModelIndex current = m_accountList->currentIndex();
    const QString accountId
        = current.isValid() ? current.data(AccountListModel::AccountIdRole).toString() : QString();
    if (accountId == m_accountId && !accountId.isEmpty())
        return;
    m_accountId = accountId;
    m_roomId.clear();
    m_feedController->close();
    m_composer->setConversation({}, {}, {});
    m_roomModel->setOpenRoom({});
    onOpenConversationChanged();
    m_roomModel->setAccount(accountId);
    m_contactsPage->setAccount(accountId);
    m_searchPanel->setAccount(accountId);
    if (!accountId.isEmpty())
        m_loginPanel->setStatus(m_engine->status(accountId));
    updateCentre();
    updateConnectionNotice();
}

void MainWindow::onAccountStatusChanged(const QString &accountId)
{
    if (accountId == m_accountId) {
        const AccountStatus status = m_engine->status(accountId);
        m_loginPanel->setStatus(status);
        if (status.state == SessionState::Ready)
            m_roomModel->refresh(); // sync is done: show the rooms at once
        updateCentre();
        updateConnectionNotice();
    }
    updateStatusBar();
}

void MainWindow::onCurrentRoomChanged()
{
    const QModelIndex current = m_roomList->currentIndex();
    if (!current.isValid())
        return;
    openRoom(current.data(RoomListModel::RoomIdRole).toString());
}

void MainWindow::openRoom(const QString &roomId)
{
    if (roomId == m_roomId)
        return;
    m_roomId = roomId;
    m_feedController->open(m_accountId, roomId);
    m_unseenOpenRoom = m_openingForUser;
    m_feedController->setMarksRead(!m_unseenOpenRoom);
    m_roomModel->setOpenRoom(m_unseenOpenRoom ? QString() : roomId);
    onOpenConversationChanged();
    loadMentionCandidates();
    updateRoomHeader();
    m_composer->setConversation(m_accountId, roomId, m_roomTitle->text());
    m_presence->stopped(); // typing here no more
    m_typingNotice->setConversation(m_accountId, roomId);
    updateCentre();
    if (!roomId.isEmpty())
        m_composer->editor()->setFocus();
    emit roomOpened(m_accountId, roomId, m_roomTitle->text());
}

void MainWindow::onRoomsRefreshed()
{
    if (!m_roomId.isEmpty()) {
        // A reset (new rooms) loses the view's current row: put it back.
        const int row = m_roomModel->rowOf(m_roomId);
        if (row >= 0) {
            const QModelIndex proxyIndex = m_roomProxy->mapFromSource(m_roomModel->index(row));
            if (m_roomList->currentIndex() != proxyIndex) {
                QSignalBlocker blocker(m_roomList->selectionModel());
                m_roomList->setCurrentIndex(proxyIndex);
                m_roomList->viewport()->update();
            }
        }
        updateRoomHeader();
    } else if (!m_accountId.isEmpty() && !m_autoOpened.contains(m_accountId)
               && m_roomModel->rowCount() > 0 && m_roomModel->summaryAt(0).lastMessageMs > 0) {
        // The first time an account's rooms show up, open the liveliest one
        // so the console is never an empty page; it stays unread until the
        // user acts in it (they may not have looked yet).
        m_autoOpened.insert(m_accountId);
        m_openingForUser = true;
        selectRoom(m_roomModel->summaryAt(0).roomId);
        m_openingForUser = false;
    }
    updateCentre();
    updateConnectionNotice();
}

void MainWindow::updateRoomHeader()
{
    const int row = m_roomModel->rowOf(m_roomId);
    if (row < 0) {
        m_roomTitle->setText(m_roomId);
        m_roomSubtitle->clear();
        return;
    }
    const RoomSummary s = m_roomModel->summaryAt(row);
    const QString title = s.topic.isEmpty() ? s.roomId : s.topic;
    if (title != m_roomTitle->text()) {
        m_roomTitle->setText(title);
        m_composer->setTitle(title); // a renamed group: the hint must not name the old topic
    }
    m_roomSubtitle->setText(tr("%n member(s)", nullptr, s.memberCount));
}

void MainWindow::updateConnectionNotice()
{
    const AccountStatus status
        = m_accountId.isEmpty() ? AccountStatus() : m_engine->status(m_accountId);
    // The QR login panel says it all while it shows.
    m_accountBanner->setStatus(isLoginPanelShown() ? AccountStatus() : status);
    m_composer->setAccountConnected(m_accountId.isEmpty() || status.state == SessionState::Ready
                                    || status.state == SessionState::LoggedIn);
}

bool MainWindow::isLoginPanelShown() const
{
    return m_centre->currentWidget() == m_loginPanel;
}

void MainWindow::updateCentre()
{
    if (m_accountId.isEmpty()) {
        m_placeholder->setText(
            tr("No bot account yet.\nClick + at the top left to add one, or start with --demo."));
        m_centre->setCurrentWidget(m_placeholder);
        return;
    }
    const AccountStatus status = m_engine->status(m_accountId);
    if (AccountStateText::isWaitingForScan(status.state)
        || (status.state == SessionState::Connecting && m_roomModel->rowCount() == 0)) {
        m_centre->setCurrentWidget(m_loginPanel);
        return;
    }
    if (!m_roomId.isEmpty()) {
        m_centre->setCurrentWidget(m_chatPage);
        return;
    }
    if (m_roomModel->rowCount() == 0) {
        m_placeholder->setText(status.state == SessionState::LoggedIn
                                   ? tr("Syncing groups and contacts…")
                                   : AccountBanner::wantsBanner(status.state)
                                   ? tr("No groups yet: the account is not connected (see above).")
                                   : tr("No groups for this account yet."));
    } else {
        m_placeholder->setText(tr("Select a group on the left to see its messages."));
    }
    m_centre->setCurrentWidget(m_placeholder);
}

void MainWindow::updateStatusBar()
{
    const QStringList ids = m_engine->accountIds();
    int online = 0;
    QStringList syncing;
    for (const QString &id : ids) {
        const AccountStatus s = m_engine->status(id);
        if (s.state == SessionState::Ready)
            ++online;
        if (s.state == SessionState::LoggedIn && s.syncTotal > 0) {
            syncing.append(tr("Syncing %1: %2 of %3")
                               .arg(s.info.displayName.isEmpty() ? s.info.id : s.info.displayName)
                               .arg(s.syncDone)
                               .arg(s.syncTotal));
        }
        const QString fetch = AccountStateText::fetchText(s);
        if (!fetch.isEmpty())
            syncing.append(tr("%1: %2").arg(
                s.info.displayName.isEmpty() ? s.info.id : s.info.displayName, fetch));
    }
    if (ids.isEmpty())
        m_onlineLabel->setText(tr("No accounts"));
    else
        m_onlineLabel->setText(
            tr("%1 of %n account(s) online", nullptr, int(ids.size())).arg(online));
    m_syncLabel->setText(syncing.join(QStringLiteral("   ")));
}

QString MainWindow::statusText() const
{
    return m_onlineLabel->text();
}

void MainWindow::showAccountMenu(const QPoint &pos)
{
    const QModelIndex index = m_accountList->indexAt(pos);
    if (!index.isValid())
        return;
    const QString accountId = index.data(AccountListModel::AccountIdRole).toString();
    QMenu menu(this);
    menu.addAction(tr("Reconnect now"), this,
                   [this, accountId] { m_engine->reconnectNow(accountId); });
    menu.addAction(tr("Restart QR login"), this,
                   [this, accountId] { m_engine->restartLogin(accountId); });
    menu.addAction(tr("Edit account…"), this,
                   [this, accountId] { showEditAccountDialog(accountId); });
    menu.addSeparator();
    menu.addAction(tr("Remove account"), this,
                   [this, accountId] { confirmRemoveAccount(accountId); });
    menu.exec(m_accountList->viewport()->mapToGlobal(pos));
}

void MainWindow::confirmRemoveAccount(const QString &accountId)
{
    if (accountId.isEmpty())
        return;
    const QString name = m_engine->status(accountId).info.displayName.isEmpty()
        ? accountId
        : m_engine->status(accountId).info.displayName;
    QMessageBox box(QMessageBox::Question, tr("Remove account"),
                    tr("Remove the account \"%1\" from GroupDesk? It stops connecting, its "
                       "token and its unsent messages are deleted. Its archived messages stay: "
                       "export them from Accounts > Archives of removed accounts, or add the "
                       "account again to browse and search them.")
                        .arg(name),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setTextFormat(Qt::PlainText); // the name was typed by someone
    if (box.exec() == QMessageBox::Yes)
        emit accountRemovalRequested(accountId);
}

void MainWindow::quit()
{
    m_quitting = true;
    close();
}

void MainWindow::showEditAccountDialog(const QString &accountId)
{
    const AccountStatus status = m_engine->status(accountId);
    if (status.info.id.isEmpty())
        return;
    AddAccountDialog dialog(m_engine->accountIds(), this);
    dialog.setEditedAccount(status.info);
    if (dialog.exec() != QDialog::Accepted)
        return;
    AccountInfo info = status.info; // keeps what the dialog does not show
    const AccountInfo edited = dialog.account();
    info.displayName = edited.displayName;
    if (!info.demo) {
        info.endpoint = edited.endpoint;
        info.tls = edited.tls;
        info.caFile = edited.caFile;
        info.serverName = edited.serverName;
    }
    emit accountEditRequested(info, dialog.endpoint());
}

void MainWindow::showAddAccountDialog()
{
    AddAccountDialog dialog(m_engine->accountIds(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.useDemo()) {
        emit demoAccountRequested(dialog.account().displayName);
        return;
    }
    emit accountRequested(dialog.account(), dialog.endpoint());
}

} // namespace gd
