#include "FeedView.h"

#include "FeedModel.h"
#include "FeedText.h"
#include "PlainText.h"
#include "TextViewer.h"
#include "TimeText.h"
#include "MediaCache.h"
#include "model/SystemEvent.h"
#include "Theme.h"
#include "UnreadTracker.h"
#include "util/ObjectCounters.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QDesktopServices>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QScrollBar>
#include <QTextLayout>
#include <QToolTip>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace gd {

namespace {
constexpr int kSideMargin = 18;
constexpr int kAvatar = 36;
constexpr int kAvatarGap = 10;
constexpr int kRowGap = 14;
constexpr int kBubblePadX = 12;
constexpr int kBubblePadY = 8;
constexpr int kDateBand = 38;
constexpr int kBubbleRadius = 8;
constexpr int kMaxBubbleWidth = 640;
constexpr int kThumbW = 240; // the thumbnail box: MediaCache scales into it
constexpr int kThumbH = 180;
constexpr int kThumbPad = 4;

qint64 messageKey(const Message &m)
{
    // Stored messages always have a row id; the fallback keeps unstored ones
    // (not expected in the feed) apart without colliding with row ids.
    return m.rowId != 0 ? m.rowId : -qint64(qHash(m.id) | 1u);
}

QDate localDate(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).date();
}
} // namespace

struct FeedView::TextBlock
{
    std::unique_ptr<QTextLayout> layout;
    QSizeF size;
    QVector<FeedText::Link> links;
    // For a text cut for the feed: the whole text and where the "Show the
    // whole message" link sits in the layout.
    QString fullText;
    int showAllStart = -1;
    int showAllLength = 0;
};

FeedView::FeedView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setMouseTracking(true);
    viewport()->setAutoFillBackground(false);
    verticalScrollBar()->setSingleStep(40);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &FeedView::onScrollValueChanged);

    m_textFont = font();
    m_textFont.setPointSizeF(m_textFont.pointSizeF() * 1.05);
    m_nameFont = font();
    m_nameFont.setPointSizeF(m_nameFont.pointSizeF() * 0.9);
    m_nameFont.setWeight(QFont::DemiBold);
    m_smallFont = font();
    m_smallFont.setPointSizeF(m_smallFont.pointSizeF() * 0.85);

    m_newMessagesButton = new QPushButton(viewport());
    m_newMessagesButton->setObjectName(QStringLiteral("newMessages"));
    m_newMessagesButton->setCursor(Qt::PointingHandCursor);
    m_newMessagesButton->hide();
    connect(m_newMessagesButton, &QPushButton::clicked, this, &FeedView::scrollToBottom);
}

FeedView::~FeedView()
{
    ObjectCounters::add(ObjectCounters::FeedLayouts, -m_countedLayouts);
}

void FeedView::reportCounters()
{
    const qint64 layouts = m_cache.size() + m_pendingCache.size();
    ObjectCounters::add(ObjectCounters::FeedLayouts, layouts - m_countedLayouts);
    m_countedLayouts = layouts;
}

void FeedView::setModel(FeedModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_cache.clear();
    m_pendingCache.clear();
    if (m_model) {
        connect(m_model, &FeedModel::rowsAppended, this, &FeedView::onRowsAppended);
        connect(m_model, &FeedModel::rowsPrepended, this, [this] { rebuild(true); });
        connect(m_model, &FeedModel::rowsDroppedFromFront, this, &FeedView::onRowsDroppedFromFront);
        connect(m_model, &FeedModel::rowsDroppedFromBack, this, [this] { rebuild(true); });
        connect(m_model, &FeedModel::pendingChanged, this, [this] {
            m_pendingCache.clear(); // states change the status line: re-lay the few pending rows
            rebuild(true);
        });
        connect(m_model, &FeedModel::cleared, this, &FeedView::onModelCleared);
    }
    onModelCleared();
}

QString FeedView::displayText(const Message &message)
{
    switch (message.kind) {
    case MessageKind::Text:
        return message.text;
    case MessageKind::System: {
        // In the reader's language when the event came as data; older rows
        // keep the line they were stored with.
        const QString line = SystemEvent::fromJson(message.systemEvent).describe();
        return line.isEmpty() ? message.text : line;
    }
    case MessageKind::Image:
        return tr("[Image]");
    case MessageKind::Audio:
        return tr("[Voice message]");
    case MessageKind::Video:
        return tr("[Video]");
    case MessageKind::Emoticon:
        return tr("[Sticker]");
    case MessageKind::Attachment:
        return message.filename.isEmpty() ? tr("[File]") : tr("[File] %1").arg(message.filename);
    case MessageKind::Url:
        return message.text.isEmpty() ? tr("[Link]") : tr("[Link] %1").arg(message.text);
    case MessageKind::Contact:
        return tr("[Contact card]");
    case MessageKind::Location:
        return tr("[Location]");
    case MessageKind::MiniProgram:
        return tr("[Mini program]");
    case MessageKind::Transfer:
        return tr("[Money transfer]");
    case MessageKind::RedEnvelope:
        return tr("[Red envelope]");
    case MessageKind::Recalled:
        return tr("[Message recalled]");
    case MessageKind::ChatHistory:
        return tr("[Chat history]");
    case MessageKind::GroupNote:
        return tr("[Group note]");
    case MessageKind::Post:
        return tr("[Post]");
    case MessageKind::Unknown:
        break;
    }
    return message.text.isEmpty() ? tr("[Unsupported message]") : message.text;
}

