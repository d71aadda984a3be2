#pragma once
// Paints the feed of one conversation: only the rows on screen, from layouts
// cached per message (re-laid out when the width changes). Keeps to the bottom
// while the user is there; otherwise counts what arrived below and offers a
// "new messages" button. Asks for older pages when scrolled to the top.
// Texts show a bounded prefix (FeedText) with "Show the whole message" for
// the rest, WeChat emoji codes as emoji, and clickable http(s) links.

#include "model/Types.h"

#include <QAbstractScrollArea>
#include <QHash>
#include <QVector>

#include <functional>
#include <memory>

class QMenu;
class QPushButton;
class QTextLayout;

namespace gd {

class FeedModel;
class MediaCache;

class FeedView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit FeedView(QWidget *parent = nullptr);
    ~FeedView() override;

    void setModel(FeedModel *model);
    // Image messages show thumbnails from this cache (loaded as they are
    // painted); without one they show "[Image]".
    void setMediaCache(MediaCache *cache);
    // A pending file send going through Upload (Engine::uploadProgress):
    // its row says "Uploading N %" while it is Sending.
    void setUploadProgress(qint64 outboxId, qint64 done, qint64 total);
    static QString mediaKey(const Message &message);
    FeedModel *model() const { return m_model; }

    bool isAtBottom() const;
    void scrollToBottom();
    int unseenCount() const { return m_unseen; }
    int cachedLayoutCount() const { return int(m_cache.size()); }
    // Scrolls so the message stored in `rowId` is in view (a third from the
    // top) and marks it until another room is shown. False if it is not held.
    bool scrollToMessage(qint64 rowId);
    qint64 highlightedRowId() const { return m_highlightRowId; }

    // Text shown for a message: its text, or a placeholder for kinds the feed
    // cannot show yet ("[Image]").
    static QString displayText(const Message &message);
    // The context menu of the message at a viewport point (nullptr if none):
    // copy, quote in reply, mention the sender, messages from this person,
    // save as. The caller owns the menu.
    QMenu *createMessageMenu(const QPoint &viewportPos, QWidget *parent);
    // The bot account of the feed: messages that mention it are highlighted.
    void setSelf(const QString &selfId, const QString &selfName);
    // A short label drawn beside the name of the bot's own messages (e.g.
    // "Auto-reply" for what the bot sent by itself); empty: none.
    void setSelfMessageBadge(std::function<QString(const Message &)> badge);
    QString selfMessageBadge(const Message &message) const;

    // What a link painted last time leads to, in viewport coordinates: the
    // http(s) target, or an empty url for "Show the whole message".
    struct VisibleLink
    {
        QRect rect;
        QString url;
    };
    QVector<VisibleLink> visibleLinks() const;

signals:
    void olderWanted(); // scrolled to the top: load an older page
    void newerWanted(); // at the bottom of a window whose newest rows were dropped
    void retryRequested(qint64 outboxId);
    void imageOpened(const QString &mediaKey, const QString &name);
    // The user asked to save a received file or image (click on a file, or
    // "Save as…" in the context menu).
    void fileSaveRequested(const QString &mediaKey, const QString &name, bool isImage);
    // From a message's context menu: quote it in the reply, @ its sender, or
    // list what its sender wrote.
    void quoteRequested(const QString &senderName, const QString &text);
    void mentionRequested(const QString &talkerId, const QString &name);
    void messagesFromRequested(const QString &talkerId, const QString &name);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;

private:
    struct TextBlock;
    struct Row
    {
        enum Kind { MessageRow, PendingRow } kind = MessageRow;
        int index = 0; // into the model's messages or pending list
        qint64 key = 0; // stable across rebuilds, to keep the scroll anchor
        int y = 0; // top, in content coordinates
        int height = 0;
        bool dateBand = false;
    };

    void rebuild(bool modelChanged);
    // Incremental paths for live traffic: a busy room appends and drops rows
    // many times a second, and walking the whole window each time stalls the
    // GUI. They fall back to rebuild() when the rows no longer match the model.
    void onRowsAppended(int count);
    void onRowsDroppedFromFront(int count);
    int appendPendingRows(int y); // returns the bottom of the last one
    void finishRows(int contentHeight, int scrollValue);
    void onModelCleared();
    void onScrollValueChanged(int value);
    void updateNewMessagesButton();
    std::shared_ptr<TextBlock> layoutFor(const Message &message);
    std::shared_ptr<TextBlock> layoutText(const QString &text, const QFont &font,
                                          int maxWidth) const;
    int messageRowHeight(const Message &message, TextBlock &block) const;
    int rowAt(int contentY) const;
    int bubbleMaxWidth() const;
    void paintDateBand(QPainter &p, const QRect &band, qint64 timestampMs);
    void paintMessage(QPainter &p, const Row &row, int top);
    void paintPending(QPainter &p, const Row &row, int top);
    void paintThumbnail(QPainter &p, const Message &m, const QRect &box);
    void paintAvatar(QPainter &p, const QRect &rect, const QString &name, const QString &key);
    // The link under a viewport point (index into the block's links, -2 for
    // "Show the whole message", -1 for none).
    int linkAt(const QPoint &pos, std::shared_ptr<TextBlock> *block) const;
    void showWholeMessage(const TextBlock &block);
    void reportCounters(); // keeps ObjectCounters::FeedLayouts in step with the caches

    FeedModel *m_model = nullptr;
    QVector<Row> m_rows; // message rows (model order), then pending rows
    int m_messageRows = 0; // how many of m_rows are message rows
    int m_contentHeight = 0;
    int m_layoutWidth = -1;
    QHash<qint64, std::shared_ptr<TextBlock>> m_cache; // by message rowId (or hash of id)
    QHash<qint64, std::shared_ptr<TextBlock>> m_pendingCache; // by outbox id
    QHash<qint64, int> m_uploadPercent; // by outbox id, while uploading
    QVector<QPair<QRect, qint64>> m_retryLinks; // viewport rects painted last time
    MediaCache *m_media = nullptr;
    QVector<QPair<QRect, int>> m_mediaLinks; // thumbnail rects -> model index, painted last time
    // Texts painted last time, for links: where each block's origin was.
    QVector<QPair<QPointF, std::shared_ptr<TextBlock>>> m_textAreas;
    bool m_stickToBottom = true;
    bool m_rebuilding = false;
    int m_unseen = 0;
    qint64 m_highlightRowId = 0; // a jumped-to search hit
    QString m_selfId; // the bot: messages mentioning it are highlighted
    QString m_selfName;
    std::function<QString(const Message &)> m_selfBadge;
    QPushButton *m_newMessagesButton = nullptr;
    QFont m_textFont;
    QFont m_nameFont;
    QFont m_smallFont;
    qint64 m_countedLayouts = 0;
};

} // namespace gd