bool FeedView::isAtBottom() const
{
    return verticalScrollBar()->value() >= verticalScrollBar()->maximum() - 2;
}

void FeedView::scrollToBottom()
{
    m_stickToBottom = true;
    m_unseen = 0;
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    updateNewMessagesButton();
    if (m_model && m_model->newerTruncated())
        emit newerWanted();
}

bool FeedView::scrollToMessage(qint64 rowId)
{
    for (const Row &row : std::as_const(m_rows)) {
        if (row.kind != Row::MessageRow || m_model->at(row.index).rowId != rowId)
            continue;
        m_highlightRowId = rowId;
        m_stickToBottom = false;
        m_unseen = 0;
        verticalScrollBar()->setValue(qMax(0, row.y - viewport()->height() / 3));
        updateNewMessagesButton();
        viewport()->update();
        return true;
    }
    return false;
}

int FeedView::bubbleMaxWidth() const
{
    const int avail = viewport()->width() - 2 * kSideMargin - 2 * (kAvatar + kAvatarGap);
    return qMax(120, qMin(kMaxBubbleWidth, int(avail * 0.8)));
}

std::shared_ptr<FeedView::TextBlock> FeedView::layoutText(const QString &text, const QFont &font,
                                                          int maxWidth) const
{
    auto block = std::make_shared<TextBlock>();
    // Only a bounded prefix is laid out: a 2 MB text took minutes here.
    FeedText::Prepared prepared = FeedText::prepare(text);
    QString shown = std::move(prepared.shown);
    block->links = std::move(prepared.links);
    if (prepared.truncated) {
        block->fullText = text;
        const QString more
            = tr("Show the whole message (%Ln characters)", nullptr, int(text.size()));
        shown += QChar::LineSeparator;
        block->showAllStart = int(shown.size());
        block->showAllLength = int(more.size());
        shown += more;
    }
    shown.replace(QLatin1Char('\n'), QChar::LineSeparator);
    block->layout = std::make_unique<QTextLayout>(shown, font);
    QList<QTextLayout::FormatRange> formats;
    auto linkFormat = [&formats](int start, int length) {
        QTextLayout::FormatRange range;
        range.start = start;
        range.length = length;
        range.format.setForeground(Theme::link());
        range.format.setFontUnderline(true);
        formats.append(range);
    };
    for (const FeedText::Link &link : std::as_const(block->links))
        linkFormat(link.start, link.length);
    if (block->showAllStart >= 0)
        linkFormat(block->showAllStart, block->showAllLength);
    block->layout->setFormats(formats);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    block->layout->setTextOption(option);
    block->layout->setCacheEnabled(true);
    const QFontMetricsF fm(font);
    qreal height = 0;
    qreal width = 0;
    block->layout->beginLayout();
    for (;;) {
        QTextLine line = block->layout->createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(maxWidth);
        line.setPosition(QPointF(0, height));
        height += line.height();
        width = qMax(width, line.naturalTextWidth());
    }
    block->layout->endLayout();
    block->size = QSizeF(qMax<qreal>(width, fm.averageCharWidth()), qMax(height, fm.height()));
    return block;
}

std::shared_ptr<FeedView::TextBlock> FeedView::layoutFor(const Message &message)
{
    const qint64 key = messageKey(message);
    auto it = m_cache.constFind(key);
    if (it != m_cache.constEnd())
        return it.value();
    std::shared_ptr<TextBlock> block;
    if (message.kind == MessageKind::System)
        block = layoutText(displayText(message), m_smallFont, int(viewport()->width() * 0.7));
    else {
        // In the feed a received file says how to get it.
        const QString text = message.kind == MessageKind::Attachment && !message.id.isEmpty()
            ? tr("%1 (click to save)").arg(displayText(message))
            : displayText(message);
        block = layoutText(text, m_textFont, bubbleMaxWidth() - 2 * kBubblePadX);
    }
    m_cache.insert(key, block);
    return block;
}

int FeedView::messageRowHeight(const Message &message, TextBlock &block) const
{
    if (message.kind == MessageKind::System)
        return kRowGap / 2 + int(block.size.height()) + 10 + kRowGap / 2;
    const int header = QFontMetrics(m_nameFont).height() + 4;
    if (message.kind == MessageKind::Image && m_media) // fixed box: loading never moves rows
        return kRowGap / 2 + qMax(kAvatar, header + kThumbH + 2 * kThumbPad) + kRowGap / 2;
    const int bubble = int(std::ceil(block.size.height())) + 2 * kBubblePadY;
    return kRowGap / 2 + qMax(kAvatar, header + bubble) + kRowGap / 2;
}

void FeedView::rebuild(bool modelChanged)
{
    Q_UNUSED(modelChanged);
    const int width = viewport()->width();
    if (width != m_layoutWidth) {
        m_cache.clear(); // wrapping depends on the width
        m_pendingCache.clear();
        m_layoutWidth = width;
    }

    // Remember what the user is looking at, to keep it in place when rows
    // are added above or dropped.
    qint64 anchorKey = 0;
    int anchorOffset = 0;
    const int oldValue = verticalScrollBar()->value();
    if (!m_stickToBottom && !m_rows.isEmpty()) {
        const int i = rowAt(oldValue);
        if (i >= 0) {
            anchorKey = m_rows.at(i).key;
            anchorOffset = oldValue - m_rows.at(i).y;
        }
    }

    m_rows.clear();
    m_messageRows = 0;
    QHash<qint64, std::shared_ptr<TextBlock>> keep;
    int y = 0;
    if (m_model) {
        m_rows.reserve(m_model->size() + m_model->pending().size());
        QDate previousDay;
        for (int i = 0; i < m_model->size(); ++i) {
            const Message &m = m_model->at(i);
            Row row;
            row.kind = Row::MessageRow;
            row.index = i;
            row.key = messageKey(m);
            const QDate day = localDate(m.timestampMs);
            row.dateBand = (day != previousDay);
            previousDay = day;
            auto block = layoutFor(m);
            keep.insert(row.key, block);
            row.y = y;
            row.height = messageRowHeight(m, *block) + (row.dateBand ? kDateBand : 0);
            y += row.height;
            m_rows.append(row);
        }
        m_messageRows = int(m_rows.size());
    }
    m_cache.swap(keep); // layouts of rows that left the window are freed here
    if (m_model)
        y = appendPendingRows(y);

    int value = -1;
    if (!m_stickToBottom && anchorKey != 0) {
        for (const Row &row : std::as_const(m_rows)) {
            if (row.key == anchorKey) {
                value = row.y + anchorOffset;
                break;
            }
        }
    }
    finishRows(y + kRowGap, value);
}

int FeedView::appendPendingRows(int y)
{
    const auto &pending = m_model->pending();
    for (int i = 0; i < pending.size(); ++i) {
        const OutboxEntry &e = pending.at(i);
        auto it = m_pendingCache.find(e.id);
        if (it == m_pendingCache.end())
            it = m_pendingCache.insert(
                e.id, layoutText(e.text, m_textFont, bubbleMaxWidth() - 2 * kBubblePadX));
        Row row;
        row.kind = Row::PendingRow;
        row.index = i;
        row.key = -(1'000'000'000'000LL + e.id);
        row.y = y;
        row.height = kRowGap / 2 + int(std::ceil(it.value()->size.height())) + 2 * kBubblePadY
            + QFontMetrics(m_smallFont).height() + 6 + kRowGap / 2;
        y += row.height;
        m_rows.append(row);
    }
    return y;
}

void FeedView::finishRows(int contentHeight, int scrollValue)
{
    m_contentHeight = contentHeight;
    m_rebuilding = true;
    QScrollBar *bar = verticalScrollBar();
    const int vh = viewport()->height();
    bar->setPageStep(vh);
    bar->setRange(0, qMax(0, m_contentHeight - vh));
    if (m_stickToBottom)
        bar->setValue(bar->maximum());
    else if (scrollValue >= 0)
        bar->setValue(scrollValue);
    m_rebuilding = false;
    updateNewMessagesButton();
    viewport()->update();
}

void FeedView::onRowsAppended(int count)
{
    if (!m_stickToBottom)
        m_unseen += count;
    // Our message rows must still be the model's first m_messageRows (live
    // batches only add at the end); a straggler sorted in between, a new
    // width or anything else unexpected takes the full path.
    const int held = m_messageRows;
    if (!m_model || viewport()->width() != m_layoutWidth || m_model->size() < held
        || (held > 0
            && (m_rows.at(held - 1).index != held - 1
                || messageKey(m_model->at(held - 1)) != m_rows.at(held - 1).key
                || messageKey(m_model->at(0)) != m_rows.at(0).key))) {
        rebuild(true);
        return;
    }
    int y = 0;
    QDate previousDay;
    if (held > 0) {
        const Row &last = m_rows.at(held - 1);
        y = last.y + last.height;
        previousDay = localDate(m_model->at(held - 1).timestampMs);
    }
    m_rows.resize(held); // pending rows go after the new messages
    for (int i = held; i < m_model->size(); ++i) {
        const Message &m = m_model->at(i);
        Row row;
        row.kind = Row::MessageRow;
        row.index = i;
        row.key = messageKey(m);
        const QDate day = localDate(m.timestampMs);
        row.dateBand = (day != previousDay);
        previousDay = day;
        auto block = layoutFor(m);
        row.y = y;
        row.height = messageRowHeight(m, *block) + (row.dateBand ? kDateBand : 0);
        y += row.height;
        m_rows.append(row);
    }
    m_messageRows = int(m_rows.size());
    y = appendPendingRows(y);
    finishRows(y + kRowGap, -1); // rows added below: what the user reads stays put
}

void FeedView::onRowsDroppedFromFront(int count)
{
    const int n = qMin(count, m_messageRows);
    if (!m_model || viewport()->width() != m_layoutWidth || n <= 0 || n >= m_messageRows) {
        rebuild(true);
        return;
    }
    for (int i = 0; i < n; ++i)
        m_cache.remove(m_rows.at(i).key); // their layouts are freed here
    const int removed = m_rows.at(n).y;
    m_rows.remove(0, n);
    m_messageRows -= n;
    // The new first row always opens with its date band.
    Row &first = m_rows.first();
    const int extra = first.dateBand ? 0 : kDateBand;
    first.dateBand = true;
    first.height += extra;
    for (int i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        row.y = i == 0 ? 0 : row.y - removed + extra;
        if (row.kind == Row::MessageRow)
            row.index -= n;
    }
    const int value = qMax(0, verticalScrollBar()->value() - removed + extra);
    finishRows(m_contentHeight - removed + extra, value);
}

void FeedView::onModelCleared()
{
    m_highlightRowId = 0;
    m_stickToBottom = true;
    m_unseen = 0;
    m_cache.clear();
    m_pendingCache.clear();
    rebuild(true);
}

void FeedView::onScrollValueChanged(int value)
{
    if (m_rebuilding)
        return;
    m_stickToBottom = value >= verticalScrollBar()->maximum() - 2;
    if (m_stickToBottom) {
        m_unseen = 0;
        if (m_model && m_model->newerTruncated())
            emit newerWanted();
    }
    updateNewMessagesButton();
    if (value <= 0 && m_model && !m_model->reachedStart() && !m_model->isEmpty())
        emit olderWanted();
}

void FeedView::updateNewMessagesButton()
{
    const bool show = !m_stickToBottom && m_unseen > 0;
    if (show) {
        m_newMessagesButton->setText(tr("%n new message(s) ↓", nullptr, m_unseen));
        m_newMessagesButton->adjustSize();
        const QSize s = m_newMessagesButton->sizeHint();
        m_newMessagesButton->setGeometry((viewport()->width() - s.width()) / 2,
                                         viewport()->height() - s.height() - 14, s.width(),
                                         s.height());
    }
    m_newMessagesButton->setVisible(show);
}

int FeedView::rowAt(int contentY) const
{
    if (m_rows.isEmpty())
        return -1;
    auto it = std::upper_bound(m_rows.cbegin(), m_rows.cend(), contentY,
                               [](int y, const Row &row) { return y < row.y; });
    if (it == m_rows.cbegin())
        return 0;
    return int(std::distance(m_rows.cbegin(), it)) - 1;
}

void FeedView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    rebuild(false);
}

void FeedView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        m_cache.clear();
        m_pendingCache.clear();
        rebuild(false);
    }
}

void FeedView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void FeedView::paintEvent(QPaintEvent *)
{
    ObjectCounters::add(ObjectCounters::FeedPaints, 1);
    reportCounters();
    QPainter p(viewport());
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(viewport()->rect(), Theme::feedBackground());
    m_retryLinks.clear();
    m_mediaLinks.clear();
    m_textAreas.clear();
    if (!m_model || m_rows.isEmpty())
        return;

    const int vh = viewport()->height();
    const int scrollY = verticalScrollBar()->value();
    // Few messages sit at the bottom, next to the composer, as in a chat.
    const int topPad = qMax(0, vh - m_contentHeight);
    for (int i = qMax(0, rowAt(scrollY)); i < m_rows.size(); ++i) {
        const Row &row = m_rows.at(i);
        const int top = row.y - scrollY + topPad;
        if (top > vh)
            break;
        if (row.kind == Row::MessageRow)
            paintMessage(p, row, top);
        else
            paintPending(p, row, top);
    }
}

void FeedView::paintDateBand(QPainter &p, const QRect &band, qint64 timestampMs)
{
    const QDate day = localDate(timestampMs);
    const QDate today = QDate::currentDate();
    QString text;
    if (day == today)
        text = tr("Today");
    else if (day == today.addDays(-1))
        text = tr("Yesterday");
    else
        text = QLocale().toString(day, QLocale::LongFormat);
    p.setFont(m_smallFont);
    const QFontMetrics fm(m_smallFont);
    const int w = fm.horizontalAdvance(text) + 20;
    const QRect pill(band.center().x() - w / 2, band.top() + 10, w, fm.height() + 6);
    p.setPen(Qt::NoPen);
    p.setBrush(Theme::pill());
    p.drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
    p.setPen(Theme::textSecondary());
    p.drawText(pill, Qt::AlignCenter, text);
}

void FeedView::paintAvatar(QPainter &p, const QRect &rect, const QString &name, const QString &key)
{
    p.setPen(Qt::NoPen);
    p.setBrush(Theme::senderColor(key));
    p.drawEllipse(rect);
    const QString initial
        = name.trimmed().isEmpty() ? QStringLiteral("?") : name.trimmed().left(1).toUpper();
    QFont f = m_nameFont;
    f.setPointSizeF(m_nameFont.pointSizeF() * 1.15);
    p.setFont(f);
    p.setPen(Theme::textOnAccent());
    p.drawText(rect, Qt::AlignCenter, initial);
}

void FeedView::paintMessage(QPainter &p, const Row &row, int top)
{
    const Message &m = m_model->at(row.index);
    const auto block = m_cache.value(messageKey(m));
    if (!block)
        return;
    const int width = viewport()->width();
    if (row.dateBand) {
        paintDateBand(p, QRect(0, top, width, kDateBand), m.timestampMs);
        top += kDateBand;
    }
    if (m.rowId != 0 && m.rowId == m_highlightRowId) // the search hit jumped to
        p.fillRect(QRect(0, top, width, row.height - (row.dateBand ? kDateBand : 0)),
                   Theme::jumpHighlight());
    top += kRowGap / 2;

    if (m.kind == MessageKind::System) {
        const QSizeF s = block->size;
        const QRectF pill((width - s.width()) / 2.0 - 10, top, s.width() + 20, s.height() + 10);
        p.setPen(Qt::NoPen);
        p.setBrush(Theme::pill());
        p.drawRoundedRect(pill, 6, 6);
        p.setPen(Theme::textSecondary());
        block->layout->draw(&p, QPointF(pill.left() + 10, pill.top() + 5));
        m_textAreas.append({QPointF(pill.left() + 10, pill.top() + 5), block});
        return;
    }

    const QString name = m.talkerName.isEmpty() ? m.talkerId : m.talkerName;
    const QString time = TimeText::clock(m.timestampMs);
    const QFontMetrics nameFm(m_nameFont);
    const int headerH = nameFm.height() + 4;
    const bool thumb = m.kind == MessageKind::Image && m_media;
    const int bubbleW
        = thumb ? kThumbW + 2 * kThumbPad : int(std::ceil(block->size.width())) + 2 * kBubblePadX;
    const int bubbleH
        = thumb ? kThumbH + 2 * kThumbPad : int(std::ceil(block->size.height())) + 2 * kBubblePadY;

    QRect avatar;
    QRect bubble;
    if (m.fromSelf) {
        avatar = QRect(width - kSideMargin - kAvatar, top, kAvatar, kAvatar);
        bubble = QRect(avatar.left() - kAvatarGap - bubbleW, top + headerH, bubbleW, bubbleH);
    } else {
        avatar = QRect(kSideMargin, top, kAvatar, kAvatar);
        bubble = QRect(avatar.right() + 1 + kAvatarGap, top + headerH, bubbleW, bubbleH);
    }
    paintAvatar(p, avatar, name, m.fromSelf ? QStringLiteral("self") : m.talkerId);

    // Header: name and time; on the right for the bot's own messages.
    p.setFont(m_nameFont);
    const QString shownName = nameFm.elidedText(name, Qt::ElideRight, bubbleMaxWidth() - 60);
    const int nameW = nameFm.horizontalAdvance(shownName);
    const QFontMetrics smallFm(m_smallFont);
    const int timeW = smallFm.horizontalAdvance(time);
    if (m.fromSelf) {
        const int right = bubble.right();
        p.setPen(Theme::textSecondary());
        p.setFont(m_smallFont);
        p.drawText(QRect(right - nameW - 8 - timeW, top, timeW, headerH),
                   Qt::AlignLeft | Qt::AlignVCenter, time);
        // What the bot sent by itself says so (auto-reply, welcome).
        if (const QString badge = selfMessageBadge(m); !badge.isEmpty()) {
            const int badgeW = smallFm.horizontalAdvance(badge) + 10;
            const QRect pill(right - nameW - 8 - timeW - 6 - badgeW, top + 1, badgeW, headerH - 2);
            p.setPen(Qt::NoPen);
            p.setBrush(Theme::pill());
            p.drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
            p.setPen(Theme::textSecondary());
            p.drawText(pill, Qt::AlignCenter, badge);
        }
        p.setFont(m_nameFont);
        p.setPen(Theme::accent().darker(130));
        p.drawText(QRect(right - nameW, top, nameW + 1, headerH), Qt::AlignLeft | Qt::AlignVCenter,
                   shownName);
    } else {
        p.setPen(Theme::senderColor(m.talkerId));
        p.drawText(QRect(bubble.left(), top, nameW + 1, headerH), Qt::AlignLeft | Qt::AlignVCenter,
                   shownName);
        p.setFont(m_smallFont);
        p.setPen(Theme::textSecondary());
        p.drawText(QRect(bubble.left() + nameW + 8, top, timeW + 1, headerH),
                   Qt::AlignLeft | Qt::AlignVCenter, time);
    }

    // A message that mentions the bot stands out: someone waits for an answer.
    const bool mentionsBot = UnreadTracker::mentionsSelf(m, m_selfId, m_selfName);
    p.setPen(QPen(m.fromSelf ? Theme::bubbleSelfBorder()
                             : (mentionsBot ? Theme::mentionBorder() : Theme::bubbleOtherBorder()),
                  1));
    p.setBrush(m.fromSelf ? Theme::bubbleSelf()
                          : (mentionsBot ? Theme::mentionBackground() : Theme::bubbleOther()));
    p.drawRoundedRect(QRectF(bubble).adjusted(0.5, 0.5, -0.5, -0.5), kBubbleRadius, kBubbleRadius);
    if (thumb) {
        const QRect box = bubble.adjusted(kThumbPad, kThumbPad, -kThumbPad, -kThumbPad);
        paintThumbnail(p, m, box);
        m_mediaLinks.append({box, row.index});
        return;
    }
    const bool placeholder = m.kind != MessageKind::Text;
    p.setPen(placeholder ? Theme::textSecondary() : Theme::textPrimary());
    const QPointF origin(bubble.left() + kBubblePadX, bubble.top() + kBubblePadY);
    block->layout->draw(&p, origin);
    m_textAreas.append({origin, block});
}

void FeedView::setMediaCache(MediaCache *cache)
{
    if (m_media)
        disconnect(m_media, nullptr, this, nullptr);
    m_media = cache;
    if (m_media) {
        // A finished thumbnail repaints; the box is fixed, so no row moves.
        connect(m_media, &MediaCache::stateChanged, this, [this] { viewport()->update(); });
    }
    m_cache.clear();
    rebuild(true);
}

QString FeedView::mediaKey(const Message &message)
{
    return message.accountId + QLatin1Char('/') + message.id;
}

void FeedView::paintThumbnail(QPainter &p, const Message &m, const QRect &box)
{
    const QString key = mediaKey(m);
    // Painting asks for it: only images on screen are fetched.
    const MediaCache::State state = m_media->request(key);
    if (state == MediaCache::State::Ready) {
        const QImage image = m_media->thumbnail(key);
        const QSize s = image.size().scaled(box.size(), Qt::KeepAspectRatio);
        const QRect target(box.left() + (box.width() - s.width()) / 2,
                           box.top() + (box.height() - s.height()) / 2, s.width(), s.height());
        p.drawImage(target, image);
        return;
    }
    p.setPen(Qt::NoPen);
    p.setBrush(Theme::pill());
    p.drawRoundedRect(box, 4, 4);
    p.setFont(m_smallFont);
    QString text;
    switch (state) {
    case MediaCache::State::Failed:
        p.setPen(Theme::accent().darker(120));
        text = tr("Image failed to load — Retry");
        break;
    case MediaCache::State::Corrupt: {
        // A broken-image sign: a torn frame.
        p.setPen(QPen(Theme::textSecondary(), 2));
        const QRect icon(box.center().x() - 18, box.center().y() - 30, 36, 28);
        p.drawRect(icon);
        p.drawLine(icon.topLeft() + QPoint(8, 0), icon.bottomRight() - QPoint(14, 0));
        text = tr("Damaged image");
        break;
    }
    default:
        p.setPen(Theme::textSecondary());
        text = tr("Loading image…");
        break;
    }
    p.drawText(box.adjusted(6, 40, -6, -6), Qt::AlignCenter | Qt::TextWordWrap, text);
}

void FeedView::setUploadProgress(qint64 outboxId, qint64 done, qint64 total)
{
    const int percent = total > 0 ? int(done * 100 / total) : 0;
    if (done >= total && total > 0) {
        m_uploadPercent.remove(outboxId); // uploaded: the send itself follows
    } else {
        if (m_uploadPercent.value(outboxId, -1) == percent)
            return;
        m_uploadPercent.insert(outboxId, percent);
    }
    viewport()->update();
}

void FeedView::paintPending(QPainter &p, const Row &row, int top)
{
    const OutboxEntry &e = m_model->pending().at(row.index);
    const auto block = m_pendingCache.value(e.id);
    if (!block)
        return;
    const int width = viewport()->width();
    top += kRowGap / 2;
    const int bubbleW = int(std::ceil(block->size.width())) + 2 * kBubblePadX;
    const int bubbleH = int(std::ceil(block->size.height())) + 2 * kBubblePadY;
    const int right = width - kSideMargin - kAvatar - kAvatarGap;
    const QRect bubble(right - bubbleW, top, bubbleW, bubbleH);
    const bool failed = e.state == OutboxState::Failed || e.state == OutboxState::Unknown;

    QPen border(failed ? Theme::error() : Theme::bubbleSelfBorder(), 1);
    border.setStyle(e.state == OutboxState::Sent ? Qt::SolidLine : Qt::DashLine);
    p.setPen(border);
    p.setBrush(Theme::bubblePending());
    p.drawRoundedRect(QRectF(bubble).adjusted(0.5, 0.5, -0.5, -0.5), kBubbleRadius, kBubbleRadius);
    p.setPen(Theme::textPrimary());
    const QPointF origin(bubble.left() + kBubblePadX, bubble.top() + kBubblePadY);
    block->layout->draw(&p, origin);
    m_textAreas.append({origin, block});

    QString status;
    QString link;
    switch (e.state) {
    case OutboxState::Queued:
        // A send-later or scheduled push waits for its time.
        status = e.dueMs > QDateTime::currentMSecsSinceEpoch()
            ? tr("Scheduled for %1")
                  .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.dueMs),
                                          QLocale::ShortFormat))
            : tr("Queued");
        break;
    case OutboxState::Sending:
        if (m_uploadPercent.contains(e.id))
            status = tr("Uploading %1 %").arg(m_uploadPercent.value(e.id));
        else
            status = tr("Sending…");
        break;
    case OutboxState::Sent:
        status = tr("Sent");
        break;
    case OutboxState::Failed:
        status = e.error.isEmpty() ? tr("Failed") : tr("Failed: %1").arg(e.error);
        link = tr("Retry");
        break;
    case OutboxState::Unknown:
        status = tr("Unknown outcome");
        link = tr("Send again");
        break;
    case OutboxState::Cancelled:
        status = tr("Cancelled");
        break;
    }
    const QFontMetrics fm(m_smallFont);
    p.setFont(m_smallFont);
    const QString separator = link.isEmpty() ? QString() : QStringLiteral(" — ");
    const int linkW = fm.horizontalAdvance(link);
    const int sepW = fm.horizontalAdvance(separator);
    const int maxStatusW = qMax(40, width / 2);
    const QString shownStatus = fm.elidedText(status, Qt::ElideRight, maxStatusW);
    const int statusW = fm.horizontalAdvance(shownStatus);
    const int lineTop = bubble.bottom() + 4;
    int x = bubble.right() + 1 - (statusW + sepW + linkW);
    p.setPen(failed ? Theme::error() : Theme::textSecondary());
    p.drawText(QRect(x, lineTop, statusW + 1, fm.height()), Qt::AlignLeft, shownStatus);
    x += statusW;
    if (!link.isEmpty()) {
        p.drawText(QRect(x, lineTop, sepW + 1, fm.height()), Qt::AlignLeft, separator);
        x += sepW;
        QFont linkFont = m_smallFont;
        linkFont.setUnderline(true);
        p.setFont(linkFont);
        p.setPen(Theme::link());
        const QRect linkRect(x, lineTop, linkW + 1, fm.height());
        p.drawText(linkRect, Qt::AlignLeft, link);
        m_retryLinks.append({linkRect.adjusted(-4, -3, 4, 3), e.id});
    }
}

int FeedView::linkAt(const QPoint &pos, std::shared_ptr<TextBlock> *blockOut) const
{
    for (const auto &[origin, block] : m_textAreas) {
        if (block->links.isEmpty() && block->showAllStart < 0)
            continue;
        const QPointF local = QPointF(pos) - origin;
        if (local.x() < 0 || local.y() < 0 || local.x() > block->size.width()
            || local.y() > block->size.height())
            continue;
        for (int i = 0; i < block->layout->lineCount(); ++i) {
            const QTextLine line = block->layout->lineAt(i);
            if (local.y() < line.y() || local.y() >= line.y() + line.height())
                continue;
            if (local.x() > line.naturalTextWidth())
                return -1;
            const int at = line.xToCursor(local.x(), QTextLine::CursorOnCharacter);
            if (blockOut)
                *blockOut = block;
            if (block->showAllStart >= 0 && at >= block->showAllStart
                && at < block->showAllStart + block->showAllLength)
                return -2;
            for (int k = 0; k < block->links.size(); ++k) {
                const FeedText::Link &link = block->links.at(k);
                if (at >= link.start && at < link.start + link.length)
                    return k;
            }
            return -1;
        }
        return -1;
    }
    return -1;
}

QVector<FeedView::VisibleLink> FeedView::visibleLinks() const
{
    QVector<VisibleLink> out;
    for (const auto &area : m_textAreas) {
        const QPointF &origin = area.first;
        const std::shared_ptr<TextBlock> &block = area.second;
        auto add = [&](int start, int length, const QString &url) {
            // One rect per line the link spans.
            for (int i = 0; i < block->layout->lineCount(); ++i) {
                const QTextLine line = block->layout->lineAt(i);
                const int a = qMax(start, line.textStart());
                const int b = qMin(start + length, line.textStart() + line.textLength());
                if (a >= b)
                    continue;
                const qreal x1 = line.cursorToX(a);
                const qreal x2 = line.cursorToX(b);
                out.append({QRectF(origin.x() + x1, origin.y() + line.y(), x2 - x1, line.height())
                                .toRect(),
                            url});
            }
        };
        for (const FeedText::Link &link : std::as_const(block->links))
            add(link.start, link.length, link.url);
        if (block->showAllStart >= 0)
            add(block->showAllStart, block->showAllLength, QString());
    }
    return out;
}

void FeedView::showWholeMessage(const TextBlock &block)
{
    auto *viewer = new TextViewer(tr("Whole message"), block.fullText, this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->show();
}

void FeedView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        std::shared_ptr<TextBlock> block;
        const int link = linkAt(event->position().toPoint(), &block);
        if (link == -2) {
            showWholeMessage(*block);
            return;
        }
        if (link >= 0) {
            // Only http(s) links are ever found; the browser opens them.
            QDesktopServices::openUrl(QUrl(block->links.at(link).url));
            return;
        }
    }
    if (event->button() == Qt::LeftButton && m_media && m_model) {
        for (const auto &link : std::as_const(m_mediaLinks)) {
            if (!link.first.contains(event->position().toPoint()) || link.second >= m_model->size())
                continue;
            const Message &m = m_model->at(link.second);
            const QString key = mediaKey(m);
            const MediaCache::State state = m_media->state(key);
            if (state == MediaCache::State::Failed)
                m_media->retry(key);
            else if (state == MediaCache::State::Ready)
                emit imageOpened(key, m.filename);
            return;
        }
    }
    if (event->button() == Qt::LeftButton && m_model) {
        // A click on a received file saves it.
        const int topPad = qMax(0, viewport()->height() - m_contentHeight);
        const int y = int(event->position().y()) + verticalScrollBar()->value() - topPad;
        const int i = y >= 0 && y < m_contentHeight ? rowAt(y) : -1;
        if (i >= 0 && m_rows.at(i).kind == Row::MessageRow) {
            const Message &m = m_model->at(m_rows.at(i).index);
            if (m.kind == MessageKind::Attachment && !m.id.isEmpty()) {
                emit fileSaveRequested(mediaKey(m), m.filename, false);
                return;
            }
        }
    }
    if (event->button() == Qt::LeftButton) {
        for (const auto &link : std::as_const(m_retryLinks)) {
            if (link.first.contains(event->position().toPoint())) {
                emit retryRequested(link.second);
                return;
            }
        }
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void FeedView::mouseMoveEvent(QMouseEvent *event)
{
    bool overLink = false;
    for (const auto &link : std::as_const(m_retryLinks))
        overLink = overLink || link.first.contains(event->position().toPoint());
    std::shared_ptr<TextBlock> block;
    const int textLink = linkAt(event->position().toPoint(), &block);
    if (textLink >= 0) {
        // The target on hover, before anyone clicks (a link's text can lie).
        QToolTip::showText(event->globalPosition().toPoint(),
                           PlainText::toolTip(block->links.at(textLink).url), viewport());
    } else if (QToolTip::isVisible()) {
        QToolTip::hideText();
    }
    overLink = overLink || textLink != -1;
    viewport()->setCursor(overLink ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QAbstractScrollArea::mouseMoveEvent(event);
}

void FeedView::contextMenuEvent(QContextMenuEvent *event)
{
    // Delivered through the viewport: pos() is in viewport coordinates.
    QMenu *menu = createMessageMenu(event->pos(), this);
    if (!menu)
        return;
    menu->exec(event->globalPos());
    delete menu;
}

void FeedView::setSelfMessageBadge(std::function<QString(const Message &)> badge)
{
    m_selfBadge = std::move(badge);
    viewport()->update();
}

QString FeedView::selfMessageBadge(const Message &message) const
{
    return message.fromSelf && m_selfBadge ? m_selfBadge(message) : QString();
}

void FeedView::setSelf(const QString &selfId, const QString &selfName)
{
    if (selfId == m_selfId && selfName == m_selfName)
        return;
    m_selfId = selfId;
    m_selfName = selfName;
    viewport()->update();
}

QMenu *FeedView::createMessageMenu(const QPoint &viewportPos, QWidget *parent)
{
    if (!m_model)
        return nullptr;
    const int topPad = qMax(0, viewport()->height() - m_contentHeight);
    const int y = viewportPos.y() + verticalScrollBar()->value() - topPad;
    if (y < 0 || y >= m_contentHeight)
        return nullptr;
    const int i = rowAt(y);
    if (i < 0)
        return nullptr;
    const Row &row = m_rows.at(i);
    const QString text = row.kind == Row::MessageRow ? displayText(m_model->at(row.index))
                                                     : m_model->pending().at(row.index).text;
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("messageMenu"));
    auto *copy = menu->addAction(tr("Copy text"), this,
                                 [text] { QApplication::clipboard()->setText(text); });
    copy->setObjectName(QStringLiteral("copyText"));
    if (row.kind != Row::MessageRow)
        return menu;
    const Message &m = m_model->at(row.index);
    const QString name = m.talkerName.isEmpty() ? m.talkerId : m.talkerName;
    if (m.kind != MessageKind::System) {
        auto *quote = menu->addAction(tr("Quote in reply"), this,
                                      [this, name, text] { emit quoteRequested(name, text); });
        quote->setObjectName(QStringLiteral("quoteInReply"));
    }
    if (!m.fromSelf && !m.talkerId.isEmpty() && m.kind != MessageKind::System) {
        const QString talkerId = m.talkerId;
        if (!m.roomId.isEmpty()) { // @ only means something in a group
            auto *mention
                = menu->addAction(tr("Mention %1").arg(name), this, [this, talkerId, name] {
                      emit mentionRequested(talkerId, name);
                  });
            mention->setObjectName(QStringLiteral("mentionSender"));
        }
        auto *from
            = menu->addAction(tr("Messages from %1").arg(name), this, [this, talkerId, name] {
                  emit messagesFromRequested(talkerId, name);
              });
        from->setObjectName(QStringLiteral("messagesFrom"));
    }
    const bool isImage = m.kind == MessageKind::Image;
    if ((isImage || m.kind == MessageKind::Attachment || m.kind == MessageKind::Video)
        && !m.id.isEmpty()) {
        const QString key = mediaKey(m);
        const QString fileName = m.filename;
        menu->addSeparator();
        auto *save = menu->addAction(tr("Save as…"), this, [this, key, fileName, isImage] {
            emit fileSaveRequested(key, fileName, isImage);
        });
        save->setObjectName(QStringLiteral("saveAs"));
    }
    return menu;
}

} // namespace gd
